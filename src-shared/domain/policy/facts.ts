import { z } from 'zod'

/*
 * What the checks said, reduced to what a decision needs. Every check the analyst asked for ends in exactly one
 * outcome: answered, not found, not run (missing or invalid identifier, no credential), failed (timeout, 5xx,
 * unexpected answer) or outcome unknown (an effect that may have happened). The same facts give the same verdict
 * on every surface, whenever they are decided again.
 */

export const CHECK_IDS = ['alerts', 'score', 'datatrust', 'line'] as const
export const CheckIdSchema = z.enum(CHECK_IDS)
export type CheckId = z.infer<typeof CheckIdSchema>
export const OUTCOME_STATUSES = ['answered', 'not_found', 'not_run', 'failed', 'unknown'] as const
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number]

/** An Alerta event with its age in whole days when it was read (the reference time is the answer's). */
export const AlertFactSchema = z.object({
  name: z.string().max(60),
  at: z.string().max(60),
  ageDays: z.number().nullable(),
})
export type AlertFact = z.infer<typeof AlertFactSchema>
export const InsightFactSchema = z.object({
  code: z.string().max(60),
  relevance: z.string().max(60),
  description: z.string().max(500),
})

const AnswerSchemas = {
  alerts: z.object({ events: z.array(AlertFactSchema).max(500) }),
  score: z.object({ score: z.number() }),
  datatrust: z.object({ score: z.number(), insights: z.array(InsightFactSchema).max(100) }),
  line: z.object({ parameters: z.record(z.string(), z.string().max(200)) }),
}
export type Answers = { [C in CheckId]: z.infer<(typeof AnswerSchemas)[C]> }

const missing = z.object({ status: z.enum(['not_found', 'not_run', 'failed', 'unknown']), code: z.string().max(120) })
const outcomeOf = <T extends z.ZodType>(answer: T) =>
  z.union([z.object({ status: z.literal('answered'), answer }), missing])

export const FactsSchema = z.object({
  checks: z.array(CheckIdSchema).max(CHECK_IDS.length),
  outcomes: z.object({
    alerts: outcomeOf(AnswerSchemas.alerts).optional(),
    score: outcomeOf(AnswerSchemas.score).optional(),
    datatrust: outcomeOf(AnswerSchemas.datatrust).optional(),
    line: outcomeOf(AnswerSchemas.line).optional(),
  }),
  /** A damaged input row (batch), as problem codes. */
  inputProblem: z.string().max(2000).nullable().optional(),
})
export type Facts = z.infer<typeof FactsSchema>
export type Outcome<C extends CheckId = CheckId> =
  { status: 'answered'; answer: Answers[C] } | { status: Exclude<OutcomeStatus, 'answered'>; code: string }

/** The check was asked but has no answer yet: a batch stopped before it, or still running. */
export const PENDING = 'pending'

const DAY_MS = 86_400_000

/** Events newest first, each with its age at `asOf` (null when its timestamp cannot be read). */
export function alertFacts(events: readonly { eventName: string; timestamp: string }[], asOf: Date): Answers['alerts'] {
  const facts = events.map((e) => {
    const at = Date.parse(e.timestamp)
    return {
      name: e.eventName,
      at: e.timestamp,
      ageDays: Number.isNaN(at) ? null : Math.max(0, Math.floor((asOf.getTime() - at) / DAY_MS)),
    }
  })
  return { events: facts.sort((a, b) => (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0)) }
}

/** seed 004: Results.Score.Value and Insights[{Code, Description, Relevance}]; without a score nothing is concluded. */
export function dataTrustFacts(
  results:
    | {
        Score?: { Value?: number | null } | null
        Insights?: { Code: string; Description: string; Relevance: string }[] | null
      }
    | null
    | undefined,
): Outcome<'datatrust'> {
  const score = results?.Score?.Value
  if (typeof score !== 'number') return { status: 'failed', code: 'clearsale.no_score' }
  return {
    status: 'answered',
    answer: {
      score,
      insights: (results?.Insights ?? []).map((i) => ({
        code: i.Code,
        relevance: i.Relevance,
        description: i.Description.slice(0, 500),
      })),
    },
  }
}

/** MSE SYS_CTN_INFO_TYPE (seed 003 §6.4.17): only the fields shown and exported are kept. */
const LINE_FIELDS = ['SUBSCRIBER_TYPE', 'TECNOLOGY', 'STATUS', 'CUSTOMER_TYPE'] as const
export function lineFacts(parameters: Record<string, string>): Answers['line'] {
  return {
    parameters: Object.fromEntries(
      LINE_FIELDS.filter((f) => parameters[f] !== undefined).map((f) => [f, parameters[f] ?? '']),
    ),
  }
}

/**
 * A failure code → the outcome it means. An identifier that could not be read, or a provider this environment has
 * no credential for, means the check did not run; only Claro answers "not found" (seed 001 404); ClearSale's 404 is
 * a wrong route (seed 004), so a failure. A Data Trust send that timed out and that the search could not settle may
 * have created the transaction: its outcome is unknown (domain/operations).
 */
function classifyFailure(check: CheckId, code: string): Exclude<OutcomeStatus, 'answered'> {
  if (
    /^(invalid_cpf\.|invalid_msisdn\.|invalid_cep$|invalid_email$|credentials_missing$|endpoint_missing$|pending$|unreadable_row$|effect_unsettled$)/.test(
      code,
    )
  )
    return 'not_run'
  if (code === 'claro.not_found' && (check === 'alerts' || check === 'score')) return 'not_found'
  // An effect whose answer never came and that no lookup could settle (Data Trust after its search, MSE sends).
  if (/(^|\.)outcome_unknown$/.test(code)) return 'unknown'
  return 'failed'
}

export function failureOutcome(check: CheckId, code: string): Outcome {
  return { status: classifyFailure(check, code), code }
}
