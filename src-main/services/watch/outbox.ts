import { installationId } from '../../infra/store/installation'
import { cloudEvent, post, webhookSecret, type OutboundDeps, type PostOutcome } from './outbound'
import { WatchStore } from './store'

/*
 * Issue #24: a durable outbox for the team webhook. Each change a pass records is queued in the same transaction
 * (outbound.ts `enqueue`); this module sends what is due — from the end of a pass, the app's scheduler and
 * `watch run`'s own timer — one attempt per due time:
 *  - a failure waits on an exponential backoff with jitter (30 s, 1 min, 2, 4… at most 6 h between attempts);
 *  - 429 and 503 wait at least their Retry-After;
 *  - 410 Gone stops at once and says so;
 *  - a timeout is "maybe delivered": retried on the same backoff with the same webhook-id (receivers deduplicate);
 *  - past 24 h of failures the delivery is abandoned — listed, never silent — and can be sent again (`retry`).
 * A delivery is claimed (its next_at moved past the attempt) before it is posted, so two processes or two timers never
 * post one event twice at once; a few go out concurrently, so one slow receiver answer does not hold the rest.
 */

export const WINDOW_MS = 24 * 3_600_000
const FIRST_DELAY_MS = 30_000
const MAX_DELAY_MS = 6 * 3_600_000
/** Deliveries in flight at once. */
const CONCURRENCY = 4
/** Deliveries taken per round (the next round takes the rest). */
const BATCH = 200

export type DeliveryState = 'pending' | 'failing' | 'delivered' | 'abandoned'

export interface Delivery {
  changeId: number
  state: DeliveryState
  attempts: number
  deliveredAt: string | null
  abandonedAt: string | null
  lastError: string | null
  nextAt: string
}

interface Row {
  changeId: number
  attempts: number
  deliveredAt: string | null
  abandonedAt: string | null
  lastError: string | null
  nextAt: string
}

export function stateOf(d: {
  attempts: number
  deliveredAt: string | null
  abandonedAt: string | null
}): DeliveryState {
  if (d.deliveredAt) return 'delivered'
  if (d.abandonedAt) return 'abandoned'
  return d.attempts === 0 ? 'pending' : 'failing'
}

/** Deliveries not delivered (`undeliveredOnly`), or all, oldest change first. */
export function deliveries(ctx: Pick<OutboundDeps, 'db'>, undeliveredOnly = false): Delivery[] {
  const rows = ctx.db
    .prepare(
      `SELECT change_id AS changeId, attempts, delivered_at AS deliveredAt, abandoned_at AS abandonedAt,
              last_error AS lastError, next_at AS nextAt
       FROM watch_deliveries ${undeliveredOnly ? 'WHERE delivered_at IS NULL' : ''} ORDER BY change_id`,
    )
    .all() as Row[]
  return rows.map((r) => ({ ...r, state: stateOf(r) }))
}

/** The wait before attempt n + 1 after n failures: doubling from 30 s, at most 6 h, ±25 % jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1))
  return Math.round(base * (0.75 + random() * 0.5))
}

/** What to record after an attempt made at `now`. */
export function afterAttempt(
  outcome: PostOutcome,
  attempts: number,
  windowFrom: string,
  now: Date,
  random: () => number = Math.random,
): { deliveredAt: string | null; abandonedAt: string | null; lastError: string | null; nextAt: string } {
  const at = now.toISOString()
  if (outcome.ok) return { deliveredAt: at, abandonedAt: null, lastError: null, nextAt: at }
  // 410 Gone: the receiver says this address will never take it (RFC 9110 §15.5.11).
  if (outcome.status === 410) return { deliveredAt: null, abandonedAt: at, lastError: outcome.error, nextAt: at }
  const wait = Math.max(backoffMs(attempts, random), outcome.retryAfterMs ?? 0)
  const next = new Date(now.getTime() + Math.min(wait, WINDOW_MS))
  if (next.getTime() - Date.parse(windowFrom) > WINDOW_MS)
    return { deliveredAt: null, abandonedAt: at, lastError: outcome.error, nextAt: at }
  return { deliveredAt: null, abandonedAt: null, lastError: outcome.error, nextAt: next.toISOString() }
}

