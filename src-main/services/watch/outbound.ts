import { assertAddressAllowed } from '../../infra/http/address'
import { installationId } from '../../infra/store/installation'
import { secretKey, signatureHeaders } from './signing'
import { maskMsisdn } from '../../../src-shared/domain/phone'
import type { CoreContext } from '../context'
import { WatchStore, type WatchChange } from './store'

/*
 * Issue #17: each change a pass records, posted to the team's webhook as a CloudEvents 1.0 JSON event (structured
 * mode). Issue #24: signed as Standard Webhooks signs (signing.ts) with this data folder's secret, `source` carrying
 * this folder's installation id; without a secret nothing is posted — never an unsigned alarm. A failed post is
 * retried a few times at once, then on a growing delay; an event never delivered stays in watch_deliveries, listed.
 */

export type OutboundDeps = Pick<CoreContext, 'db' | 'http' | 'credentials' | 'settings' | 'environment' | 'log'>

/** Before issue #24 the secret was one per environment, shared by every data folder: read once to move it over. */
const LEGACY_WEBHOOK_SECRET = 'watch-webhook'
const QUICK_TRIES = 3
const MAX_ATTEMPTS = 12
const QUICK_PAUSE_MS = 300

/** The keychain name of this data folder's webhook secret: another folder can neither re-key nor remove it. */
export function webhookSecretName(ctx: Pick<OutboundDeps, 'db'>): string {
  return `watch-webhook/${installationId(ctx.db)}`
}

/**
 * This folder's webhook secret, or null. A secret kept under the old shared name is moved to this folder's name the
 * first time (the old entry stays for other folders that still read it; each then owns its copy).
 */
export async function webhookSecret(
  ctx: Pick<OutboundDeps, 'db' | 'credentials' | 'environment'>,
): Promise<string | null> {
  const env = ctx.environment()
  const own = await ctx.credentials.getSecret(env, webhookSecretName(ctx))
  if (own) return own
  const legacy = await ctx.credentials.getSecret(env, LEGACY_WEBHOOK_SECRET)
  if (!legacy) return null
  await ctx.credentials.setSecret(env, webhookSecretName(ctx), legacy)
  return legacy
}

/** The change as a CloudEvent (https://github.com/cloudevents/spec, v1.0, JSON format). */
export function cloudEvent(
  store: WatchStore,
  c: WatchChange,
  maskLines: boolean,
  installation: string,
): Record<string, unknown> {
  const line = store.line(c.lineId)
  const list = store.list(c.listId)
  const msisdn = line?.msisdn ? (maskLines ? maskMsisdn(line.msisdn) : line.msisdn) : null
  return {
    specversion: '1.0',
    type: `br.sentinela.watch.${c.kind}`,
    // (source, id) is unique across installations: the host name was not (two folders, two machines named alike).
    source: `sentinela://${installation}/watchlists/${c.listId}`,
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
  const secret = await webhookSecret(ctx)
  const installation = installationId(ctx.db)
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
    const body = JSON.stringify(cloudEvent(store, change, mask, installation))
    const messageId = `${installation}.change-${change.id}`
    let attempts = d.attempts
    let error: string | null = null
    for (let i = 0; i < QUICK_TRIES; i++) {
      attempts++
      error = await post(ctx, url, body, messageId, secret)
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

async function post(
  ctx: OutboundDeps,
  url: string,
  body: string,
  messageId: string,
  secret: string | null,
): Promise<string | null> {
  // Never an unsigned alarm: a receiver could not tell it from a forgery (issue #24). It waits for a secret.
  if (!secret || !secretKey(secret)) return 'secret_missing'
  try {
    // The same address check as Configurações, at every delivery: settings.json may have been edited by hand (#23).
    await assertAddressAllowed(url, { allowPrivate: ctx.settings.get().allowPrivateAddresses })
    const answer = await ctx.http.send('webhook', {
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/cloudevents+json; charset=utf-8',
        ...signatureHeaders([secret], messageId, new Date(), body),
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
