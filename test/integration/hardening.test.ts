import { spawn } from 'node:child_process'
import { lookup } from 'node:dns/promises'
import { connect } from 'node:net'
import { hostname } from 'node:os'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { Agent, request } from 'undici'
import { describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { startHostUnderTest } from '../helpers/browser-host'
import { startWireServer } from '../helpers/wire-server'
import { BIN } from '../helpers/cli'
import { requireBuiltCli } from '../helpers/cli-harness'
import { tempDir } from '../helpers/tmp'
import { createCore } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { invokeOrThrow } from '../../src-main/cli/invoke'
import { parseEndpoint, UsageError } from '../../src-main/cli/options'
import { CLARO_PATHS } from '../../src-main/providers/claro/paths'
import { addressClassOf } from '../../src-main/infra/http/address'
import { classifyUrl } from '../../src-shared/domain/net'

/*
 * Issue #23: what an afternoon of probing found, each replayed as an attack. Items 1–4 and 8 here; 5 (erasure), 6 and
 * 7 (CSV) have their own files.
 */

/** One real keychain per test file (libsecret keeps one bus per process); a fresh core and data dir per test. */
const h = coreWithPrivateKeychain({
  host: 'cli',
  startCallbacks: true,
  settings: { callbacks: { bindAddress: '127.0.0.1', port: 0 } },
  endpoints: {},
})

/** Writes raw bytes on a fresh connection and returns whatever comes back before the server closes or time runs out. */
function rawExchange(port: number, bytes: string | Buffer, timeoutMs = 800): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let got = ''
    socket.on('data', (c: Buffer) => (got += c.toString('latin1')))
    socket.on('error', () => undefined)
    socket.on('close', () => resolve(got))
    socket.setTimeout(timeoutMs, () => socket.destroy())
    socket.end(bytes)
  })
}

const statusOf = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)

