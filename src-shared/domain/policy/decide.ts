import { z } from 'zod'
import type { Action, Policy, RuleId, Verdict } from './schema'
import { ActionSchema, policyRef, RULE_IDS, type PolicyRef } from './schema'
import {
  CHECK_IDS,
  CheckIdSchema,
  FactsSchema,
  PENDING,
  type Answers,
  type CheckId,
  type Facts,
  type Outcome,
} from './facts'

/*
 * The one decision function. Each asked check's outcome is judged: a check that did not answer fires its outcome
 * rule (never switched off, at least "revisar"); an answered one is judged by the signal rules. The verdict is the
 * strongest action among the reasons; "aprovar" only when every asked check answered and no rule fired.
 */

export const ReasonSchema = z.object({
  code: z.string().max(200),
  rule: z.enum([...RULE_IDS, 'nothing_checked']),
  action: ActionSchema,
  check: CheckIdSchema.optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
})

export interface Reason {
  /** For machines and filters: `claro_score_low`, `score.not_run:invalid_cpf.check_digits`. */
  code: string
  rule: RuleId | 'nothing_checked'
  action: Action
  check?: CheckId
  params: Record<string, string | number | null>
}

export interface Decision {
  verdict: Verdict
  reasons: Reason[]
  policy: PolicyRef
}

const TAKEOVER: readonly string[] = ['SIMCARD_CHANGED', 'PORTOUT_REQUESTED']
const LINE_CHANGE: readonly string[] = ['DEVICE_CHANGED', 'MSISDN_CHANGED', 'SUBSCRIPTION_CANCELED']

function verdictOf(reasons: readonly { action: Action }[]): Verdict {
  return reasons.some((r) => r.action === 'recusar') ? 'recusar' : reasons.length > 0 ? 'revisar' : 'aprovar'
}

function signals(policy: Policy, check: CheckId, answer: Answers[CheckId]): Reason[] {
  const r = policy.rules
  const out: Reason[] = []
  const fire = (rule: RuleId & keyof typeof r, params: Reason['params']): void => {
    const spec = r[rule]
    if ('enabled' in spec && !spec.enabled) return
    out.push({ code: rule, rule, action: spec.action, check, params })
  }
  if (check === 'alerts' && 'events' in answer) {
    for (const [rule, names] of [
      ['takeover_recent', TAKEOVER],
      ['line_change_recent', LINE_CHANGE],
    ] as const) {
      const days = r[rule].days
      // An event whose date cannot be read might be recent: it counts (fail-closed).
      const hit = answer.events.find((e) => names.includes(e.name) && (e.ageDays === null || e.ageDays <= days))
      if (hit) fire(rule, { event: hit.name, age: hit.ageDays, days })
    }
  }
  if (check === 'score' && 'score' in answer && answer.score < r.claro_score_low.below)
    fire('claro_score_low', { score: answer.score, below: r.claro_score_low.below })
  if (check === 'datatrust' && 'insights' in answer) {
    if (answer.score < r.datatrust_score_low.below)
      fire('datatrust_score_low', { score: answer.score, below: r.datatrust_score_low.below })
    const alert = answer.insights.find((i) => i.relevance.trim().toLowerCase() === 'alerta')
    if (alert) fire('insight_alert', { code: alert.code, description: alert.description })
  }
  return out
}

function judge(policy: Policy, check: CheckId, outcome: Outcome | undefined): Reason[] {
  const o: Outcome = outcome ?? { status: 'not_run', code: PENDING }
  if (o.status === 'answered') return signals(policy, check, o.answer)
  return [
    {
      code: `${check}.${o.status}:${o.code}`,
      rule: o.status,
      action: policy.rules[o.status].action,
      check,
      params: { cause: o.code },
    },
  ]
}

export function decide(policy: Policy, facts: Facts, ref: PolicyRef = policyRef(policy)): Decision {
  const asked = CHECK_IDS.filter((c) => facts.checks.includes(c))
  const reasons: Reason[] = []
  if (asked.length === 0)
    reasons.push({ code: 'nothing_checked', rule: 'nothing_checked', action: policy.rules.not_run.action, params: {} })
  if (facts.inputProblem)
    reasons.push({
      code: 'input_problem',
      rule: 'input_problem',
      action: policy.rules.input_problem.action,
      params: { problem: facts.inputProblem },
    })
  for (const check of asked) reasons.push(...judge(policy, check, facts.outcomes[check] as Outcome | undefined))
  return { verdict: verdictOf(reasons), reasons, policy: ref }
}

/**
 * Many rows share the same facts (repeated customers, clean lines): decisions are memoised on the facts' JSON, so
 * re-deciding a 100k-row batch under another policy costs one decision per distinct case.
 */
export function memoDecider(policy: Policy): (factsJson: string) => Decision {
  const ref = policyRef(policy)
  const memo = new Map<string, Decision>()
  return (factsJson) => {
    let d = memo.get(factsJson)
    if (!d) {
      d = decide(policy, FactsSchema.parse(JSON.parse(factsJson)), ref)
      if (memo.size > 100_000) memo.clear()
      memo.set(factsJson, d)
    }
    return d
  }
}
