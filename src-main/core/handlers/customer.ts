import type { CustomerCheck } from '../../../src-shared/contract/customer'
import { parseCpf } from '../../../src-shared/domain/cpf'
import { decide, type VerdictInput } from '../../../src-shared/domain/verdict'
import type { CoreContext } from '../context'
import { AppFailure, asFailure, toAppError } from '../errors'
import type { Handlers } from '../router'
import { lookupAlerts, lookupScore } from '../../providers/claro/service'
import { sendDataTrust } from '../../providers/clearsale/service'

type Outcome<T> = { status: 'ok'; result: T } | { status: 'error'; error: ReturnType<typeof toAppError> } | { status: 'skipped'; reason: 'no_identifier' | 'not_configured' }

/** A provider is asked when it can answer here: always in the sandbox, elsewhere only with a stored credential. */
async function configured(ctx: CoreContext, name: string): Promise<boolean> {
  if (ctx.environment() === 'sandbox') return true
  return (await ctx.credentials.get(ctx.environment(), name).catch(() => null)) !== null
}

async function attempt<T>(ctx: CoreContext, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { status: 'ok', result: await run() }
  } catch (error) {
    return { status: 'error', error: ctx.redactor.value(toAppError(asFailure(error), ctx.translate())) as ReturnType<typeof toAppError> }
  }
}

/**
 * Cliente: Alerta, Score and Data Trust in parallel (whichever apply), then the verdict from the editable rules
 * in settings, with every rule that fired and why.
 */
export function customerHandlers(ctx: CoreContext): Pick<Handlers, 'customer:check'> {
  return {
    'customer:check': async (input): Promise<CustomerCheck> => {
      const cpf = parseCpf(input.cpf)
      if (!cpf.ok) throw new AppFailure(`invalid_cpf.${cpf.reason}`)
      const [claroOn, clearsaleOn] = await Promise.all([configured(ctx, 'claro'), configured(ctx, 'clearsale')])
      const skip = (reason: 'no_identifier' | 'not_configured') => Promise.resolve({ status: 'skipped' as const, reason })
      const [alerts, score, dataTrust] = await Promise.all([
        !claroOn ? skip('not_configured') : !input.phone ? skip('no_identifier') : attempt(ctx, () => lookupAlerts(ctx, { msisdn: input.phone ?? '' })),
        !claroOn ? skip('not_configured') : attempt(ctx, () => lookupScore(ctx, { cpf: cpf.cpf })),
        !clearsaleOn
          ? skip('not_configured')
          : attempt(ctx, () => sendDataTrust(ctx, { cpf: cpf.cpf, ...(input.phone ? { phone: input.phone } : {}), ...(input.email ? { email: input.email } : {}), ...(input.cep ? { cep: input.cep } : {}) })),
      ])
      const verdictInput: VerdictInput = {}
      if (alerts.status === 'ok') verdictInput.alerts = { ok: true, events: alerts.result.events }
      if (alerts.status === 'error') verdictInput.alerts = { ok: false, code: alerts.error.code }
      if (score.status === 'ok') verdictInput.claroScore = { ok: true, score: score.result.score }
      if (score.status === 'error') verdictInput.claroScore = { ok: false, code: score.error.code }
      if (dataTrust.status === 'ok') {
        const results = dataTrust.result.transaction.Results
        verdictInput.dataTrust = { ok: true, score: results?.Score?.Value ?? null, insights: (results?.Insights ?? []).map((i) => ({ Code: i.Code, Description: i.Description, Relevance: i.Relevance })) }
      }
      if (dataTrust.status === 'error') verdictInput.dataTrust = { ok: false, code: dataTrust.error.code }
      const now = new Date()
      return { at: now.toISOString(), alerts, score, dataTrust, verdict: decide(verdictInput, ctx.settings.get().verdictRules, now) }
    },
  }
}
