import keytar from 'keytar'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../src-main/app'
import { KEYCHAIN_SERVICE } from '../../src-main/infra/credentials/store'
import { silentLogger } from '../../src-main/infra/log'
import { coreWithPrivateKeychain } from '../helpers/core-harness'

/** Credentials through the router against a real Secret Service keychain (this file's own). */
const CLARO = { key: 'claro-key-0000a1b2', secret: 'claro-secret-CANARY-7f3e', customerId: 'ACMEFRAUDES' }

describe('credentials in the OS keychain, through the router', () => {
  const h = coreWithPrivateKeychain()

  const stored = async (account: string) =>
    JSON.parse((await keytar.getPassword(KEYCHAIN_SERVICE, account)) ?? 'null') as { value: unknown } | null

  it('stores a credential as a JSON entry `<env>/<name>` of service Sentinela and answers with a hint only', async () => {
    const result = await h.core.router.invoke('credentials:set', { name: 'claro', value: CLARO })
    expect(result).toMatchObject({
      ok: true,
      data: { name: 'claro', provider: 'claro', environment: 'sandbox', hint: 'key …a1b2', status: 'ok' },
    })
    expect(JSON.stringify(result)).not.toContain(CLARO.secret)
    expect(JSON.stringify(result)).not.toContain(CLARO.key)
    expect((await stored('sandbox/claro'))?.value).toEqual(CLARO)
  })

  it('lists names, hints and dates — never a secret value', async () => {
    await h.core.router.invoke('credentials:set', { name: 'claro', value: CLARO })
    await h.core.router.invoke('credentials:set', {
      name: 'clearsale',
      value: { username: 'analista.fraude', password: 'cs-pass-CANARY' },
    })
    await h.core.router.invoke('credentials:set', {
      name: 'mse:sms_text',
      value: { profile: 'PARCEIRO_SMS', password: 'mse-pwd-CANARY', billingCode: '77' },
    })
    const list = await h.core.router.invoke('credentials:list', {})
    expect(list).toMatchObject({
      ok: true,
      data: {
        environment: 'sandbox',
        items: [
          { name: 'claro', hint: 'key …a1b2' },
          { name: 'clearsale', hint: 'username …aude' },
          { name: 'mse:SMS_TEXT', provider: 'mse', hint: 'profile …_SMS' },
        ],
      },
    })
    const text = JSON.stringify(list)
    for (const secret of [
      CLARO.secret,
      CLARO.key,
      CLARO.customerId,
      'cs-pass-CANARY',
      'analista.fraude',
      'mse-pwd-CANARY',
      'PARCEIRO_SMS',
    ])
      expect(text).not.toContain(secret)
  })

  it('replaces a credential, updates its date and drops the token obtained with the old one', async () => {
    await h.core.router.invoke('credentials:set', { name: 'claro', value: CLARO })
    await h.core.context.credentials.setToken('sandbox', 'claro', CLARO, {
      token: 'tok-1',
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    expect(await h.core.context.credentials.getToken('sandbox', 'claro', CLARO)).toMatchObject({ token: 'tok-1' })
    await h.core.router.invoke('credentials:set', { name: 'claro', value: { ...CLARO, secret: 'rotated-secret-99' } })
    expect((await stored('sandbox/claro'))?.value).toMatchObject({ secret: 'rotated-secret-99' })
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, 'sandbox/claro#token')).toBeNull()
    expect(await h.core.context.credentials.getToken('sandbox', 'claro', CLARO)).toBeNull()
  })

  it('deletes a credential with its token, and says whether it was there', async () => {
    await h.core.router.invoke('credentials:set', { name: 'claro', value: CLARO })
    await h.core.context.credentials.setToken('sandbox', 'claro', CLARO, {
      token: 'tok-2',
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    expect(await h.core.router.invoke('credentials:delete', { name: 'claro' })).toEqual({
      ok: true,
      data: { deleted: true },
    })
    expect(await keytar.findCredentials(KEYCHAIN_SERVICE)).toEqual([])
    expect(await h.core.router.invoke('credentials:delete', { name: 'claro' })).toEqual({
      ok: true,
      data: { deleted: false },
    })
  })

  it('keeps environments apart', async () => {
    await h.core.router.invoke('credentials:set', { name: 'claro', environment: 'producao', value: CLARO })
    expect(await h.core.router.invoke('credentials:list', {})).toMatchObject({
      ok: true,
      data: { environment: 'sandbox', items: [] },
    })
    expect(await h.core.router.invoke('credentials:list', { environment: 'producao' })).toMatchObject({
      ok: true,
      data: { items: [{ name: 'claro', environment: 'producao' }] },
    })
  })

  it('refuses an incomplete credential field by field, writes nothing, and never echoes the values', async () => {
    const result = await h.core.router.invoke('credentials:set', {
      name: 'claro',
      value: { key: 'only-the-key-CANARY', customerId: 'ACME CORP' },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    expect(JSON.stringify(result)).toMatch(/value\.secret/)
    expect(JSON.stringify(result)).toMatch(/value\.customerId/)
    expect(JSON.stringify(result)).not.toContain('only-the-key-CANARY')
    expect(await keytar.findCredentials(KEYCHAIN_SERVICE)).toEqual([])
  })

  it('refuses bad names', async () => {
    for (const name of ['vivo', 'mse:', 'mse:sms text', 'claro/../x']) {
      expect(await h.core.router.invoke('credentials:set', { name, value: CLARO })).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      })
    }
  })

  it('reports an entry that is not valid JSON as unreadable instead of failing the list', async () => {
    await keytar.setPassword(KEYCHAIN_SERVICE, 'sandbox/clearsale', 'not json at all')
    expect(await h.core.router.invoke('credentials:list', {})).toMatchObject({
      ok: true,
      data: { items: [{ name: 'clearsale', status: 'unreadable', hint: '', updatedAt: null }] },
    })
  })

  it('reuses a persisted token until it expires, as a new process would', async () => {
    await h.core.router.invoke('credentials:set', { name: 'claro', value: CLARO })
    await h.core.context.credentials.setToken('sandbox', 'claro', CLARO, {
      token: 'tok-3',
      expiresAt: new Date(Date.now() + 60_000),
    })
    const other = await createCore({ dataDir: h.dataDir, host: 'cli', log: silentLogger })
    try {
      expect(await other.context.credentials.getToken('sandbox', 'claro', CLARO)).toMatchObject({ token: 'tok-3' })
      expect(await other.context.credentials.getToken('sandbox', 'claro', { ...CLARO, secret: 'other' })).toBeNull()
      expect(
        await other.context.credentials.getToken('sandbox', 'claro', CLARO, new Date(Date.now() + 120_000)),
      ).toBeNull()
    } finally {
      await other.close()
    }
  })
})
