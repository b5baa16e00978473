import { assertAddressAllowed } from '../../infra/http/address'
import { installationId } from '../../infra/store/installation'
import { secretKey, signatureHeaders } from './signing'
import { maskMsisdn } from '../../../src-shared/domain/phone'
import type { CoreContext } from '../context'
import { type WatchStore, type WatchChange } from './store'

/*
 * Issue #17: each change a pass records, posted to the team's webhook as a CloudEvents 1.0 JSON event (structured
 * mode). Issue #24: signed as Standard Webhooks signs (signing.ts) with this data folder's secret, `source` carrying
 * this folder's installation id; without a secret nothing is posted — never an unsigned alarm. A failed post is
 * retried a few times at once, then on a growing delay; an event never delivered stays in watch_deliveries, listed.
 */

export type OutboundDeps = Pick<CoreContext, 'db' | 'http' | 'credentials' | 'settings' | 'environment' | 'log'>

/** Before issue #24 the secret was one per environment, shared by every data folder: read once to move it over. */
const LEGACY_WEBHOOK_SECRET = 'watch-webhook'

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

/** What one attempt came to: delivered, or why not and when the receiver asked to be tried again. */
export type PostOutcome =
  { ok: true } | { ok: false; error: string; status?: number; retryAfterMs?: number; maybeDelivered?: boolean }

/** `Retry-After` in seconds or as an HTTP date, as milliseconds from now (RFC 9110 §10.2.3), or undefined. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime())
}

/** One signed post of one event; never throws. */
export async function post(
  ctx: OutboundDeps,
  url: string,
  body: string,
  messageId: string,
  secret: string | null,
  timeoutMs: number,
): Promise<PostOutcome> {
  // Never an unsigned alarm: a receiver could not tell it from a forgery (issue #24). It waits for a secret.
  if (!secret || !secretKey(secret)) return { ok: false, error: 'secret_missing' }
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
      timeoutMs,
    })
    if (answer.status >= 200 && answer.status < 300) return { ok: true }
    const after = [429, 503].includes(answer.status)
      ? retryAfterMs(answer.headers['retry-after'], new Date())
      : undefined
    return {
      ok: false,
      error: `HTTP ${answer.status}`,
      status: answer.status,
      ...(after === undefined ? {} : { retryAfterMs: after }),
    }
  } catch (error) {
    ctx.log.warn('watch.webhook_failed', { reason: (error as Error).message })
    const code = (error as { code?: string }).code ?? 'unreachable'
    // A timeout may have reached the receiver: the retry carries the same webhook-id, on the backoff.
    return { ok: false, error: code, ...(code === 'provider_timeout' ? { maybeDelivered: true } : {}) }
  }
}
