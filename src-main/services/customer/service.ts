import type { CustomerCheck, CustomerCheckId } from '../../../src-shared/contract/customer'
import { CUSTOMER_CHECKS } from '../../../src-shared/contract/customer'
import type { AppError } from '../../../src-shared/contract'
import { checkKey, dataTrustKey, type Person } from '../../../src-shared/domain/batch'
import { parseCpf } from '../../../src-shared/domain/cpf'
import {
  alertFacts,
  dataTrustFacts,
  decide,
  explain,
  failureOutcome,
  type Facts,
  type Outcome,
  type Policy,
} from '../../../src-shared/domain/policy'
import type { CoreContext } from '../context'
import { AppFailure, asFailure, toAppError } from '../../infra/errors'
import { lookupAlerts, lookupScore } from '../claro/service'
import { sendOrReuseDataTrust } from '../datatrust/service'
import type { ClaroDeps } from '../claro/service'
import type { DataTrustDeps } from '../datatrust/service'
import type { Cases } from '../cases/service'
import { caseFromCustomer } from '../cases/sources'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type CustomerDeps = Pick<CoreContext, 'environment' | 'events' | 'history' | 'log' | 'redactor' | 'translate'> &
  ClaroDeps &
  DataTrustDeps

/*
 * Cliente: the asked checks in parallel, each ending answered / not found / not run / failed / unknown, then one
 * decision from the policy (the same function Lote and the CLI use). The identifiers are read exactly as a batch
 * row's are (checkKey), so the same customer gets the same verdict and reasons on every surface.
 */

export interface CustomerInput {
  cpf: string
  phone?: string | undefined
  email?: string | undefined
  cep?: string | undefined
  checks?: CustomerCheckId[] | undefined
  retry?: CustomerCheckId[] | undefined
  requestId?: string | undefined
  /** A new (billed) Data Trust transaction even when the person's recent one could be reused (issue #22). */
  newTransaction?: boolean | undefined
}

type Ran = { section: Section<unknown>; outcome?: Outcome }

/**
 * The last answers per customer, so "try again" re-asks only the check that failed (issue #16) — never re-sending
 * a billed Data Trust transaction because the Score timed out. Kept in memory for 30 minutes, 50 customers.
 */
export class CustomerMemory {
  private readonly entries = new Map<string, { at: number; ran: Partial<Record<CustomerCheckId, Ran>> }>()
  constructor(
    private readonly ttlMs = 30 * 60_000,
    private readonly max = 50,
  ) {}

  get(key: string): Partial<Record<CustomerCheckId, Ran>> | null {
    const entry = this.entries.get(key)
    if (!entry || Date.now() - entry.at > this.ttlMs) return null
    return entry.ran
  }

  set(key: string, ran: Partial<Record<CustomerCheckId, Ran>>): void {
    this.entries.delete(key)
    this.entries.set(key, { at: Date.now(), ran })
    for (const old of this.entries.keys()) {
      if (this.entries.size <= this.max) break
      this.entries.delete(old)
    }
  }
}

const memoryKey = (environment: string, person: Person): string =>
  JSON.stringify([environment, person.cpf.replace(/\D/g, ''), person.phone, person.email, person.cep])

type Section<T> =
  | { status: 'ok'; result: T }
  | { status: 'error'; error: AppError }
  | { status: 'not_run'; cause: string }
  | { status: 'not_asked' }

async function run<T>(
  ctx: CustomerDeps,
  check: CustomerCheckId,
  person: Person,
  asked: boolean,
  call: (key: string) => Promise<T>,
  facts: (result: T) => Outcome,
): Promise<{ section: Section<T>; outcome?: Outcome }> {
  if (!asked) return { section: { status: 'not_asked' } }
  const key = checkKey(check, person)
  if (!key.ok)
    return { section: { status: 'not_run', cause: key.reason }, outcome: { status: 'not_run', code: key.reason } }
  try {
    const result = await call(key.key)
    return { section: { status: 'ok', result }, outcome: facts(result) }
  } catch (error) {
    const failure = asFailure(error)
    const appError = ctx.redactor.value(toAppError(failure, ctx.translate())) as AppError
    return { section: { status: 'error', error: appError }, outcome: failureOutcome(check, failure.code) }
  }
}