/** Request targets built from the pieces that break parsers: stray and invalid percent-encodings, slashes, NULs. */
const ROUTES = [
  '/api/download/',
  '/api/invoke',
  '/api/events',
  '/mse/receipt',
  '/mse/mo',
  '/mse/ussd',
  '/mse/mms',
  '/clearsale/webhook',
  '/',
]
const pieceArb = fc.array(
  fc.oneof(
    fc.constantFrom(
      '/',
      '//',
      '%',
      '%E0%A4%A',
      '%C0%AE',
      '%00',
      '..%2f',
      '?',
      '#',
      '\\',
      '?token=',
      '&userid=sentinela&pwd=sentinela-sandbox-receipts',
      '[',
      '@',
      ':',
    ),
    fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`),
    fc.string({ maxLength: 12 }).map((s) => s.replace(/[\s]/g, '')),
  ),
  { minLength: 0, maxLength: 8 },
)
/** A known route (or none) followed by hostile pieces, so the fuzz reaches each route's own parsing. */
const pathArb = fc.tuple(fc.constantFrom(...ROUTES, ''), pieceArb).map(([route, parts]) => route + parts.join(''))

/** Hostile headers: lying lengths, chunked bodies, upgrades, foreign hosts, random names and values. */
const hostileHeaderArb = (token: string, port: number) =>
  fc.record(
    {
      auth: fc.constantFrom(`x-sentinela-token: ${token}`, `cookie: sentinela_token=${token}`, 'x-sentinela-token: x'),
      type: fc.constantFrom(
        'content-type: application/json',
        'content-type: text/xml; charset=UTF-8',
        'content-type: application/xml',
        'content-type: text/plain',
        'content-type: ;;;',
      ),
      length: fc.integer({ min: 0, max: 5000 }).map((n) => `content-length: ${n}`),
      upgrade: fc.constant('upgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-version: 13'),
      chunked: fc.constant('transfer-encoding: chunked'),
      host: fc.constantFrom(`host: 127.0.0.1:${port}`, 'host: evil.example', 'host: [::1', 'host: 127.0.0.1:99999'),
      other: fc
        .tuple(fc.stringMatching(/^[A-Za-z-]{1,12}$/), fc.string({ maxLength: 40 }))
        .map(([n, v]) => `${n}: ${v.replace(/[\r\n]/g, '')}`),
    },
    { requiredKeys: ['host'] },
  )

/** Headers that pass the gates (host, token, media type), so the fuzz reaches what lies behind them. */
const passingHeaderArb = (token: string, port: number) =>
  fc.record({
    host: fc.constant(`host: 127.0.0.1:${port}`),
    auth: fc.constant(`x-sentinela-token: ${token}`),
    type: fc.constantFrom('content-type: application/json', 'content-type: text/xml; charset=UTF-8'),
  })

const headerArb = (token: string, port: number) =>
  fc.oneof(
    { weight: 3, arbitrary: passingHeaderArb(token, port) },
    { weight: 2, arbitrary: hostileHeaderArb(token, port) },
  )

const bodyArb = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b).toString('latin1')),
  fc
    .record({ channel: fc.constantFrom('app:info', 'settings:get', 'lookup:score', 'x'), payload: fc.anything() })
    .map((o) => JSON.stringify(o)),
  fc.constantFrom(
    '<mse-response><transaction-id>1</transaction-id></mse-response>',
    '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>',
    '{"__proto__":{"x":1}}',
  ),
)

const requestArb = (token: string, port: number) =>
  fc.record({
    method: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('GET', 'POST') },
      { weight: 1, arbitrary: fc.constantFrom('PUT', 'HEAD', 'OPTIONS', 'DELETE', 'PATCH') },
    ),
    path: pathArb,
    headers: headerArb(token, port),
    body: bodyArb,
  })

function rawRequest(r: { method: string; path: string; headers: Record<string, string>; body: string }): string {
  const path = r.path.startsWith('/') ? r.path : `/${r.path}`
  const lines = Object.values(r.headers)
  return `${r.method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}${lines.length ? '\r\n' : ''}\r\n${r.body}`
}

describe('no request ends the process (item 1)', () => {
  it('the download route answers 400 to an invalid percent-encoding, and the host goes on serving', async () => {
    const t = await startHostUnderTest()
    try {
      for (const target of ['/api/download/%E0%A4%A', '/api/download/%', '/api/download/%C0']) {
        const res = await request(`${t.host.origin}${target}`, { headers: t.auth })
        expect(res.statusCode, target).toBe(400)
        await res.body.dump()
      }
      // A request target no URL parser reads, on the page and on the WebSocket upgrade.
      expect(statusOf(await rawExchange(t.host.port, `GET //[x HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n`))).not.toBe(0)
      const upgrade = `GET //[x HTTP/1.1\r\nhost: 127.0.0.1\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version: 13\r\n\r\n`
      expect(statusOf(await rawExchange(t.host.port, upgrade))).toBe(400)
      const alive = await request(`${t.host.origin}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...t.auth },
        body: JSON.stringify({ channel: 'app:info', payload: {} }),
      })
      expect(alive.statusCode).toBe(200)
      await alive.body.dump()
    } finally {
      await t.stop()
    }
  })

  it('fuzz: 150 hostile requests (paths, encodings, headers, bodies) to serve — every one answered or closed, the host alive', async () => {
    const t = await startHostUnderTest()
    try {
      await fc.assert(
        fc.asyncProperty(requestArb(t.host.token, t.host.port), async (r) => {
          const answer = await rawExchange(t.host.port, rawRequest(r))
          const status = statusOf(answer)
          // Answered with a status, or closed; never a 2xx for a request without the token.
          if (!Object.values(r.headers).some((h) => h.includes(t.host.token)))
            expect(status < 200 || status >= 300).toBe(true)
        }),
        { numRuns: 150, interruptAfterTimeLimit: 60_000 },
      )
      const res = await request(`${t.host.origin}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...t.auth },
        body: JSON.stringify({ channel: 'app:info', payload: {} }),
      })
      expect(res.statusCode).toBe(200)
      expect(await res.body.json()).toMatchObject({ ok: true })
    } finally {
      await t.stop()
    }
  }, 120_000)
})

