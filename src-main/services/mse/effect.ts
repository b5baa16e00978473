import { mseOperation } from '../../../src-shared/domain/operations'
import type { CoreContext } from '../context'
import { runEffect } from '../effects'
import { AppFailure } from '../../infra/errors'
import { rawAnswer, type HttpAnswer, type HttpRequest } from '../../infra/http/client'
import type { EffectDeps } from '../effects'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type MseEffectDeps = Pick<CoreContext, 'http'> & EffectDeps

/**
 * One MSE request. Sends, charges and line changes are effects (domain/operations): journaled before they leave; no
 * answer, a connection lost after sending or a 5xx means the outcome is unknown — seed 003 has no lookup to settle
 * it, so it becomes `mse.outcome_unknown` and the same send waits for the analyst's explicit `resend`.
 */
export function sendMse(
  ctx: MseEffectDeps,
  service: string,
  request: HttpRequest,
  effect: { payload: unknown; target: string; resend?: boolean | undefined },
): Promise<HttpAnswer> {
  const isEffect = mseOperation(service).kind === 'effect'
  return runEffect(
    ctx,
    {
      operation: `mse.${service}`,
      payload: effect.payload,
      target: effect.target ? `…${effect.target.slice(-4)}` : service,
      resend: effect.resend,
      onUnknown: (_failure, cause) => new AppFailure('mse.outcome_unknown', { service, cause }),
    },
    async () => {
      const answer = await ctx.http.send('MSE', request)
      // A 5xx to a send says the gateway failed while processing it, not whether the message went out.
      if (isEffect && answer.status >= 500)
        throw new AppFailure('mse.server_error', { status: answer.status }, { raw: rawAnswer(request, answer) })
      return answer
    },
  )
}