export async function checkCustomer(
  ctx: CustomerDeps,
  input: CustomerInput,
  policy: Policy,
  memory: CustomerMemory = new CustomerMemory(),
  /** The review queue (issue #22): a "revisar" or uncertain verdict opens the person's case. */
  cases?: Cases,
): Promise<CustomerCheck> {
  const cpf = parseCpf(input.cpf)
  if (!cpf.ok) throw new AppFailure(`invalid_cpf.${cpf.reason}`)
  const checks = CUSTOMER_CHECKS.filter((c) => (input.checks ?? CUSTOMER_CHECKS).includes(c))
  const person: Person = { cpf: input.cpf, phone: input.phone ?? '', email: input.email ?? '', cep: input.cep ?? '' }
  const now = new Date()
  const key = memoryKey(ctx.environment(), person)
  const before = input.retry ? memory.get(key) : null
  // Each check either re-uses the last answer (a retry of another check) or runs; the screen hears each as it lands.
  const step = async <T>(check: CustomerCheckId, work: () => Promise<{ section: Section<T>; outcome?: Outcome }>) => {
    const kept = before?.[check]
    const reuse = kept !== undefined && checks.includes(check) && !input.retry?.includes(check)
    const done = reuse ? (kept as { section: Section<T>; outcome?: Outcome }) : await work()
    if (input.requestId && checks.includes(check))
      ctx.events.publish('customer:progress', {
        requestId: input.requestId,
        check,
        status: reuse
          ? 'reused'
          : done.section.status === 'ok'
            ? 'ok'
            : done.section.status === 'error'
              ? 'error'
              : 'not_run',
      })
    return done
  }
  const [alerts, score, dataTrust] = await Promise.all([
    // An event's age is counted from when the answer arrived — as a batch counts it — so both read alike.
    step('alerts', () =>
      run(
        ctx,
        'alerts',
        person,
        checks.includes('alerts'),
        (msisdn) => lookupAlerts(ctx, { msisdn }),
        (r) => ({ status: 'answered', answer: alertFacts(r.events, new Date()) }),
      ),
    ),
    step('score', () =>
      run(
        ctx,
        'score',
        person,
        checks.includes('score'),
        (key) => lookupScore(ctx, { cpf: key }),
        (r) => ({ status: 'answered', answer: { score: r.score } }),
      ),
    ),
    step('datatrust', () =>
      run(
        ctx,
        'datatrust',
        person,
        checks.includes('datatrust'),
        (key) => {
          const k = dataTrustKey(key)
          const request = {
            cpf: k.cpf,
            ...(k.phone ? { phone: k.phone } : {}),
            ...(k.email ? { email: k.email } : {}),
            ...(k.cep ? { cep: k.cep } : {}),
          }
          // The same person's transaction within the reuse window is read again, not paid twice (issue #22).
          const reuseHours = ctx.settings.get().dataTrustReuseHours
          return sendOrReuseDataTrust(ctx, request, { reuseHours, fresh: input.newTransaction === true })
        },
        (r) => dataTrustFacts(r.transaction.Results),
      ),
    ),
  ])
  memory.set(key, { alerts, score, datatrust: dataTrust } as Partial<Record<CustomerCheckId, Ran>>)
  const facts: Facts = { checks, outcomes: {} }
  if (alerts.outcome) facts.outcomes.alerts = alerts.outcome as Outcome<'alerts'>
  if (score.outcome) facts.outcomes.score = score.outcome as Outcome<'score'>
  if (dataTrust.outcome) facts.outcomes.datatrust = dataTrust.outcome as Outcome<'datatrust'>
  const decision = decide(policy, facts)
  const texts = explain(decision, ctx.translate())
  const historyId = recordDecision(ctx, cpf.cpf, decision, now)
  const caseId = cases ? caseFromCustomer(cases, input, decision, facts, historyId, now) : null
  return {
    at: now.toISOString(),
    checks,
    alerts: alerts.section,
    score: score.section,
    dataTrust: dataTrust.section,
    facts,
    decision: { ...decision, reasons: decision.reasons.map((r, i) => ({ ...r, text: texts[i]?.text ?? r.code })) },
    historyId,
    caseId,
  }
}

/** The verdict goes to the history with the policy that made it; a history that cannot be written loses no answer. */
function recordDecision(ctx: CustomerDeps, cpf: string, decision: ReturnType<typeof decide>, at: Date): number | null {
  try {
    const summary =
      `${decision.verdict}${decision.reasons.length ? `: ${decision.reasons.map((r) => r.code).join(' | ')}` : ''}`.slice(
        0,
        500,
      )
    const row = ctx.history.add(
      {
        environment: ctx.environment(),
        kind: 'customer',
        identifier: cpf,
        outcome: 'ok',
        summary,
        errorCode: null,
        durationMs: Date.now() - at.getTime(),
        raw: null,
        decision,
      },
      at,
    )
    ctx.events.publish('history:added', row)
    return row.id
  } catch (error) {
    ctx.log.error('history.write_failed', { reason: (error as Error).message })
    return null
  }
}
