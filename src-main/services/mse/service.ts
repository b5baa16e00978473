import type { MseCallResult } from '../../../src-shared/contract/mse'
import { MseCredentialSchema, type MseCredential } from '../../../src-shared/domain/credentials'
import type { CoreContext } from '../context'
import { AppFailure } from '../../infra/errors'
import { sendMse } from './effect'
import { rawAnswer } from '../../infra/http/client'
import { providerCredential } from '../provider-credential'
import { MSE_SERVICES, normaliseMode } from '../../../src-shared/domain/mse-services'
import { normaliseParams, validateParams } from '../../../src-shared/domain/mse-validate'
import { parseMseResponse } from '../../providers/mse'
import { buildRequest, sentForm } from '../../providers/mse'
import { MSE_STATUS } from '../../providers/mse'
import type { MseEffectDeps } from './effect'
import type { ProviderCredentialDeps } from '../provider-credential'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type MseDeps = Pick<CoreContext, 'baseUrl' | 'mseMessages' | 'translate'> &
  MseEffectDeps &
  ProviderCredentialDeps

export { MSE_BASE_URL } from '../../providers/mse'
export const SANDBOX_MSE_PASSWORD = 'sentinela-sandbox'

export interface MseCall {
  service: string
  mode: string
  params: Record<string, string>
  /** SYS_CHARGE_SUBSCRIB charges a subscriber: the number being charged, typed again by the user. */
  confirmCharge?: string | undefined
  /** Whole-request limit (batch screening); the client default otherwise. */
  timeoutMs?: number | undefined
  /** Send again although an identical earlier send ended "resultado incerto" (the analyst's explicit choice). */
  resend?: boolean | undefined
}

/** One MSE request: validated from the service table, sent once (never retried: some services charge). */
export async function callMse(ctx: MseDeps, call: MseCall): Promise<MseCallResult> {
  const service = MSE_SERVICES.get(call.service.toUpperCase())
  if (!service) throw new AppFailure('mse.unknown_service', { service: call.service.slice(0, 40) })
  const mode = normaliseMode(call.mode)
  if (!mode) throw new AppFailure('mse.mode_invalid', { mode: call.mode.slice(0, 40) })
  if (!service.modes.includes(mode))
    throw new AppFailure('mse.mode_not_allowed', { mode, service: service.name, modes: service.modes.join(', ') })
  const params = normaliseParams(service, call.params)
  const problems = validateParams(service, params)
  if (problems.length > 0) {
    // Each problem worded as the form words it (mse.problems); the codes stay in the failure's detail.
    const t = ctx.translate()
    const summary = problems
      .map((p) => `${p.param}: ${t(`mse.problems.${p.problem}`, { detail: p.detail ?? '' })}`)
      .join('; ')
    throw new AppFailure('mse.invalid_params', { service: service.name, summary }, { problems: problems as never })
  }
  const confirmed = normaliseParams(service, { CTN: call.confirmCharge ?? '' })['CTN']
  if (service.charges && confirmed !== params['CTN'])
    throw new AppFailure('mse.charge_unconfirmed', { ctn: params['CTN'] ?? '' })

  const credential: MseCredential = await providerCredential(
    ctx,
    `mse:${service.name}`,
    `MSE ${service.name}`,
    MseCredentialSchema,
    {
      profile: `SANDBOX_${service.name}`,
      password: SANDBOX_MSE_PASSWORD,
      billingCode: service.charges ? '000000' : undefined,
    },
  )
  const base = await ctx.baseUrl('mse')
  const request = buildRequest(
    `${base}/api`,
    { profile: credential.profile, password: credential.password, mode, billingCode: credential.billingCode },
    service,
    params,
  )
  const target = params['BNUM'] ?? params['CTN'] ?? params['MSISDN'] ?? ''
  const answer = await sendMse(
    ctx,
    service.name,
    { ...request, ...(call.timeoutMs ? { timeoutMs: call.timeoutMs } : {}) },
    { payload: { mode, params }, target, resend: call.resend },
  )
  const raw = rawAnswer(request, answer)
  if (answer.status !== 200) throw new AppFailure('mse.http_status', { status: answer.status }, { raw })
  const parsed = parseMseResponse(answer.body)
  if (!parsed.ok) throw new AppFailure('mse.malformed', { reason: parsed.reason.slice(0, 300) }, { raw })
  const r = parsed.response
  if (mode === 'async-delivery' && r.statusCode === MSE_STATUS.ok && r.transactionId) {
    // Kept so the receipt that arrives later (§6.4.1.1) attaches to this message by transaction id.
    ctx.mseMessages.sent({
      transactionId: r.transactionId,
      service: service.name,
      target: params['BNUM'] ?? params['CTN'] ?? params['MSISDN'] ?? '',
      text: params['TEXT'] ?? '',
    })
  }
  return {
    service: service.name,
    mode,
    statusCode: r.statusCode,
    profile: r.profile,
    transactionId: r.transactionId,
    parameters: r.parameters,
    ...(r.errorMessage === undefined ? {} : { errorMessage: r.errorMessage }),
    warnings: r.warnings,
    sent: sentForm(request),
    raw,
  }
}
