import { z } from 'zod'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/*
 * The decision policy: one document holding every threshold once. It decides every verdict on every surface
 * (Consulta's labels, Cliente, Lote, exports, history, the CLI). Its content hash names exactly which rules made a
 * verdict; the version is the human counter bumped on every saved change.
 */

export const VERDICTS = ['aprovar', 'revisar', 'recusar'] as const
export type Verdict = (typeof VERDICTS)[number]
export const ActionSchema = z.enum(['revisar', 'recusar'])
export type Action = z.infer<typeof ActionSchema>

const days = z.number().int().min(1).max(365)
const signal = <T extends z.ZodRawShape>(extra: T) =>
  z.strictObject({ enabled: z.boolean(), action: ActionSchema, ...extra })
/** Outcome rules cannot be switched off: a check that did not answer never reads as "aprovar" (fail-closed). */
const outcome = z.strictObject({ action: ActionSchema })

export const PolicyRulesSchema = z.strictObject({
  /** SIM swap or port-out within `days` (seed 001 event types SIMCARD_CHANGED, PORTOUT_REQUESTED). */
  takeover_recent: signal({ days }),
  /** Device or number change, or a cancelled line, within `days`. */
  line_change_recent: signal({ days }),
  /** seed 002: score 0–1000; seed 000: the company sets its own threshold. */
  claro_score_low: signal({ below: z.number().int().min(0).max(1000) }),
  /** seed 004: Data Trust score 0–100. */
  datatrust_score_low: signal({ below: z.number().min(0).max(100) }),
  /** seed 004: an insight whose Relevance is "Alerta". */
  insight_alert: signal({}),
  not_found: outcome,
  not_run: outcome,
  failed: outcome,
  unknown: outcome,
  /** The input row itself is damaged (columns missing, a cell cut): identifiers may have been misread. */
  input_problem: outcome,
})
export type PolicyRules = z.infer<typeof PolicyRulesSchema>
export type RuleId = keyof PolicyRules
export const SIGNAL_RULES = [
  'takeover_recent',
  'line_change_recent',
  'claro_score_low',
  'datatrust_score_low',
  'insight_alert',
] as const
export type SignalRuleId = (typeof SIGNAL_RULES)[number]
export const OUTCOME_RULES = ['not_found', 'not_run', 'failed', 'unknown', 'input_problem'] as const
export type OutcomeRuleId = (typeof OUTCOME_RULES)[number]
export const RULE_IDS = [...SIGNAL_RULES, ...OUTCOME_RULES] as const

const POLICY_FORMAT = 'sentinela-policy/1'

export const PolicySchema = z.strictObject({
  format: z.literal(POLICY_FORMAT),
  version: z.number().int().min(1).max(1_000_000),
  // A name is printed in logs, exports and terminals: no control character (an escape sequence) reaches them.
  name: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^\P{Cc}*$/u, { message: 'sem caracteres de controle / no control characters' }),
  rules: PolicyRulesSchema,
})
export type Policy = z.infer<typeof PolicySchema>

export const DEFAULT_POLICY: Policy = {
  format: POLICY_FORMAT,
  version: 1,
  name: 'Política padrão',
  rules: {
    takeover_recent: { enabled: true, action: 'recusar', days: 7 },
    line_change_recent: { enabled: true, action: 'revisar', days: 7 },
    claro_score_low: { enabled: true, action: 'revisar', below: 300 },
    datatrust_score_low: { enabled: true, action: 'revisar', below: 30 },
    insight_alert: { enabled: true, action: 'revisar' },
    not_found: { action: 'revisar' },
    not_run: { action: 'revisar' },
    failed: { action: 'revisar' },
    unknown: { action: 'revisar' },
    input_problem: { action: 'revisar' },
  },
}

/**
 * Why a policy changed or was adopted for a batch (issue #22): one line of the analyst's words — it is printed by
 * `policy log` in a terminal and in exports, so never a control character.
 */
export const ActReasonSchema = z
  .string()
  .trim()
  .min(3)
  .max(500)
  .regex(/^\P{Cc}*$/u, { message: 'uma linha, sem caracteres de controle / one line, no control characters' })

/** Which policy decided a verdict: stored beside every verdict (history, batch results, exports). */
export const PolicyRefSchema = z.object({ version: z.number(), hash: z.string().max(64) })
export type PolicyRef = z.infer<typeof PolicyRefSchema>

/** JSON with keys sorted at every depth: the same rules always hash the same, whatever order they were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** SHA-256 of the rules (not of the name or version: those do not change a decision). */
export function policyHash(policy: Pick<Policy, 'rules'>): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(policy.rules))))
}

export function policyRef(policy: Policy): PolicyRef {
  return { version: policy.version, hash: policyHash(policy) }
}

/** What people read: "v3 · 1a2b3c4d". */
export function policyLabel(ref: PolicyRef): string {
  return `v${ref.version} · ${ref.hash.slice(0, 8)}`
}
