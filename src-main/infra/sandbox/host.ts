import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SandboxKnobsSchema, type SandboxKnobs } from '../../../src-shared/domain/settings'

/*
 * The sandbox framework: one loopback HTTP server per simulated provider, with the knobs every provider shares
 * (latency, error rate, 429 + Retry-After, token lifetime) and counters tests and benchmarks read at
 * `GET /__sandbox/stats`. Providers plug in a handler and the shape of their own error answers.
 */

export interface SandboxRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: Buffer
}

export interface SandboxResponse {
  status: number
  headers?: Record<string, string>
  body?: string | Buffer
}

export interface SandboxProvider {
  name: string
  handle(request: SandboxRequest, knobs: SandboxKnobs): SandboxResponse | Promise<SandboxResponse>
  /** The provider's own answer for a simulated failure (500) or throttling (429). */
  failure(status: 429 | 500, retryAfterSeconds?: number): SandboxResponse
}

export interface SandboxServer {
  readonly url: string
  readonly port: number
  /** Requests seen per `METHOD path`, plus totals of simulated failures. */
  stats(): Record<string, number>
  close(): Promise<void>
}

/** Deterministic "random" for the error-rate knob: the same run of requests fails the same way every time. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const MAX_BODY = 1024 * 1024
const STATS_PATH = '/__sandbox/stats'
const FAULTS_PATH = '/__sandbox/faults'
const ARRIVALS_PATH = '/__sandbox/arrivals'

export async function startSandboxServer(
  provider: SandboxProvider,
  knobs: () => SandboxKnobs,
  port = 0,
): Promise<SandboxServer> {
  const counters = new Map<string, number>()
  const bump = (key: string): void => void counters.set(key, (counters.get(key) ?? 0) + 1)
  const random = mulberry32(0x5e7e1a)
  let windowStart = 0
  let windowCount = 0
  /**
   * Test and benchmark faults beyond the settings' knobs: requests that hang past the client's timeout before they
   * are handled (nothing happened), and answers held back after the request was handled (it did happen: a created
   * transaction, a sent SMS) — the case where re-sending blindly would pay twice.
   */
  const faults = { hangRate: 0, hangMs: 0, holdRate: 0, holdMs: 0 }
  /** When on, every provider request's arrival time, path and body (for "never over the rate", "never twice"). */
  let arrivals: { t: number; path: string; body: string }[] | null = null
  let holdPaths: string[] | null = null

  const server = createServer((req, res) => {
    // Arrival is when the request's head came in, not when its body ended (a busy loop would bunch those).
    const arrivedAt = Date.now()
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://sandbox')
        if (req.method === 'GET' && url.pathname === STATS_PATH) {
          res.writeHead(200, { 'Content-Type': 'application/json' })
          res.end(JSON.stringify(Object.fromEntries(counters)))
          return
        }
        if (url.pathname === FAULTS_PATH) {
          faults.hangRate = Number(url.searchParams.get('hangRate') ?? 0)
          faults.hangMs = Number(url.searchParams.get('hangMs') ?? 0)
          faults.holdRate = Number(url.searchParams.get('holdRate') ?? 0)
          faults.holdMs = Number(url.searchParams.get('holdMs') ?? 0)
          // Only requests to these paths are held (e.g. the transaction POST, not the search that reconciles it).
          holdPaths = url.searchParams.get('holdPath')?.split(',').filter(Boolean) ?? null
          res.writeHead(204).end()
          return
        }
        if (url.pathname === ARRIVALS_PATH) {
          if (req.method === 'POST') arrivals = url.searchParams.get('on') === '0' ? null : []
          res.writeHead(200, { 'Content-Type': 'application/json' })
          res.end(JSON.stringify(arrivals ?? []))
          return
        }
        bump(`${req.method ?? 'GET'} ${url.pathname}`)
        const control = url.pathname.startsWith('/__')
        if (arrivals && !control)
          arrivals.push({
            t: arrivedAt,
            path: url.pathname,
            body: Buffer.concat(chunks).toString('utf8').slice(0, 300),
          })
        // Control paths (/__sandbox/…, the demo app) are the tester's hands, not the provider: no simulated faults.
        const k = control ? SandboxKnobsSchema.parse({}) : knobs()
        if (!control && faults.hangRate > 0 && random() < faults.hangRate) {
          bump('simulated hang')
          await new Promise((r) => setTimeout(r, faults.hangMs))
        }
        if (k.latencyMs > 0) await new Promise((r) => setTimeout(r, k.latencyMs))
        let answer: SandboxResponse
        const now = Date.now()
        if (now - windowStart >= 1000) {
          windowStart = now
          windowCount = 0
        }
        windowCount++
        if (k.rateLimitPerSecond > 0 && windowCount > k.rateLimitPerSecond) {
          bump('simulated 429')
          answer = provider.failure(429, Math.max(1, Math.ceil((windowStart + 1000 - now) / 1000)))
        } else if (k.errorRate > 0 && random() < k.errorRate) {
          bump('simulated 500')
          answer = provider.failure(500)
        } else {
          const request: SandboxRequest = {
            method: req.method ?? 'GET',
            path: url.pathname,
            query: url.searchParams,
            headers: req.headers,
            body: Buffer.concat(chunks),
          }
          try {
            answer = await provider.handle(request, k)
          } catch {
            answer = provider.failure(500)
          }
          const held =
            !control &&
            faults.holdRate > 0 &&
            (holdPaths === null || holdPaths.some((p) => `${req.method} ${url.pathname}`.startsWith(p)))
          if (held && random() < faults.holdRate) {
            bump('simulated hold')
            await new Promise((r) => setTimeout(r, faults.holdMs))
          }
        }
        res.writeHead(answer.status, answer.headers ?? {})
        res.end(answer.body ?? '')
      })()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    stats: () => Object.fromEntries(counters),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
