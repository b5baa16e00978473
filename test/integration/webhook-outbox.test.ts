import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { webhookSecretName } from '../../src-main/services/watch/outbound'
import { recordWatchChanges } from '../helpers/watch-changes'
import { deliverDue, deliveries, retryDeliveries, WINDOW_MS } from '../../src-main/services/watch/outbox'
import { newWebhookSecret } from '../../src-main/services/watch/signing'

/*
 * Issue #24 item 1: the outbox over hours of a test's clock (deliverDue takes the round's time; the schedule follows
 * it): a receiver failing N times gets the event once after it recovers, with the same id; one down past 24 h makes
 * the delivery abandoned, listed, and sent again once on request; a slow receiver sees one post per backoff step;
 * Retry-After and 410 Gone are honoured; deliveries go out a few at a time.
 */

interface Post {
  id: string
  body: string
  headers: IncomingHttpHeaders
}

const h = coreWithPrivateKeychain({ host: 'cli' })
let server: Server
let posts: Post[]
let answer: (n: number) => { status: number; delayMs?: number; headers?: Record<string, string> }
let inFlight = 0
let maxInFlight = 0
let secret = ''

beforeEach(async () => {
  posts = []
  inFlight = 0
  maxInFlight = 0
  answer = () => ({ status: 204 })
  server = createServer((req, res) => {
    let body = ''
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      posts.push({ id: String(req.headers['webhook-id']), body, headers: req.headers })
      const a = answer(posts.length)
      setTimeout(() => {
        inFlight--
        if (!res.destroyed) res.writeHead(a.status, a.headers ?? {}).end()
      }, a.delayMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alertas`
  const set = await h.core.router.invoke('settings:update', {
    allowPrivateAddresses: true,
    watch: { webhookUrl: url, timeoutSeconds: 1 },
  })
  expect(set.ok).toBe(true)
  secret = newWebhookSecret()
  await h.core.context.credentials.setSecret('sandbox', webhookSecretName(h.core.context), secret)
})
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** The ids of `count` changes recorded and queued at `at`. */
const recordChanges = (count: number, at: Date): number[] =>
  recordWatchChanges(h.core.context, count, at).map((c) => c.id)

const nextAt = (id: number): Date => new Date(deliveries(h.core.context).find((d) => d.changeId === id)?.nextAt ?? 0)
const verified = (p: Post): boolean => {
  try {
    new Webhook(secret).verify(p.body, p.headers as Record<string, string>)
    return true
  } catch {
    return false
  }
}

describe('the webhook outbox (issue #24)', () => {
  it('a receiver failing for its first 6 attempts gets the event exactly once after it recovers, same id, on a growing backoff', async () => {
    answer = (n) => ({ status: n <= 6 ? 500 : 204 })
    const start = new Date('2026-12-01T12:00:00Z')
    const [id] = recordChanges(1, start) as [number]
    let now = start
    const waits: number[] = []
    for (let round = 0; round < 20 && deliveries(h.core.context, true).length > 0; round++) {
      await deliverDue(h.core.context, now)
      const next = nextAt(id)
      if (next > now) waits.push(next.getTime() - now.getTime())
      // Nothing goes out before it is due: a round just before changes nothing.
      expect((await deliverDue(h.core.context, new Date(next.getTime() - 1000))).failed).toBe(0)
      now = next
    }
    expect(posts).toHaveLength(7)
    expect(new Set(posts.map((p) => p.id)).size).toBe(1)
    expect(posts.every(verified)).toBe(true)
    expect(deliveries(h.core.context)).toEqual([expect.objectContaining({ state: 'delivered', attempts: 7 })])
    // Doubling from 30 s with ±25 % jitter.
    waits.slice(0, 6).forEach((w, i) => {
      expect(w).toBeGreaterThanOrEqual(0.75 * 30_000 * 2 ** i)
      expect(w).toBeLessThanOrEqual(1.25 * 30_000 * 2 ** i)
    })
  })

  it('down past 24 h: abandoned and listed; sent again on request, it is delivered once', async () => {
    answer = () => ({ status: 503 })
    const start = new Date('2026-12-01T12:00:00Z')
    const [id] = recordChanges(1, start) as [number]
    let now = start
    for (let round = 0; round < 40; round++) {
      await deliverDue(h.core.context, now)
      const d = deliveries(h.core.context).find((x) => x.changeId === id)
      if (d?.state === 'abandoned') break
      now = nextAt(id)
    }
    const abandoned = deliveries(h.core.context, true)
    expect(abandoned).toEqual([expect.objectContaining({ state: 'abandoned', lastError: 'HTTP 503' })])
    expect(now.getTime() - start.getTime()).toBeLessThanOrEqual(WINDOW_MS)
    const tried = posts.length
    expect(tried).toBeGreaterThan(5)
    // Abandoned means no more posts, whatever the clock says.
    await deliverDue(h.core.context, new Date(start.getTime() + 3 * WINDOW_MS))
    expect(posts).toHaveLength(tried)

    answer = () => ({ status: 204 })
    expect(retryDeliveries(h.core.context, [id])).toBe(1)
    await deliverDue(h.core.context)
    await deliverDue(h.core.context)
    expect(posts).toHaveLength(tried + 1)
    expect(deliveries(h.core.context, true)).toEqual([])
    expect(new Set(posts.map((p) => p.id)).size).toBe(1)
  })

  it('a receiver slower than the timeout sees at most one post of an id per backoff step', async () => {
    answer = () => ({ status: 204, delayMs: 1500 }) // the timeout is 1 s
    const start = new Date()
    const [id] = recordChanges(1, start) as [number]
    // Two timers (or two processes) at once: one post.
    await Promise.all([deliverDue(h.core.context, start), deliverDue(h.core.context, start)])
    expect(posts).toHaveLength(1)
    expect(deliveries(h.core.context)[0]).toMatchObject({ state: 'failing', lastError: 'provider_timeout' })
    // Before the backoff step is over: nothing more, however many rounds.
    const next = nextAt(id)
    for (const ms of [1000, 5000, 15_000]) await deliverDue(h.core.context, new Date(start.getTime() + ms))
    expect(next.getTime() - start.getTime()).toBeGreaterThanOrEqual(22_500)
    expect(posts).toHaveLength(1)
    answer = () => ({ status: 204 })
    await deliverDue(h.core.context, next)
    expect(posts).toHaveLength(2)
    expect(posts[1]?.id).toBe(posts[0]?.id) // "maybe delivered": retried with the same id
    expect(deliveries(h.core.context)[0]?.state).toBe('delivered')
  })

  it('429 waits its Retry-After; 410 Gone stops at once and says so', async () => {
    answer = () => ({ status: 429, headers: { 'Retry-After': '7200' } })
    const start = new Date()
    const [first] = recordChanges(1, start) as [number]
    await deliverDue(h.core.context, start)
    expect(nextAt(first).getTime() - start.getTime()).toBeGreaterThanOrEqual(7_200_000)

    answer = () => ({ status: 410 })
    const [second] = recordChanges(1, start) as [number]
    await deliverDue(h.core.context, start)
    expect(deliveries(h.core.context).find((d) => d.changeId === second)).toMatchObject({
      state: 'abandoned',
      lastError: 'HTTP 410',
      attempts: 1,
    })
  })

  it('deliveries go out a few at a time: one slow answer does not hold the rest', async () => {
    answer = () => ({ status: 204, delayMs: 300 })
    recordChanges(12, new Date())
    const round = await deliverDue(h.core.context)
    expect(round.delivered).toBe(12)
    expect(maxInFlight).toBeGreaterThan(1)
    expect(maxInFlight).toBeLessThanOrEqual(4)
  })
})