const RECEIPT = (tid: number): string =>
  `<mse-response><status-code>0</status-code><profile>p</profile><transaction-id>${tid}</transaction-id></mse-response>`
const XML = { 'Content-Type': 'text/xml; charset=UTF-8' }
const CREDS = 'userid=sentinela&pwd=sentinela-sandbox-receipts'

describe('the callback listener (items 1 and 2)', () => {
  const base = (): string => h.core.context.callbacks.status().url ?? ''
  const port = (): number => Number(new URL(base()).port)

  it('fuzz: 150 hostile requests to the listener — answered or closed, nothing unauthenticated stored, still listening', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb('unused', port()), async (r) => {
        await rawExchange(port(), rawRequest(r), 600)
      }),
      { numRuns: 150, interruptAfterTimeLimit: 60_000 },
    )
    // Only requests that carried the partner's credentials may have been stored.
    for (const stored of await invokeOrThrow(h.core, 'callbacks:list', {})) expect(stored.provider).toBe('mse')
    const res = await request(`${base()}/mse/receipt?${CREDS}`, { method: 'POST', headers: XML, body: RECEIPT(77) })
    expect(res.statusCode).toBe(200)
    await res.body.dump()
  }, 120_000)

  it('a route that throws answers 500 and the listener goes on', async () => {
    h.core.context.callbacks.route({
      method: 'POST',
      path: '/test/throws',
      accepts: ['text/plain'],
      authenticate: () => Promise.resolve('test'),
      handle: () => Promise.reject(new Error('boom')),
    })
    const res = await request(`${base()}/test/throws`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    })
    expect(res.statusCode).toBe(500)
    await res.body.dump()
    const again = await request(`${base()}/mse/receipt?${CREDS}`, { method: 'POST', headers: XML, body: RECEIPT(78) })
    expect(again.statusCode).toBe(200)
    await again.body.dump()
  })

  it('flood: 2,000 forged receipts from 50 connections while a genuine one goes every 20 ms — every genuine one 200, nothing forged stored', async () => {
    const forgedAgent = new Agent({ connections: 50, pipelining: 0 })
    let forgedSent = 0
    const forgedStatuses = new Map<number | string, number>()
    const forger = async (): Promise<void> => {
      while (forgedSent < 2000) {
        const n = forgedSent++
        const status = await request(`${base()}/mse/receipt?userid=sentinela&pwd=forged-${n}`, {
          method: 'POST',
          headers: XML,
          body: RECEIPT(100_000 + n),
          dispatcher: forgedAgent,
        }).then(
          async (r) => {
            await r.body.dump()
            return r.statusCode
          },
          () => 'closed',
        )
        forgedStatuses.set(status, (forgedStatuses.get(status) ?? 0) + 1)
      }
    }
    const genuine: number[] = []
    let flooding = true
    const partner = async (): Promise<void> => {
      let tid = 1
      while (flooding || genuine.length < 30) {
        const started = Date.now()
        const res = await request(`${base()}/mse/receipt?${CREDS}`, {
          method: 'POST',
          headers: XML,
          body: RECEIPT(tid++),
        })
        await res.body.dump()
        genuine.push(res.statusCode)
        await new Promise((r) => setTimeout(r, Math.max(0, 20 - (Date.now() - started))))
      }
    }
    const partnerDone = partner()
    await Promise.all(Array.from({ length: 50 }, forger))
    flooding = false
    await partnerDone
    await forgedAgent.close()

    expect(genuine.length).toBeGreaterThanOrEqual(30)
    expect(genuine.filter((s) => s !== 200)).toEqual([])
    expect(forgedStatuses.get(200)).toBeUndefined()
    const stored = h.core.context.callbacks.list(100_000)
    expect(stored.length).toBe(genuine.length)
    expect(stored.every((s) => !/forged|1\d{5}/.test(s.body))).toBe(true)
    // The forger spent its own budget: past it, 429 instead of 401.
    expect(h.core.context.callbacks.status().refused.rate ?? 0).toBeGreaterThan(0)
  }, 120_000)
})

