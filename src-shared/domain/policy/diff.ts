import type { Translate } from '../../i18n'
import { RULE_IDS, type Policy, type RuleId } from './schema'

/*
 * What changed between two policies (issue #22 item 2), field by field, so the policy log reads as sentences:
 * "Score Claro abaixo de: limite de 300 para 350". Kept as data (codes and values) and worded when read, in the
 * reader's language.
 */

export type ChangeValue = string | number | boolean | null

export interface PolicyChange {
  /** `name`, or the rule and its field: `claro_score_low.below`. */
  field: string
  before: ChangeValue
  after: ChangeValue
}

export function policyChanges(before: Policy | null, after: Policy): PolicyChange[] {
  if (!before) return []
  const changes: PolicyChange[] = []
  if (before.name !== after.name) changes.push({ field: 'name', before: before.name, after: after.name })
  for (const rule of RULE_IDS) {
    const a = before.rules[rule] as Record<string, ChangeValue>
    const b = after.rules[rule] as Record<string, ChangeValue>
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (a[key] !== b[key]) changes.push({ field: `${rule}.${key}`, before: a[key] ?? null, after: b[key] ?? null })
    }
  }
  return changes
}

function valueText(key: string, value: ChangeValue, t: Translate): string {
  if (value === null) return '—'
  if (key === 'enabled') return t(value ? 'policy.log.on' : 'policy.log.off')
  if (key === 'action') return t(`verdict.values.${String(value)}`)
  return String(value)
}

/** One change as a sentence in the reader's language. */
export function changeText(change: PolicyChange, t: Translate): string {
  if (change.field === 'name')
    return t('policy.log.renamed', { before: String(change.before), after: String(change.after) })
  const [rule = '', key = ''] = change.field.split('.')
  const known = (RULE_IDS as readonly string[]).includes(rule)
  return t('policy.log.changed', {
    rule: known ? t(`policy.rules.${rule as RuleId}`) : rule,
    field: t(`policy.log.fields.${key}`, { defaultValue: key }),
    before: valueText(key, change.before, t),
    after: valueText(key, change.after, t),
  })
}
