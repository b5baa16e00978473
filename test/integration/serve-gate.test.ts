import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHostUnderTest, type HostUnderTest } from '../helpers/browser-host'

/** The browser host's gate over real HTTP: loopback host, token, same origin — for the page and the API. */
describe('browser host gate', () => {
  let t: HostUnderTest
  beforeAll(async () => (t = await startHostUnderTest()))
  afterAll(() => t.stop())

  const invokeBody = JSON.stringify({ channel: 'app:info', payload: {} })
  const get = (path: string, headers: Record<string, string> = {}) => request(`${t.host.origin}${path}`, { headers })
  const post = (headers: Record<string, string>) =>
    request(`${t.host.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: invokeBody,
    })

  it('listens on 127.0.0.1 only and prints a URL that carries the token', () => {
    expect(t.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/)
  })

  it('refuses the page without the token', async () => {
    const res = await get('/')
    expect(res.statusCode).toBe(401)
    expect(await res.body.text()).toContain('sentinela serve')
  })

  it('refuses the page with a wrong token', async () => {
    const res = await get(`/?token=${'A'.repeat(43)}`)
    expect(res.statusCode).toBe(401)
  })

  it('trades the URL token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const res = await get(`/?token=${t.host.token}`)
    expect(res.statusCode).toBe(303)
    expect(res.headers['location']).toBe('/')
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toMatch(
      new RegExp(`^sentinela_token_${t.host.port}=${t.host.token}; HttpOnly; SameSite=Strict; Path=/$`),
    )
    const page = await get('/', { cookie: cookie.split(';')[0] ?? '' })
    expect(page.statusCode).toBe(200)
    expect(await page.body.text()).toContain('fixture renderer')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
  })

  it('refuses the API without the token', async () => {
    const res = await post({})
    expect(res.statusCode).toBe(401)
  })

  it('answers the API with the token', async () => {
    const res = await post(t.auth)
    expect(res.statusCode).toBe(200)
    expect(await res.body.json()).toMatchObject({ ok: true, data: { host: 'browser', dataDir: t.dataDir } })
  })

  it('refuses a foreign Origin even with the token, for the page and the API', async () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', 'null', `https://127.0.0.1:${t.host.port}`]) {
      expect((await post({ ...t.auth, origin })).statusCode).toBe(403)
      expect((await get('/', { ...t.auth, origin })).statusCode).toBe(403)
    }
    expect((await post({ ...t.auth, origin: t.host.origin })).statusCode).toBe(200)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get('/', { ...t.auth, host: `evil.example:${t.host.port}` })
    expect(res.statusCode).toBe(421)
  })

  it('refuses a form-encoded post (no simple-request CSRF)', async () => {
    const res = await request(`${t.host.origin}/api/invoke`, {
      method: 'POST',
      headers: { ...t.auth, 'content-type': 'text/plain' },
      body: invokeBody,
    })
    expect(res.statusCode).toBe(415)
    expect(await res.body.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    // The media type is parsed exactly: a look-alike does not pass for application/json.
    const lookAlike = await request(`${t.host.origin}/api/invoke`, {
      method: 'POST',
      headers: { ...t.auth, 'content-type': 'application/jsonx' },
      body: invokeBody,
    })
    expect(lookAlike.statusCode).toBe(415)
    await lookAlike.body.dump()
  })

  it('sends hardening headers on every answer', async () => {
    const res = await get('/', t.auth)
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
  })
})