describe('tokens stay with the host that issued them (item 3)', () => {
  const setClaro = (url: string): void => {
    ;(h.core.context as { endpoints: Record<string, string> }).endpoints['claro'] = url
  }
  const setClearSale = (url: string): void => {
    ;(h.core.context as { endpoints: Record<string, string> }).endpoints['clearsale'] = url
  }
  const carries = (headers: Record<string, unknown>, token: string): boolean =>
    Object.values(headers).some((v) => String(v).includes(token))

  it('Claro: a token fetched from stub A is never sent to stub B, in memory or from the keychain', async () => {
    const claroStub = (token: string) =>
      startWireServer((req) =>
        req.path === CLARO_PATHS.token
          ? { status: 200, body: JSON.stringify({ access_token: token, expires_in: 86400 }) }
          : { status: 404, body: '{}' },
      )
    const a = await claroStub('token-of-a')
    const b = await claroStub('token-of-b')
    try {
      setClaro(a.url)
      await h.core.router.invoke('lookup:alerts', { msisdn: '11 99999-0003' })
      expect(a.requests.some((r) => carries(r.headers, 'token-of-a'))).toBe(true)
      setClaro(b.url)
      await h.core.router.invoke('lookup:alerts', { msisdn: '11 99999-0003' })
      expect(b.requests.some((r) => carries(r.headers, 'token-of-a'))).toBe(false)
      expect(b.requests.filter((r) => r.path === CLARO_PATHS.token)).toHaveLength(1)
      // A fresh core (another process) with the same keychain: B's stored token does not go back to A either.
      const other = await createCore({
        dataDir: h.dataDir,
        host: 'cli',
        log: silentLogger,
        endpoints: { claro: a.url },
      })
      try {
        const before = a.requests.length
        await other.router.invoke('lookup:alerts', { msisdn: '11 99999-0003' })
        expect(a.requests.slice(before).some((r) => carries(r.headers, 'token-of-b'))).toBe(false)
      } finally {
        await other.close()
      }
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('ClearSale: the same, for its authentication token', async () => {
    const stub = (token: string) =>
      startWireServer((req) =>
        req.path.includes('auth')
          ? { status: 200, body: JSON.stringify({ token, expiresInSeconds: 3600 }) }
          : { status: 500, body: '{}' },
      )
    const a = await stub('cs-token-of-a')
    const b = await stub('cs-token-of-b')
    try {
      setClearSale(a.url)
      await h.core.router.invoke('datatrust:send', { cpf: '529.982.247-25' })
      expect(a.requests.some((r) => carries(r.headers, 'cs-token-of-a'))).toBe(true)
      setClearSale(b.url)
      // Another person: the first call's uncertain outcome (a 500) would rightly refuse sending it again.
      await h.core.router.invoke('datatrust:send', { cpf: '111.444.777-35' })
      expect(b.requests.length).toBeGreaterThan(0)
      expect(b.requests.some((r) => carries(r.headers, 'cs-token-of-a'))).toBe(false)
    } finally {
      await a.close()
      await b.close()
    }
  })
})

describe('addresses, not text (item 4)', () => {
  const SPELLINGS = [
    'http://2852039166/',
    'http://0xa9fea9fe/',
    'http://0251.0376.0251.0376/',
    'http://169.254.169.254./',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://metadata.google.internal./',
    'http://METADATA.GOOGLE.INTERNAL/',
    'http://[fe80::1]/',
    'http://0.0.0.0/',
    'http://0/',
    'http://100.100.100.200/',
    'http://[fd00:ec2::254]/',
  ]

  it('link-local and metadata are refused in every spelling, by Configurações, --endpoint and the HTTP client', async () => {
    for (const url of SPELLINGS) {
      expect(classifyUrl(url), url).toMatchObject({ ok: true, class: 'forbidden' })
      expect(() => parseEndpoint(`claro=${url}`), url).toThrow(UsageError)
      for (const patch of [{ customEndpoints: { claro: url } }, { watch: { webhookUrl: url } }]) {
        const result = await h.core.router.invoke('settings:update', { ...patch, allowPrivateAddresses: true })
        expect(result.ok, url).toBe(false)
      }
      await expect(h.core.context.http.send('t', { method: 'GET', url, headers: {} }), url).rejects.toMatchObject({
        code: 'address.forbidden',
      })
    }
    expect(h.core.context.settings.get().customEndpoints).toEqual({})
  })

  it('only http and https', async () => {
    for (const url of ['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://x/']) {
      for (const patch of [{ customEndpoints: { claro: url } }, { watch: { webhookUrl: url } }]) {
        expect((await h.core.router.invoke('settings:update', patch)).ok, url).toBe(false)
      }
      expect(() => parseEndpoint(`claro=${url}`), url).toThrow(UsageError)
    }
    expect(h.core.context.settings.get().watch.webhookUrl).toBeNull()
  })

  it('loopback and private networks need consent; public hosts pass', async () => {
    for (const url of [
      'http://127.0.0.1:9/',
      'http://localhost./',
      'http://0x7f.1/',
      'http://[::1]/',
      'http://10.0.0.8/',
    ]) {
      const refused = await h.core.router.invoke('settings:update', { customEndpoints: { claro: url } })
      expect(refused, url).toMatchObject({ ok: false, error: { code: 'address.private_unconsented' } })
      expect(refused.ok ? '' : refused.error.message).toContain('--allow-private')
    }
    const consented = await h.core.router.invoke('settings:update', {
      allowPrivateAddresses: true,
      customEndpoints: { claro: 'http://127.0.0.1:9/' },
    })
    expect(consented.ok).toBe(true)
    const publicHost = await h.core.router.invoke('settings:update', {
      allowPrivateAddresses: false,
      customEndpoints: { clearsale: 'https://api.clearsale.com.br/' },
    })
    expect(publicHost.ok).toBe(true)
  })

  it('a name is judged by what it resolves to', async () => {
    const name = hostname()
    const resolved = await lookup(name).catch(() => null)
    if (!resolved) return // a machine whose own name does not resolve has nothing to show here
    expect(classifyUrl(`http://${name}:9/`)).toMatchObject({ class: 'public', isIp: false })
    expect(['loopback', 'private']).toContain(await addressClassOf(`http://${name}:9/`))
    const refused = await h.core.router.invoke('settings:update', { watch: { webhookUrl: `http://${name}:9/a` } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'address.private_unconsented' } })
  })

  it('a hand-edited settings.json cannot send a custom call to a forbidden or unconsented address', async () => {
    for (const [url, code] of [
      ['http://0xa9fea9fe/', 'address.forbidden'],
      ['http://127.0.0.1:9/', 'address.private_unconsented'],
    ] as const) {
      const dir = tempDir()
      writeFileSync(
        join(dir.path, 'settings.json'),
        JSON.stringify({ environment: 'custom', customEndpoints: { claro: url } }),
      )
      const core = await createCore({ dataDir: dir.path, host: 'cli', log: silentLogger })
      try {
        const result = await core.router.invoke('lookup:score', { cpf: '529.982.247-25' })
        expect(result, url).toMatchObject({ ok: false, error: { code } })
      } finally {
        await core.close()
        dir.cleanup()
      }
    }
  })
})

describe('a closed stdout (item 8)', () => {
  requireBuiltCli()

  /** Runs the CLI with its stdout's reading end closed before it writes, as `| head -0` would. */
  function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
    const dir = tempDir()
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--data-dir', dir.path, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child.stdout.destroy()
      let stderr = ''
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      child.once('error', reject)
      child.once('exit', (code) => {
        dir.cleanup()
        resolve({ code, stderr })
      })
    })
  }

  it.each([[['--help']], [['policy', 'show']], [['watch', 'changes', '--json']], [['cases', 'list']]])(
    '`sentinela %s | head` exits quietly',
    async (args) => {
      const run = await withClosedStdout(args)
      expect(run.stderr).not.toMatch(/EPIPE|Error|at /)
      expect(run.code).toBe(0)
    },
  )
})
