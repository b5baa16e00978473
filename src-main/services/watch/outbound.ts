import { createHmac, randomBytes } from 'node:crypto'
import { assertAddressAllowed } from '../../infra/http/address'
import { hostname } from 'node:os'
import { maskMsisdn } from '../../../src-shared/domain/phone'
import type { CoreContext } from '../context'
import { WatchStore, type WatchChange } from './store'

/*
 * Issue #17: each change a pass records, posted to the team's webhook as a CloudEvents 1.0 JSON event (structured
 * mode), signed with HMAC-SHA256 over the exact body with a secret kept in the keychain. A failed post is retried
 * a few times at once, then on a growing delay; an event never delivered stays in watch_deliveries and is listed.
 */

export type OutboundDeps = Pick<CoreContext, 'db' | 'http' | 'credentials' | 'settings' | 'environment' | 'log'>

export const WEBHOOK_SECRET = 'watch-webhook'
export const SIGNATURE_HEADER = 'x-sentinela-signature'
const QUICK_TRIES = 3
const MAX_ATTEMPTS = 12
const QUICK_PAUSE_MS = 300

export function newWebhookSecret(): string {
  return randomBytes(32).toString('hex')
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/** The change as a CloudEvent (https://github.com/cloudevents/spec, v1.0, JSON format). */
export function cloudEvent(store: WatchStore, c: WatchChange, maskLines: boolean): Record<string, unknown> {
  const line = store.line(c.lineId)
  const list = store.list(c.listId)
  const msisdn = line?.msisdn ? (maskLines ? maskMsisdn(line.msisdn) : line.msisdn) : null
  return {
    specversion: '1.0',
    type: `br.sentinela.watch.${c.kind}`,
    source: `sentinela://${hostname()}/watchlists/${c.listId}`,
    id: `change-${c.id}`,
    time: c.detectedAt,
    subject: `line/${c.lineId}`,
    datacontenttype: 'application/json',
    data: {
      list: { id: c.listId, name: list?.name ?? '' },
      line: { id: c.lineId, label: line?.label ?? '', msisdn, cpf: line?.cpf && !maskLines ? line.cpf : null },
      kind: c.kind,
      eventName: c.eventName,
      eventAt: c.eventAt,
      score: c.detail?.score ?? null,
      previousScore: c.detail?.previous ?? null,
      severity: c.severity,
      baseline: c.baseline,
    },
  }
}

/** Queues the changes for the webhook (when one is set): called inside the pass's transaction. */
export function enqueue(ctx: Pick<OutboundDeps, 'db' | 'settings'>, changes: readonly WatchChange[], at: string): void {
  if (!ctx.settings.get().watch.webhookUrl) return
  const insert = ctx.db.prepare(
    'INSERT OR IGNORE INTO watch_deliveries (change_id, created_at, next_at) VALUES (?, ?, ?)',
  )
  for (const c of changes) insert.run(c.id, at, at)
}

export interface Delivery {
  changeId: number
  attempts: number
  deliveredAt: string | null
  lastError: string | null
  nextAt: string
}

export function deliveries(ctx: Pick<OutboundDeps, 'db'>, pendingOnly = false): Delivery[] {
  const rows = ctx.db
    .prepare(
      `SELECT change_id AS changeId, attempts, delivered_at AS deliveredAt, last_error AS lastError, next_at AS nextAt
       FROM watch_deliveries ${pendingOnly ? 'WHERE delivered_at IS NULL' : ''} ORDER BY change_id`,
    )
    .all()
  return rows as Delivery[]
}

/** Posts every due delivery; returns how many went through. */
export async function deliverDue(ctx: OutboundDeps, now = new Date()): Promise<{ delivered: number; failed: number }> {
  const url = ctx.settings.get().watch.webhookUrl
  if (!url) return { delivered: 0, failed: 0 }
  const secret = await ctx.credentials.getSecret(ctx.environment(), WEBHOOK_SECRET)
  const due = ctx.db
    .prepare(
      'SELECT change_id AS id, attempts FROM watch_deliveries WHERE delivered_at IS NULL AND attempts < ? AND next_at <= ?',
    )
    .all(MAX_ATTEMPTS, now.toISOString()) as { id: number; attempts: number }[]
  const store = new WatchStore(ctx.db)
  const mask = ctx.settings.get().watch.maskLines
  let delivered = 0
  let failed = 0
  for (const d of due) {
    const change = store.change(d.id)
    if (!change) continue
    const body = JSON.stringify(cloudEvent(store, change, mask))
    let attempts = d.attempts
    let error: string | null = null
    for (let i = 0; i < QUICK_TRIES; i++) {
      attempts++
      error = await post(ctx, url, body, secret)
      if (error === null) break
      await new Promise((resolve) => setTimeout(resolve, QUICK_PAUSE_MS * (i + 1)))
    }
    // Later rounds wait longer each time: 1 min, 2, 4… up to 1 h.
    const wait = Math.min(3_600_000, 60_000 * 2 ** Math.max(0, attempts / QUICK_TRIES - 1))
    ctx.db
      .prepare(
        'UPDATE watch_deliveries SET attempts = ?, delivered_at = ?, last_error = ?, next_at = ? WHERE change_id = ?',
      )
      .run(
        attempts,
        error === null ? new Date().toISOString() : null,
        error,
        new Date(Date.now() + wait).toISOString(),
        d.id,
      )
    if (error === null) delivered++
    else failed++
  }
  return { delivered, failed }
}

async function post(ctx: OutboundDeps, url: string, body: string, secret: string | null): Promise<string | null> {
  try {
    // The same address check as Configurações, at every delivery: settings.json may have been edited by hand (#23).
    await assertAddressAllowed(url, { allowPrivate: ctx.settings.get().allowPrivateAddresses })
    const answer = await ctx.http.send('webhook', {
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/cloudevents+json; charset=utf-8',
        ...(secret ? { [SIGNATURE_HEADER]: signature(secret, body) } : {}),
      },
      body,
      timeoutMs: 10_000,
    })
    return answer.status >= 200 && answer.status < 300 ? null : `HTTP ${answer.status}`
  } catch (error) {
    ctx.log.warn('watch.webhook_failed', { reason: (error as Error).message })
    return (error as { code?: string }).code ?? 'unreachable'
  }
}
