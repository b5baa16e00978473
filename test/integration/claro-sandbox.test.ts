import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SandboxKnobsSchema, type SandboxKnobs } from '../../src-shared/domain/settings'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { createClaroSandbox, SANDBOX_FORBIDDEN_CUSTOMER } from '../../src-main/providers/claro/sandbox'

/** The Claro sandbox over real HTTP: every documented status, with the documented envelope (seeds 000/001/002). */
describe('Claro sandbox', () => {
  let server: SandboxServer
  let knobs: SandboxKnobs = SandboxKnobsSchema.parse({})
  beforeAll(async () => (server = await startSandboxServer(createClaroSandbox(), () => knobs)))
  afterAll(() => server.close())

  const basic = `Basic ${Buffer.from('k1:s1').toString('base64')}`
  const post = (path: string, headers: Record<string, string>, body: string) =>
    request(`${server.url}${path}`, { method: 'POST', headers, body })
  const tokenRequest = (headers: Record<string, string> = {}, body = 'grant_type=client_credentials') =>
    post(
      '/oauth2/v1/token',
      { 'content-type': 'application/x-www-form-urlencoded', 'x-client-auth': basic, ...headers },
      body,
    )
  async function token(): Promise<string> {
    return ((await (await tokenRequest()).body.json()) as { access_token: string }).access_token
  }
  async function api(path: string, headers: Record<string, string>, body: unknown) {
    const res = await post(
      path,
      { 'content-type': 'application/json', 'X-CustomerID': 'ACME', ...headers },
      typeof body === 'string' ? body : JSON.stringify(body),
    )
    return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as Record<string, unknown> }
  }
  function expectEnvelope(body: Record<string, unknown>, status: number): void {
    expect(body).toMatchObject({
      apiVersion: expect.any(String),
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      error: {
        httpCode: String(status),
        errorCode: expect.any(String),
        message: expect.any(String),
        detailedMessage: expect.any(String),
        link: { rel: 'related', href: expect.stringMatching(/^https:\/\//) },
      },
    })
  }
  const alerts = { data: { customer: { networkMsisdn: '5511999990001' } } }

  it('issues a 24 h token for grant_type=client_credentials with Basic base64(key:secret)', async () => {
    const res = await tokenRequest()
    expect(res.statusCode).toBe(200)
    expect(await res.body.json()).toMatchObject({ access_token: expect.any(String), expires_in: 86_400 })
  })

  it('token endpoint: 415 for a JSON body, 400 for another grant, 401 without Basic', async () => {
    expect((await tokenRequest({ 'content-type': 'application/json' })).statusCode).toBe(415)
    expect((await tokenRequest({}, 'grant_type=password')).statusCode).toBe(400)
    expect((await tokenRequest({ 'x-client-auth': 'Basic !!' })).statusCode).toBe(401)
    expect(
      (await tokenRequest({ 'x-client-auth': `Basic ${Buffer.from('revoked-key:s').toString('base64')}` })).statusCode,
    ).toBe(401)
  })

  it('200: alerts for a persona, filtered by event-types', async () => {
    const bearer = `Bearer ${await token()}`
    const all = await api('/customers/v1/alerts', { 'x-client-auth': bearer }, alerts)
    expect(all.status).toBe(200)
    expect(all.body).toMatchObject({
      data: { customer: { profileEvents: [{ eventName: 'SIMCARD_CHANGED' }, { eventName: 'DEVICE_CHANGED' }] } },
    })
    const filtered = await api(
      '/customers/v1/alerts',
      { 'x-client-auth': bearer, 'event-types': 'DEVICE_CHANGED' },
      alerts,
    )
    expect(filtered.body).toMatchObject({
      data: {
        customer: { profileEvents: [{ eventName: 'DEVICE_CHANGED', timestamp: expect.stringMatching(/-03:00$/) }] },
      },
    })
  })

  it('200: score in the assumed shape', async () => {
    const res = await api(
      '/customers/v1/scores',
      { 'x-client-auth': `Bearer ${await token()}` },
      { data: { customer: { idCpf: '52998224725' } } },
    )
    expect(res).toMatchObject({ status: 200, body: { data: { customer: { score: 870 } } } })
  })

  it.each([
    [400, 'malformed JSON', {}, '{"data":'],
    [400, 'missing networkMsisdn', {}, { data: { customer: {} } }],
    [400, 'an unknown event type', { 'event-types': 'SIM_SWAP' }, alerts],
    [400, 'no X-CustomerID', { 'X-CustomerID': '' }, alerts],
    [401, 'an unknown token', { 'x-client-auth': 'Bearer nope' }, alerts],
    [403, 'a customer without the product', { 'X-CustomerID': SANDBOX_FORBIDDEN_CUSTOMER }, alerts],
    [404, 'an unknown number', {}, { data: { customer: { networkMsisdn: '5511999990404' } } }],
    [406, 'Accept: text/xml', { accept: 'text/xml' }, alerts],
    [415, 'a form body', { 'content-type': 'application/x-www-form-urlencoded' }, alerts],
    [500, 'the failing persona', {}, { data: { customer: { networkMsisdn: '5511999990500' } } }],
  ])('%i for %s, with the documented envelope', async (status, _what, headers, body) => {
    const res = await api('/customers/v1/alerts', { 'x-client-auth': `Bearer ${await token()}`, ...headers }, body)
    expect(res.status).toBe(status)
    expectEnvelope(res.body, status)
  })

  it('404 for an unknown CPF on scores', async () => {
    const res = await api(
      '/customers/v1/scores',
      { 'x-client-auth': `Bearer ${await token()}` },
      { data: { customer: { idCpf: '98765432100' } } },
    )
    expect(res.status).toBe(404)
    expectEnvelope(res.body, 404)
  })

  it('knobs: 429 with Retry-After past the rate limit, 500 at error rate 1, an expired token is 401', async () => {
    const bearer = `Bearer ${await token()}`
    knobs = { ...knobs, rateLimitPerSecond: 1 }
    const statuses = [] as number[]
    let retryAfter: unknown
    for (let i = 0; i < 3; i++) {
      const res = await api('/customers/v1/alerts', { 'x-client-auth': bearer }, alerts)
      statuses.push(res.status)
      if (res.status === 429) retryAfter = res.headers['retry-after']
    }
    expect(statuses).toContain(429)
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    knobs = { ...knobs, rateLimitPerSecond: 0, errorRate: 1 }
    expect((await api('/customers/v1/alerts', { 'x-client-auth': bearer }, alerts)).status).toBe(500)
    knobs = { ...knobs, errorRate: 0, tokenLifetimeSeconds: 1 }
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const short = `Bearer ${await token()}`
      vi.setSystemTime(Date.now() + 1_100) // the token's one-second lifetime passes
      expect((await api('/customers/v1/alerts', { 'x-client-auth': short }, alerts)).status).toBe(401)
    } finally {
      vi.useRealTimers()
    }
  })

  it('counts requests at /__sandbox/stats (on its own sandbox: no counter left by another test)', async () => {
    const own = await startSandboxServer(createClaroSandbox(), () => ({
      ...SandboxKnobsSchema.parse({}),
      rateLimitPerSecond: 1,
    }))
    try {
      const ask = () =>
        request(`${own.url}/oauth2/v1/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-client-auth': basic },
          body: 'grant_type=client_credentials',
        }).then((r) => r.body.dump())
      for (let i = 0; i < 3; i++) await ask()
      const stats = (await (await request(`${own.url}/__sandbox/stats`)).body.json()) as Record<string, number>
      expect(stats['POST /oauth2/v1/token']).toBe(3)
      expect(stats['simulated 429']).toBe(2) // one request per second allowed
    } finally {
      await own.close()
    }
  })
})
