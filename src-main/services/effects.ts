import { createHash } from 'node:crypto'
import { canonicalJson } from '../../src-shared/domain/policy/schema'
import { operation, outcomeUnknown } from '../../src-shared/domain/operations'
import { causeText } from '../../src-shared/domain/policy/explain'
import { formatDateTime } from '../../src-shared/domain/format'
import type { CoreContext } from './context'
import { AppFailure, asFailure } from '../infra/errors'

/** What this service uses of the core, and nothing else. */
export type EffectDeps = Pick<CoreContext, 'effects' | 'environment' | 'settings' | 'translate'>

/*
 * Effects at most once, for single calls (forms, CLI): journaled before the request leaves; a send of the same thing
 * after one whose outcome is unknown is refused unless the analyst explicitly asks to send again (`resend`).
 */

/** How long an uncertain send blocks the same send (an analyst checks a receipt or a handset well within a day). */
const UNSETTLED_WINDOW_MS = 24 * 3_600_000

export interface EffectSpec {
  operation: string
  /** What makes two sends "the same": never a secret (passwords are not part of MSE params or Data Trust bodies). */
  payload: unknown
  /** What the analyst recognises it by (a masked number, a CPF), for notices. */
  target: string
  /** The analyst chose to send again despite an uncertain earlier send. */
  resend?: boolean | undefined
  /**
   * The failure to report when the send may have happened (no answer, connection lost after sending, a 5xx): given
   * the original failure and its cause in words. Without it the original failure is kept.
   */
  onUnknown?: ((failure: AppFailure, cause: string) => AppFailure) | undefined
}

/** What makes two sends "the same" in this environment: a hash of operation and payload (never a secret). */
export function effectFingerprint(environment: string, operation: string, payload: unknown): string {
  return createHash('sha256')
    .update(`${environment}\u0000${operation}\u0000${canonicalJson(payload)}`)
    .digest('hex')
}

export async function runEffect<T>(
  ctx: EffectDeps,
  spec: EffectSpec,
  send: () => Promise<T>,
  /** What the send made, kept with it (a transaction id): reusable by an identical later send (issue #22). */
  resultRef?: (result: T) => string | null,
): Promise<T> {
  if (operation(spec.operation).kind === 'read') return send()
  const fingerprint = effectFingerprint(ctx.environment(), spec.operation, spec.payload)
  const earlier = ctx.effects.unsettled(fingerprint, UNSETTLED_WINDOW_MS)
  // The time in the analyst's zone and format (words, not codes): "30/11/2026 21:05".
  if (earlier && !spec.resend)
    throw new AppFailure('effect_unsettled', {
      at: formatDateTime(earlier.startedAt, ctx.settings.get().timeZone, 'br'),
      target: earlier.target,
    })
  if (earlier) ctx.effects.supersede(fingerprint)
  const id = ctx.effects.begin({
    environment: ctx.environment(),
    operation: spec.operation,
    fingerprint,
    target: spec.target,
    payload: spec.payload,
  })
  try {
    const result = await send()
    ctx.effects.settle(id, 'done', null, new Date(), resultRef?.(result) ?? null)
    return result
  } catch (error) {
    let failure = asFailure(error)
    if (spec.onUnknown && outcomeUnknown(failure.code, String(failure.params['reason'] ?? ''))) {
      const status = failure.params['status']
      failure = spec.onUnknown(failure, status ? `HTTP ${String(status)}` : causeText(failure.code, ctx.translate()))
    }
    ctx.effects.settle(id, /(^|\.)outcome_unknown$/.test(failure.code) ? 'unknown' : 'failed', failure.code)
    throw failure
  }
}
