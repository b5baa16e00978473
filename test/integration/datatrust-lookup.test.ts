import { withCheckDigits } from '../../src-shared/domain/cpf'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { startWireServer } from '../helpers/wire-server'

/** Data Trust through the router, the client, the sandbox and the callback listener, over real HTTP. */
describe('Data Trust and webhooks', () => {
  const h = coreWithPrivateKeychain({
    host: 'browser',
    startCallbacks: true,
    settings: { callbacks: { bindAddress: '127.0.0.1', port: 0 } },
  })
  const stats = async () => (await h.core.context.sandbox.server('clearsale')).stats()
  const sandboxInbox = async () => {
    const r = await h.core.router.invoke('sandbox:inbox', {})
    return r.ok ? (r.data as { text: string; transactionId: string }[]) : []
  }

  it('sends a transaction from what an analyst types (phone split, CEP digits) and keeps it in the history', async () => {
    const result = await h.core.router.invoke('datatrust:send', {
      cpf: '529.982.247-25',
      phone: '+55 (11) 91234-5678',
      email: 'joao@exemplo.com.br',
      cep: '01310-100',
    })
    expect(result).toMatchObject({
      ok: true,
      data: {
        transaction: {
          Document: '52998224725',
          AreaCode: '11',
          Phone: '912345678',
          Address: { ZipCode: '01310100' },
          Results: { Score: { Value: 91.5 } },
        },
      },
    })
    expect(await h.core.router.invoke('history:list', { kind: 'datatrust' })).toMatchObject({
      ok: true,
      data: { total: 1, rows: [{ identifier: '529.***.***-25' }] },
    })
  })

  it('refuses an online transaction without SessionID before any call', async () => {
    expect(await h.core.router.invoke('datatrust:send', { cpf: '529.982.247-25', type: 2 })).toMatchObject({
      ok: false,
      error: { code: 'datatrust.session_required' },
    })
    expect((await stats())['POST /products/v1/datatrust'] ?? 0).toBe(0)
  })

  it('20 concurrent calls authenticate exactly once', async () => {
    // Twenty customers: twenty identical sends at once would be a double submit, refused while the first is in flight.
    const cpfs = Array.from({ length: 20 }, (_, i) => withCheckDigits(String(300_000_000 + i * 7919).slice(-9)))
    const results = await Promise.all(cpfs.map((cpf) => h.core.router.invoke('datatrust:send', { cpf })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect((await stats())['POST /products/v1/authentication']).toBe(1)
  })

  it('SMS token: wrong try, then the right one; the webhook arrives at the listener and the transaction is re-queried', async () => {
    const received: unknown[] = []
    const updated: unknown[] = []
    h.core.events.subscribe('callbacks:received', (c) => received.push(c))
    h.core.events.subscribe('datatrust:updated', (u) => updated.push(u))
    const sent = await h.core.router.invoke('datatrust:send', {
      cpf: '529.982.247-25',
      phone: '11 91234-5678',
      sendOptions: [1],
    })
    const id = sent.ok ? (sent.data as { transaction: { ID: string } }).transaction.ID : ''
    const code = /(\d{6})/.exec((await sandboxInbox()).find((m) => m.transactionId === id)?.text ?? '')?.[1] ?? ''
    expect(await h.core.router.invoke('datatrust:validate-token', { id, token: '999999x' })).toMatchObject({
      ok: true,
      data: { result: 'Incorrect' },
    })
    const valid = await h.core.router.invoke('datatrust:validate-token', { id, token: code })
    expect(valid).toMatchObject({
      ok: true,
      data: { result: 'Valid', transaction: { Results: { Validation: { TokenSMS: { result: 'Valid' } } } } },
    })
    await expect.poll(() => updated.length).toBe(1)
    expect(received).toEqual([
      expect.objectContaining({ provider: 'clearsale', kind: 'webhook:1', summary: expect.stringContaining(id) }),
    ])
    expect(updated[0]).toMatchObject({
      transaction: { ID: id, Results: { Score: { Reason: 'Confirmação do TokenSMS' } } },
    })
    expect(await h.core.router.invoke('callbacks:list', {})).toMatchObject({
      ok: true,
      data: [{ provider: 'clearsale', kind: 'webhook:1' }],
    })
  })

  it('the listener refuses webhooks without the configured Bearer token and stores nothing', async () => {
    const status = h.core.context.callbacks.status()
    expect(status).toMatchObject({ listening: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) })
    const post = (auth: string) =>
      request(`${status.url}/clearsale/webhook`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ Code: 'X', TypeId: 1 }),
      })
    expect((await post('Bearer not-the-token')).statusCode).toBe(401)
    expect((await post('')).statusCode).toBe(401)
    expect((await request(`${status.url}/elsewhere`, { method: 'POST' })).statusCode).toBe(404)
    expect(await h.core.router.invoke('callbacks:list', {})).toEqual({ ok: true, data: [] })
  })

  it('maps simulated 500 and 429 answers to their messages; a 500 the search cannot settle is "resultado incerto"', async () => {
    await h.core.router.invoke('settings:update', { sandbox: { errorRate: 1 } })
    // The send failed while processing and the search that would settle it fails too: the outcome is unknown.
    expect(await h.core.router.invoke('datatrust:send', { cpf: '529.982.247-25' })).toMatchObject({
      ok: false,
      error: { code: 'clearsale.outcome_unknown', message: expect.stringContaining('resultado incerto') },
    })
    // The same send again is refused until the analyst asks for it explicitly.
    expect(await h.core.router.invoke('datatrust:send', { cpf: '529.982.247-25' })).toMatchObject({
      ok: false,
      error: { code: 'effect_unsettled' },
    })
    await h.core.router.invoke('settings:update', { sandbox: { errorRate: 0, rateLimitPerSecond: 1 } })
    const cpfs = ['111.444.777-35', '123.456.789-09', '987.654.321-00', '555.666.777-20']
    const results = await Promise.all(cpfs.map((cpf) => h.core.router.invoke('datatrust:send', { cpf })))
    expect(results).toContainEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'clearsale.rate_limited' }) }),
    )
  })

  it('moves the listener when its port changes in settings', async () => {
    const before = h.core.context.callbacks.status().url
    await h.core.router.invoke('settings:update', { callbacks: { port: 0, bindAddress: '127.0.0.2' } })
    await expect.poll(() => h.core.context.callbacks.status().url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/)
    expect(h.core.context.callbacks.status().url).not.toBe(before)
    expect((await request(`${h.core.context.callbacks.status().url}/nothing`, { method: 'POST' })).statusCode).toBe(404)
  })

  it('searches with fields and pages, normalising listing names', async () => {
    for (let i = 0; i < 3; i++)
      await h.core.router.invoke('datatrust:send', { cpf: '123.456.789-09', email: 'a@b.com' })
    const result = await h.core.router.invoke('datatrust:search', {
      mode: 'parameter',
      parameter: 'document',
      value: '123.456.789-09',
      transactionFields: ['id', 'email'],
      resultFields: ['score'],
      limit: 2,
      page: 1,
    })
    expect(result).toMatchObject({
      ok: true,
      data: {
        location: 1,
        totalPages: 2,
        totalTransactions: 3,
        transactions: [
          { ID: expect.any(String), Email: 'a@b.com', Results: { Score: expect.any(Object) } },
          expect.any(Object),
        ],
      },
    })
    expect(
      await h.core.router.invoke('datatrust:search', { mode: 'parameter', parameter: 'email', value: 'nobody@x.com' }),
    ).toMatchObject({ ok: true, data: { totalTransactions: 0, transactions: [] } })
  })

  it('configures the SMS template and conditional sending', async () => {
    expect(await h.core.router.invoke('datatrust:sms-template-get', { smsTypeId: 2 })).toEqual({ ok: true, data: null })
    expect(
      await h.core.router.invoke('datatrust:sms-template-set', { Text: 'x'.repeat(161), Active: true, SmsTypeId: 2 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'clearsale.config_bad_request', message: expect.stringContaining('160') },
    })
    expect(
      (
        await h.core.router.invoke('datatrust:sms-template-set', {
          Text: 'Oi {primeiro-nome}! {respostas}',
          Active: true,
          SmsTypeId: 2,
        })
      ).ok,
    ).toBe(true)
    expect(await h.core.router.invoke('datatrust:sms-template-get', { smsTypeId: 2 })).toMatchObject({
      ok: true,
      data: { Text: 'Oi {primeiro-nome}! {respostas}' },
    })
    expect((await h.core.router.invoke('datatrust:conditional-set', { enabled: true })).ok).toBe(true)
    expect(await h.core.router.invoke('datatrust:conditional-get', {})).toMatchObject({
      ok: true,
      data: { conditionalSmsSending: true },
    })
  })

  it('maps a 400 field map, a refused password and 5xx from a plain server', async () => {
    const wire = await startWireServer((req) =>
      req.path.endsWith('/authentication')
        ? { status: 200, body: JSON.stringify({ token: 't'.repeat(2048), expiresInSeconds: '3600' }) }
        : { status: 400, body: JSON.stringify({ AreaCode: ['Phone is required because AreaCode has a value.'] }) },
    )
    const custom = await createCore({
      dataDir: h.dataDir,
      host: 'cli',
      environment: 'custom',
      endpoints: { clearsale: wire.url },
      log: silentLogger,
    })
    try {
      await custom.router.invoke('credentials:set', {
        name: 'clearsale',
        value: { username: 'u1', password: 'p1-secret' },
      })
      expect(await custom.router.invoke('datatrust:send', { cpf: '529.982.247-25' })).toMatchObject({
        ok: false,
        error: {
          code: 'clearsale.bad_request',
          message: expect.stringContaining('AreaCode: Phone is required'),
          detail: { fields: { AreaCode: expect.any(Array) } },
        },
      })
      expect(JSON.parse(wire.requests[0]?.body.toString() ?? '{}')).toEqual({ Username: 'u1', Password: 'p1-secret' })
      expect(wire.requests[1]?.headers['authorization']).toBe(`Bearer ${'t'.repeat(2048)}`)
    } finally {
      await custom.close()
      await wire.close()
    }
    const sandbox = (await h.core.context.sandbox.server('clearsale')) as unknown as { url: string }
    const refused = await createCore({
      dataDir: h.dataDir,
      host: 'cli',
      environment: 'custom',
      endpoints: { clearsale: sandbox.url },
      log: silentLogger,
    })
    try {
      await refused.router.invoke('credentials:set', {
        name: 'clearsale',
        value: { username: 'u1', password: 'wrong-pass' },
      })
      expect(await refused.router.invoke('datatrust:send', { cpf: '529.982.247-25' })).toMatchObject({
        ok: false,
        error: { code: 'clearsale.auth_failed' },
      })
    } finally {
      await refused.close()
    }
  })
})
