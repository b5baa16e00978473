import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppErrorSchema, CHANNEL_NAMES, type InvokeResult } from '../../src-shared/contract'
import { createCore, type Core } from '../../src-main/app'
import { createRouter, type Handlers } from '../../src-main/app/router'
import { silentLogger } from '../../src-main/infra/log'
import { createTranslator } from '../../src-shared/i18n'
import { SettingsSchema } from '../../src-shared/domain/settings'
import { BAD_CHANNELS, MALFORMED_PAYLOADS } from '../helpers/malformed'
import { tempDir } from '../helpers/tmp'

function expectTypedError(result: InvokeResult<unknown>, code: string): void {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(AppErrorSchema.safeParse(result.error).success).toBe(true)
  expect(result.error.code).toBe(code)
  expect(result.error.message.length).toBeGreaterThan(0)
  const text = JSON.stringify(result.error)
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/) // never a stack trace
  expect(text.length).toBeLessThan(8_000) // never an echo of a huge input
}

describe('router', () => {
  let dir: ReturnType<typeof tempDir>
  let core: Core
  beforeEach(async () => {
    dir = tempDir()
    core = await createCore({ dataDir: dir.path, host: 'cli', log: silentLogger })
  })
  afterEach(async () => {
    await core.close()
    dir.cleanup()
  })

  it('answers app:info with the running instance', async () => {
    const result = await core.router.invoke('app:info', {})
    expect(result).toMatchObject({
      ok: true,
      data: { name: 'Sentinela', host: 'cli', environment: 'sandbox', dataDir: dir.path },
    })
  })

  it.each(BAD_CHANNELS.map((channel) => [String(channel).slice(0, 30), channel]))(
    'refuses unknown channel %s with a typed error',
    async (_name, channel) => {
      expectTypedError(await core.router.invoke(channel, {}), 'unknown_channel')
    },
  )

  for (const channel of CHANNEL_NAMES) {
    it.each(MALFORMED_PAYLOADS.map((m) => [m.name, m.payload]))(
      `refuses ${channel} with %s`,
      async (_name, payload) => {
        const result = await core.router.invoke(channel, payload)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(['invalid_request', 'payload_too_large']).toContain(result.error.code)
        expectTypedError(result, result.ok ? '' : result.error.code)
      },
    )
  }

  it('refuses a cyclic payload without crashing', async () => {
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    expectTypedError(await core.router.invoke('settings:update', cyclic), 'payload_too_large')
  })

  it('does not let a __proto__ key pollute prototypes', async () => {
    await core.router.invoke('settings:update', JSON.parse('{"__proto__": {"polluted": true}}'))
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('keeps working after every kind of bad call', async () => {
    for (const channel of BAD_CHANNELS) await core.router.invoke(channel, null)
    expect((await core.router.invoke('app:info', {})).ok).toBe(true)
  })

  it('says which field is wrong, in the user language', async () => {
    const result = await core.router.invoke('settings:update', { language: 'fr' })
    expectTypedError(result, 'invalid_request')
    if (!result.ok) {
      expect(result.error.message).toMatch(/^Pedido inválido para settings:update: language/)
      expect(result.error.detail).toMatchObject({ issues: [{ path: 'language', code: 'invalid_value' }] })
    }
  })

  it('turns a throwing handler into an internal error without its text or stack', async () => {
    const real = core.router
    const ok = await real.invoke('settings:get', {})
    expect(ok.ok).toBe(true)
    const boom = (): never => {
      throw new Error('secret-bearing failure text /home/user/x.ts:12')
    }
    const handlers = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, boom])) as unknown as Handlers
    const router = createRouter(handlers, { translate: () => createTranslator('en'), log: silentLogger })
    const result = await router.invoke('app:info', {})
    expectTypedError(result, 'internal')
    expect(JSON.stringify(result)).not.toContain('secret-bearing')
  })

  it('strips fields a handler returns beyond the contract', async () => {
    const settings = SettingsSchema.parse({})
    const leaky = () => ({ ...settings, secret: 'hunter2' })
    const handlers = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, leaky])) as unknown as Handlers
    const router = createRouter(handlers, { translate: () => createTranslator('en'), log: silentLogger })
    const result = await router.invoke('settings:get', {})
    expect(result).toEqual({ ok: true, data: settings })
  })
})
