import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { SETTINGS_FILE } from '../../src-main/infra/settings'
import { invokeOrThrow } from '../../src-main/cli/invoke'
import { SettingsSchema } from '../../src-shared/domain/settings'

const DEFAULTS = SettingsSchema.parse({})
import { tempDir } from '../helpers/tmp'

describe('settings', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => (dir = tempDir()))
  afterEach(() => dir.cleanup())
  const file = (): string => join(dir.path, SETTINGS_FILE)
  const open = () => createCore({ dataDir: dir.path, host: 'cli', log: silentLogger })

  it('uses safe defaults when the file is missing, without writing one', async () => {
    const core = await open()
    expect(await core.router.invoke('settings:get', {})).toEqual({ ok: true, data: DEFAULTS })
    expect(DEFAULTS).toMatchObject({
      language: 'pt-BR',
      environment: 'sandbox',
      maskIdentifiers: true,
      timeZone: 'America/Sao_Paulo',
      policy: { version: 1, rules: { claro_score_low: { below: 300 }, takeover_recent: { days: 7 } } },
    })
    expect(existsSync(file())).toBe(false)
  })

  it('persists an update and reads it back in a new process', async () => {
    const first = await open()
    await first.router.invoke('settings:update', { language: 'en' })
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ ...DEFAULTS, language: 'en' })
    const second = await open()
    expect(await second.router.invoke('settings:get', {})).toMatchObject({ ok: true, data: { language: 'en' } })
  })

  it('fills fields a partial file lacks and ignores keys it does not know', async () => {
    writeFileSync(file(), JSON.stringify({ language: 'en', fromTheFuture: 1 }))
    const core = await open()
    expect(await core.router.invoke('settings:get', {})).toEqual({ ok: true, data: { ...DEFAULTS, language: 'en' } })
  })

  it.each([
    ['broken JSON', '{"language": "en",'],
    ['a refused value', JSON.stringify({ language: 'klingon' })],
    ['not an object', '[1,2]'],
  ])('moves a file with %s aside, keeps its bytes, and tells the user', async (_name, text) => {
    writeFileSync(file(), text)
    const core = await open()
    const moved = readdirSync(dir.path).filter((name) => name.startsWith('settings.corrupt-'))
    expect(moved).toHaveLength(1)
    expect(readFileSync(join(dir.path, moved[0] ?? ''), 'utf8')).toBe(text)
    expect(existsSync(file())).toBe(false)
    expect(await core.router.invoke('app:info', {})).toMatchObject({
      ok: true,
      data: { notices: [{ code: 'settings_corrupt', message: expect.stringContaining(moved[0] ?? '-') }] },
    })
    expect(await core.router.invoke('settings:get', {})).toMatchObject({ ok: true, data: { language: 'pt-BR' } })
  })

  it('lets the user dismiss the notice', async () => {
    writeFileSync(file(), 'garbage')
    const core = await open()
    await core.router.invoke('app:dismiss-notice', { code: 'settings_corrupt' })
    expect(await core.router.invoke('app:info', {})).toMatchObject({ ok: true, data: { notices: [] } })
  })

  it('publishes settings:changed to subscribers', async () => {
    const core = await open()
    const seen: unknown[] = []
    core.events.subscribe('settings:changed', (data) => seen.push(data))
    await core.router.invoke('settings:update', { language: 'en' })
    expect(seen).toEqual([{ ...DEFAULTS, language: 'en' }])
  })

  it('merges a nested patch field by field', async () => {
    const core = await open()
    await core.router.invoke('settings:update', { sandbox: { latencyMs: 40 } })
    const result = await core.router.invoke('settings:update', { sandbox: { errorRate: 0.5 } })
    expect(result).toMatchObject({
      ok: true,
      data: { sandbox: { latencyMs: 40, errorRate: 0.5, tokenLifetimeSeconds: 86_400 } },
    })
  })

  it('reports an unwritable data dir as a typed error and keeps serving', async () => {
    const sub = join(dir.path, 'sub')
    const core = await createCore({ dataDir: sub, host: 'cli', log: silentLogger })
    // The data dir is replaced by a plain file under the running core: every write must now fail, cleanly.
    rmSync(sub, { recursive: true })
    writeFileSync(sub, 'a file where the folder was')
    const result = await core.router.invoke('settings:update', { language: 'en' })
    expect(result).toMatchObject({ ok: false, error: { code: 'settings_unwritable' } })
    expect(await core.router.invoke('settings:get', {})).toMatchObject({ ok: true, data: { language: 'pt-BR' } })
  })

  it("migrates today's settings file into one policy, rewrites it and says what changed", async () => {
    writeFileSync(
      file(),
      JSON.stringify({
        language: 'pt-BR',
        riskWindowDays: 7,
        scoreThreshold: 500,
        verdictRules: {
          claro_score_low: { enabled: true, action: 'revisar', threshold: 300 },
          takeover_recent: { enabled: true, action: 'recusar', threshold: 7 },
        },
      }),
    )
    const core = await open()
    const settings = core.context.settings.get()
    expect(settings.policy.rules.claro_score_low).toEqual({ enabled: true, action: 'revisar', below: 300 })
    const written = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>
    expect(written).not.toHaveProperty('scoreThreshold')
    expect(written).not.toHaveProperty('verdictRules')
    expect(written).toHaveProperty('policy.rules.claro_score_low.below', 300)
    const info = await invokeOrThrow(core, 'app:info', {})
    expect(info.notices.map((n) => n.message)).toEqual([
      expect.stringContaining('"scoreThreshold" valia 500, mas os vereditos usavam 300: vale 300'),
    ])
    await core.close()
  })

  it('saves an edited policy whole with a reason, moving its version on only when the rules change, and logs it', async () => {
    const core = await open()
    const state = await invokeOrThrow(core, 'policy:get', {})
    const policy = state.policy
    const unexplained = await core.router.invoke('policy:set', { policy: { ...policy, name: 'Carteira PF' } } as never)
    expect(unexplained).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    const renamed = await core.router.invoke('policy:set', {
      policy: { ...policy, name: 'Carteira PF' },
      reason: 'nome da carteira',
    })
    expect(renamed).toMatchObject({
      ok: true,
      data: { policy: { name: 'Carteira PF', version: 1 }, ref: { version: 1, hash: state.ref.hash } },
    })
    const stricter = await invokeOrThrow(core, 'policy:set', {
      policy: {
        ...policy,
        rules: { ...policy.rules, claro_score_low: { enabled: true, action: 'revisar', below: 500 } },
      },
      reason: 'inadimplência subiu no trimestre',
    })
    expect(stricter.policy.version).toBe(2)
    expect(stricter.ref.hash).not.toBe(state.ref.hash)
    // Back to the earlier rules: they are known by the version they were first recorded with (one version, one set of
    // rules on every surface).
    const back = await invokeOrThrow(core, 'policy:set', { policy, reason: 'voltando ao padrão' })
    expect(back.policy.version).toBe(1)
    const log = await invokeOrThrow(core, 'policy:log', {})
    expect(log.map((e) => [e.kind, e.ref.version, e.reason])).toEqual([
      ['in_force', 1, 'voltando ao padrão'],
      ['in_force', 2, 'inadimplência subiu no trimestre'],
      ['in_force', 1, 'nome da carteira'],
    ])
    expect(log[1]?.changes).toEqual([
      { field: 'name', before: 'Carteira PF', after: 'Política padrão' },
      { field: 'claro_score_low.below', before: 300, after: 500 },
    ])
    expect(log.every((e) => e.who.length > 0)).toBe(true)
    const refused = await core.router.invoke('policy:set', {
      policy: { ...policy, rules: { ...policy.rules, not_run: { action: 'aprovar' } } },
      reason: 'teste',
    } as never)
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    expect(core.context.settings.get().policy.version).toBe(1)
    await core.close()
  })
})
