import { dataTrustKey, type Check } from '../../../src-shared/domain/batch'
import type { ClaroDeps } from '../claro/service'
import type { DataTrustDeps } from '../datatrust/service'
import type { MseDeps } from '../mse/service'
import { type AppFailure, asFailure } from '../../infra/errors'
import { client as claroClient } from '../claro/service'
import { clearSaleClient, toTransactionRequest } from '../datatrust/service'
import { sendTransactionOnce } from '../../providers/clearsale'
import type { DtTransaction, TransactionRequest } from '../../../src-shared/domain/clearsale'
import { callMse } from '../mse/service'
import { MSE_STATUS, statusFailure } from '../../providers/mse'

/*
 * One call of a batch check for one normalised identifier. Batch calls go straight to the provider clients: the
 * batch journal is their record (a 100k-row list must not flood the lookup history), and the answer kept is
 * what the export and the verdict need.
 */

export type CallResult =
  | { check: 'alerts'; events: { eventName: string; timestamp: string }[] }
  | { check: 'score'; score: number }
  | {
      check: 'datatrust'
      id: string
      score: number | null
      insights: { Code: string; Description: string; Relevance: string }[]
    }
  | { check: 'line'; parameters: Record<string, string> }
  | { check: Check; notFound: true }

/** The Data Trust answer a batch keeps (seed 004 Results: score and insights). */
/** A batch check calls one of the providers: what their clients use of the core. */
export type CheckDeps = ClaroDeps & DataTrustDeps & MseDeps

export function dataTrustResult(transaction: DtTransaction): CallResult {
  const results = transaction.Results
  return {
    check: 'datatrust',
    id: transaction.ID,
    score: results?.Score?.Value ?? null,
    insights: (results?.Insights ?? []).map((i) => ({
      Code: i.Code,
      Description: i.Description,
      Relevance: i.Relevance,
    })),
  }
}

export function dataTrustRequest(key: string): TransactionRequest {
  const { cpf, phone, email, cep } = dataTrustKey(key)
  return toTransactionRequest({
    cpf,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(cep ? { cep } : {}),
  })
}

/**
 * `gate` is the provider's rate limit, awaited before every request the call makes (a 401 retry included). A Data
 * Trust send is an effect: sent at most once, reconciled by the search when its outcome is unknown (`exclude`: the
 * transactions this job already owns).
 */
export async function runCheck(
  ctx: CheckDeps,
  check: Check,
  key: string,
  timeoutMs: number,
  gate: () => Promise<void>,
  exclude: () => ReadonlySet<string> = () => new Set(),
): Promise<CallResult> {
  try {
    switch (check) {
      case 'alerts': {
        const { events } = await (await claroClient(ctx, timeoutMs, gate)).alerts(key)
        return { check, events: events.map((e) => ({ eventName: e.eventName, timestamp: e.timestamp })) }
      }
      case 'score':
        return { check, score: (await (await claroClient(ctx, timeoutMs, gate)).score(key)).score }
      case 'datatrust': {
        const { transaction } = await sendTransactionOnce(
          await clearSaleClient(ctx, timeoutMs, gate),
          dataTrustRequest(key),
          exclude,
        )
        return dataTrustResult(transaction)
      }
      case 'line': {
        // seed 003 §6.4.17; status 20 is the sandbox's volume limit (§9.3): retried like a 429.
        await gate()
        const r = await callMse(ctx, { service: 'SYS_CTN_INFO_TYPE', mode: 'sync', params: { CTN: key }, timeoutMs })
        if (r.statusCode !== MSE_STATUS.ok) throw statusFailure(r.statusCode, r.errorMessage)
        return { check, parameters: r.parameters }
      }
    }
  } catch (error) {
    const failure = asFailure(error)
    // seed 001: Claro's 404 means the customer is not in its base; ClearSale's 404 is a wrong route (seed 004).
    if (failure.code === 'claro.not_found') return { check, notFound: true }
    throw failure
  }
}

/**
 * Failures that say the same of every identifier: a token or authentication endpoint that is not there or refuses the
 * credential, no credential or URL for the environment. Once one happens, the provider's other calls of the run would
 * only repeat it (issue #22): they are recorded with the same failure, without a request.
 */
const CONFIGURATION_FAILURES =
  /^(claro\.(token_not_found|token_refused|token_unexpected|unauthorized|forbidden)|clearsale\.(auth_failed|auth_not_found|auth_unexpected|unauthorized)|credentials_missing|endpoint_missing)$/

export function configurationFailure(code: string): boolean {
  return CONFIGURATION_FAILURES.test(code)
}

/** Whether a failure is worth another try, and after how long at least (Retry-After, in ms). */
export function retryable(failure: AppFailure): { retry: boolean; afterMs: number } {
  const code = failure.code
  const retryAfter = Number(failure.params['retryAfter'])
  const afterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0
  if (code.endsWith('.rate_limited') || code === 'mse.volume') return { retry: true, afterMs }
  if (code.endsWith('.server_error') || code === 'provider_timeout' || code === 'provider_unreachable')
    return { retry: true, afterMs }
  if (code === 'mse.http_status' && Number(failure.params['status']) >= 500) return { retry: true, afterMs }
  return { retry: false, afterMs: 0 }
}
