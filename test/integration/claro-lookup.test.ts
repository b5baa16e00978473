import { describe, expect, it, vi } from 'vitest'
import { createCore } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { SANDBOX_FORBIDDEN_CUSTOMER } from '../../src-main/providers/claro/sandbox'
import { coreWithPrivateKeychain } from '../helpers/core-harness'

/** Lookups through the router, the undici client and the embedded sandbox, over real HTTP. */
describe('Claro lookups against the sandbox', () => {
  const h = coreWithPrivateKeychain()

  const stats = async () => (await h.core.context.sandbox.server('claro')).stats()
  const tokenRequests = async () => (await stats())['POST /oauth2/v1/token'] ?? 0

  it('answers Alerta for a number typed the way people type it', async () => {
    const result = await h.core.router.invoke('lookup:alerts', { msisdn: '+55 (11) 99999-0001' })
    expect(result).toMatchObject({
      ok: true,
      data: {
        msisdn: '5511999990001',
        environment: 'sandbox',
        events: [{ eventName: 'SIMCARD_CHANGED' }, { eventName: 'DEVICE_CHANGED' }],
        raw: { status: 200 },
      },
    })
  })

  it('sends the event filter and gets only those events', async () => {
    const result = await h.core.router.invoke('lookup:alerts', { msisdn: '11 99999-0001', events: ['DEVICE_CHANGED'] })
    expect(result).toMatchObject({
      ok: true,
      data: { filter: ['DEVICE_CHANGED'], events: [{ eventName: 'DEVICE_CHANGED' }] },
    })
  })

  it('answers Score as a number, also when Claro sends a numeric string', async () => {
    expect(await h.core.router.invoke('lookup:score', { cpf: '529.982.247-25' })).toMatchObject({
      ok: true,
      data: { cpf: '52998224725', score: 870 },
    })
    expect(await h.core.router.invoke('lookup:score', { cpf: '123.456.789-09' })).toMatchObject({
      ok: true,
      data: { score: 640 },
    })
  })

  it('reports an unexpected answer shape with the raw body instead of guessing', async () => {
    const result = await h.core.router.invoke('lookup:score', { cpf: '555.666.777-20' })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'claro.unexpected_answer',
        detail: { raw: { status: 200, body: expect.stringContaining('rating') } },
      },
    })
  })

  it('maps 404 and 500 to clear messages and keeps the raw answer', async () => {
    expect(await h.core.router.invoke('lookup:alerts', { msisdn: '11 99999-0404' })).toMatchObject({
      ok: false,
      error: {
        code: 'claro.not_found',
        message: expect.stringContaining('A Claro não encontrou este número ou CPF na base dela (404)'),
        detail: { raw: { status: 404 }, provider: { transactionId: expect.any(String) } },
      },
    })
    expect(await h.core.router.invoke('lookup:score', { cpf: '222.333.444-05' })).toMatchObject({
      ok: false,
      error: { code: 'claro.server_error', detail: { raw: { status: 500 } } },
    })
  })

  it('refuses an invalid CPF or number before any call', async () => {
    await h.core.router.invoke('lookup:score', { cpf: '529.982.247-25' }) // warms the token
    const before = await stats()
    expect(await h.core.router.invoke('lookup:score', { cpf: '529.982.247-24' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_cpf.check_digits' },
    })
    expect(await h.core.router.invoke('lookup:alerts', { msisdn: '(20) 91234-5678' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_msisdn.ddd' },
    })
    expect(await stats()).toEqual(before)
  })

  it('50 concurrent lookups cause exactly 1 token request', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.core.router.invoke('lookup:score', { cpf: i % 2 ? '529.982.247-25' : '111.444.777-35' }),
      ),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await tokenRequests()).toBe(1)
  })

  it('an expired token causes exactly 1 new one', async () => {
    // The clocks of the client and the in-process sandbox move together, without waiting for real time.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      await h.core.router.invoke('settings:update', { sandbox: { tokenLifetimeSeconds: 1 } })
      await h.core.router.invoke('lookup:score', { cpf: '529.982.247-25' })
      vi.setSystemTime(Date.now() + 1_100)
      const results = await Promise.all(
        Array.from({ length: 10 }, () => h.core.router.invoke('lookup:score', { cpf: '529.982.247-25' })),
      )
      expect(results.every((r) => r.ok)).toBe(true)
      expect(await tokenRequests()).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('a token the provider stops accepting (401) is renewed once and the lookups succeed', async () => {
    await h.core.router.invoke('lookup:score', { cpf: '529.982.247-25' })
    // A fresh sandbox forgets every token it issued: the next calls get 401 with a token that looks valid.
    await h.core.context.sandbox.close()
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.core.router.invoke('lookup:alerts', { msisdn: '11 99999-0003' })),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await tokenRequests()).toBe(1) // the new sandbox saw exactly one token request
  })

  it('maps 401 on the token endpoint and 403 on the product to their messages', async () => {
    const prod = await createCore({
      dataDir: h.dataDir,
      host: 'cli',
      environment: 'custom',
      endpoints: { claro: await h.core.context.sandbox.url('claro') },
      log: silentLogger,
    })
    try {
      await prod.router.invoke('credentials:set', {
        name: 'claro',
        value: { key: 'revoked-key-1', secret: 'x-secret', customerId: 'ACME' },
      })
      expect(await prod.router.invoke('lookup:score', { cpf: '529.982.247-25' })).toMatchObject({
        ok: false,
        // A credential refused at the token endpoint is a configuration error (issue #22), never a customer fact.
        error: { code: 'claro.token_refused', message: expect.stringContaining('key, secret') },
      })
      await prod.router.invoke('credentials:set', {
        name: 'claro',
        value: { key: 'good-key-1', secret: 'x-secret', customerId: SANDBOX_FORBIDDEN_CUSTOMER },
      })
      expect(await prod.router.invoke('lookup:score', { cpf: '529.982.247-25' })).toMatchObject({
        ok: false,
        error: { code: 'claro.forbidden' },
      })
      await prod.router.invoke('credentials:delete', { name: 'claro' })
      expect(await prod.router.invoke('lookup:score', { cpf: '529.982.247-25' })).toMatchObject({
        ok: false,
        error: { code: 'credentials_missing' },
      })
    } finally {
      await prod.close()
    }
  })

  it('maps 429 with its Retry-After', async () => {
    await h.core.router.invoke('settings:update', { sandbox: { rateLimitPerSecond: 1 } })
    const results = await Promise.all(
      Array.from({ length: 4 }, () => h.core.router.invoke('lookup:alerts', { msisdn: '11 99999-0003' })),
    )
    expect(results).toContainEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({
          code: 'claro.rate_limited',
          message: expect.stringMatching(/Tente de novo em \d+ s/),
        }),
      }),
    )
  })

  it('writes every lookup to the history, masked by default, with the raw answer', async () => {
    await h.core.router.invoke('lookup:alerts', { msisdn: '11 99999-0001' })
    await h.core.router.invoke('lookup:score', { cpf: '987.654.321-00' })
    const list = await h.core.router.invoke('history:list', {})
    expect(list).toMatchObject({
      ok: true,
      data: {
        total: 2,
        rows: [
          {
            kind: 'score',
            identifier: '987.***.***-00',
            masked: true,
            outcome: 'not_found',
            errorCode: 'claro.not_found',
          },
          {
            kind: 'alerts',
            identifier: '(11) 9****-0001',
            outcome: 'ok',
            summary: 'SIMCARD_CHANGED,DEVICE_CHANGED',
          },
        ],
      },
    })
    const rows = list.ok ? (list.data as { rows: { id: number }[] }).rows : []
    const detail = await h.core.router.invoke('history:get', { id: rows[1]?.id ?? 0 })
    expect(detail).toMatchObject({
      ok: true,
      data: { raw: { status: 200, body: expect.stringContaining('profileEvents') } },
    })
    expect(JSON.stringify(await h.core.router.invoke('history:list', { search: '0001' }))).toContain('"total":1')
    expect(await h.core.router.invoke('history:list', { kind: 'score', outcome: 'ok' })).toMatchObject({
      ok: true,
      data: { total: 0 },
    })
  })

  it('stores plain identifiers when masking is off, and purges rows past the retention', async () => {
    await h.core.router.invoke('settings:update', { maskIdentifiers: false })
    await h.core.router.invoke('lookup:score', { cpf: '529.982.247-25' })
    expect(await h.core.router.invoke('history:list', {})).toMatchObject({
      ok: true,
      data: { rows: [{ identifier: '52998224725', masked: false }] },
    })
    expect(h.core.context.history.purge(new Date(Date.now() + 91 * 86_400_000))).toBe(1)
    expect(await h.core.router.invoke('history:list', {})).toMatchObject({ ok: true, data: { total: 0 } })
  })
})
