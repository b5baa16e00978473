import { z } from 'zod'
import { assessAlerts, type AlertEvent } from './claro'

/*
 * The customer view's verdict: explicit rules, each with an action, evaluated over whatever the providers
 * answered. The verdict is the strongest action among the rules that fired; none fired → aprovar. Every fired
 * rule says why, with the numbers that made it fire.
 */

export const VERDICTS = ['aprovar', 'revisar', 'recusar'] as const
export type Verdict = (typeof VERDICTS)[number]
export const RuleActionSchema = z.enum(['revisar', 'recusar'])

export const RULE_IDS = ['takeover_recent', 'line_change_recent', 'claro_score_low', 'datatrust_score_low', 'insight_alert', 'not_found', 'provider_failed'] as const
export type RuleId = (typeof RULE_IDS)[number]

export const RuleSchema = z.object({
  enabled: z.boolean(),
  action: RuleActionSchema,
  /** Days for the event rules, score limits for the score rules; unused by the others. */
  threshold: z.number().min(0).max(1000).optional(),
})
export type Rule = z.infer<typeof RuleSchema>

export const RulesSchema = z.object({
  takeover_recent: RuleSchema.default({ enabled: true, action: 'recusar', threshold: 7 }),
  line_change_recent: RuleSchema.default({ enabled: true, action: 'revisar', threshold: 7 }),
  claro_score_low: RuleSchema.default({ enabled: true, action: 'revisar', threshold: 300 }),
  datatrust_score_low: RuleSchema.default({ enabled: true, action: 'revisar', threshold: 30 }),
  insight_alert: RuleSchema.default({ enabled: true, action: 'revisar' }),
  not_found: RuleSchema.default({ enabled: true, action: 'revisar' }),
  provider_failed: RuleSchema.default({ enabled: true, action: 'revisar' }),
})
export type Rules = z.infer<typeof RulesSchema>
export const DEFAULT_RULES: Rules = RulesSchema.parse({})

/** What the providers said; a provider absent here was not asked (not configured or no identifier). */
export interface VerdictInput {
  alerts?: { ok: true; events: AlertEvent[] } | { ok: false; code: string }
  claroScore?: { ok: true; score: number } | { ok: false; code: string }
  dataTrust?: { ok: true; score: number | null; insights: { Code: string; Description: string; Relevance: string }[] } | { ok: false; code: string }
}

export interface FiredRule {
  rule: RuleId
  action: 'revisar' | 'recusar'
  /** i18n key `verdict.reasons.<rule>` with these values. */
  params: Record<string, string | number>
}

export interface VerdictResult {
  verdict: Verdict
  fired: FiredRule[]
}

const TAKEOVER = ['SIMCARD_CHANGED', 'PORTOUT_REQUESTED']
const LINE_CHANGE = ['DEVICE_CHANGED', 'MSISDN_CHANGED', 'SUBSCRIPTION_CANCELED']

export function decide(input: VerdictInput, rules: Rules, now: Date): VerdictResult {
  const fired: FiredRule[] = []
  const fire = (rule: RuleId, params: Record<string, string | number>): void => {
    const r = rules[rule]
    if (r.enabled) fired.push({ rule, action: r.action, params })
  }
  const failed = (provider: string, result: { ok: false; code: string }): void => {
    if (result.code.endsWith('not_found')) fire('not_found', { provider })
    else fire('provider_failed', { provider, code: result.code })
  }

  if (input.alerts) {
    if (!input.alerts.ok) failed('Claro Alerta', input.alerts)
    else {
      for (const [rule, names] of [['takeover_recent', TAKEOVER], ['line_change_recent', LINE_CHANGE]] as const) {
        const days = rules[rule].threshold ?? 7
        const hits = assessAlerts(input.alerts.events, now, days).events.filter((e) => names.includes(e.eventName) && e.ageDays !== null && e.ageDays <= days)
        const first = hits[0]
        if (first) fire(rule, { event: first.eventName, age: first.ageDays ?? 0, days })
      }
    }
  }
  if (input.claroScore) {
    if (!input.claroScore.ok) failed('Claro Score', input.claroScore)
    else {
      const limit = rules.claro_score_low.threshold ?? 300
      if (input.claroScore.score < limit) fire('claro_score_low', { score: input.claroScore.score, limit })
    }
  }
  if (input.dataTrust) {
    if (!input.dataTrust.ok) failed('ClearSale Data Trust', input.dataTrust)
    else {
      const limit = rules.datatrust_score_low.threshold ?? 30
      if (input.dataTrust.score !== null && input.dataTrust.score < limit) fire('datatrust_score_low', { score: Math.round(input.dataTrust.score * 100) / 100, limit })
      const alert = input.dataTrust.insights.find((i) => i.Relevance.toLowerCase() === 'alerta')
      if (alert) fire('insight_alert', { code: alert.Code, description: alert.Description })
    }
  }
  const verdict: Verdict = fired.some((f) => f.action === 'recusar') ? 'recusar' : fired.length > 0 ? 'revisar' : 'aprovar'
  return { verdict, fired }
}