async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await work(item)
    }
  })
  await Promise.all(lanes)
}

export interface RoundResult {
  delivered: number
  failed: number
  abandoned: number
}

/** Sends every delivery due at `now` (a test's clock, or the wall clock); returns what came of them. */
export async function deliverDue(ctx: OutboundDeps, now = new Date()): Promise<RoundResult> {
  const result: RoundResult = { delivered: 0, failed: 0, abandoned: 0 }
  const { webhookUrl: url, maskLines, timeoutSeconds } = ctx.settings.get().watch
  if (!url) return result
  const timeoutMs = timeoutSeconds * 1000
  const due = ctx.db
    .prepare(
      `SELECT change_id AS id, attempts, next_at AS nextAt, COALESCE(window_from, created_at) AS windowFrom
       FROM watch_deliveries
       WHERE delivered_at IS NULL AND abandoned_at IS NULL AND next_at <= ?
       ORDER BY next_at LIMIT ?`,
    )
    .all(now.toISOString(), BATCH) as { id: number; attempts: number; nextAt: string; windowFrom: string }[]
  if (due.length === 0) return result
  // Without a keychain the secret cannot be read: the deliveries wait, said as such, never posted unsigned.
  let unreadable = false
  const secret = await webhookSecret(ctx).catch(() => {
    unreadable = true
    return null
  })
  const installation = installationId(ctx.db)
  const store = new WatchStore(ctx.db)
  // The claim: past the attempt's own timeout, so a crash mid-attempt is retried later, never at once twice.
  const lease = new Date(now.getTime() + timeoutMs + 60_000).toISOString()
  const claim = ctx.db.prepare('UPDATE watch_deliveries SET next_at = ? WHERE change_id = ? AND next_at = ?')
  const record = ctx.db.prepare(
    `UPDATE watch_deliveries SET attempts = ?, delivered_at = ?, abandoned_at = ?, last_error = ?, next_at = ?
     WHERE change_id = ?`,
  )
  await pool(due, CONCURRENCY, async (d) => {
    if (claim.run(lease, d.id, d.nextAt).changes !== 1) return // another process or round took it
    const change = store.change(d.id)
    if (!change) return
    const body = JSON.stringify(cloudEvent(store, change, maskLines, installation))
    const outcome: PostOutcome = unreadable
      ? { ok: false, error: 'keychain_unavailable' }
      : await post(ctx, url, body, `${installation}.change-${change.id}`, secret, timeoutMs)
    const attempts = d.attempts + 1
    // The schedule follows the clock the round was asked for (a test's hours), plus the attempt's own duration.
    const after = afterAttempt(outcome, attempts, d.windowFrom, now)
    record.run(attempts, after.deliveredAt, after.abandonedAt, after.lastError, after.nextAt, d.id)
    if (after.deliveredAt) result.delivered++
    else if (after.abandonedAt) result.abandoned++
    else result.failed++
  })
  return result
}

/** When the next delivery is due (ms since the epoch), or null when none waits. */
export function nextDeliveryAt(ctx: Pick<OutboundDeps, 'db'>): number | null {
  const row = ctx.db
    .prepare('SELECT MIN(next_at) AS at FROM watch_deliveries WHERE delivered_at IS NULL AND abandoned_at IS NULL')
    .get() as { at: string | null }
  return row.at ? Date.parse(row.at) : null
}

/**
 * Sends abandoned deliveries again (the analyst's explicit act): the given ones, or every abandoned one. Each gets a
 * fresh 24 h window and is due at once; returns how many were put back.
 */
export function retryDeliveries(
  ctx: Pick<OutboundDeps, 'db'>,
  which: readonly number[] | 'all',
  now = new Date(),
): number {
  const at = now.toISOString()
  const sql = `UPDATE watch_deliveries SET abandoned_at = NULL, window_from = ?, next_at = ?
               WHERE delivered_at IS NULL AND abandoned_at IS NOT NULL`
  if (which === 'all') return ctx.db.prepare(sql).run(at, at).changes
  const one = ctx.db.prepare(`${sql} AND change_id = ?`)
  return which.reduce((n, id) => n + one.run(at, at, id).changes, 0)
}
