import type { Translate } from '../../i18n'
import { PolicySchema, type Policy } from './schema'

/*
 * A policy file as a person wrote or edited it: either the policy, or each problem as a sentence naming the field
 * ("rules.claro_score_low.below: no máximo 1000"), in the reader's language.
 */

interface Issue {
  code: string
  path: PropertyKey[]
  message: string
  maximum?: unknown
  minimum?: unknown
  expected?: unknown
  values?: unknown[]
  keys?: string[]
}

function issueText(issue: Issue, t: Translate): string {
  const where = issue.path.map(String).join('.') || t('policy.validation.root')
  const what = (() => {
    switch (issue.code) {
      case 'too_big':
        return t('policy.validation.too_big', { limit: String(issue.maximum) })
      case 'too_small':
        return t('policy.validation.too_small', { limit: String(issue.minimum) })
      case 'invalid_type':
        return issue.message.includes('received undefined')
          ? t('policy.validation.missing')
          : t('policy.validation.type', { expected: String(issue.expected) })
      case 'invalid_value':
        return t('policy.validation.value', { values: (issue.values ?? []).map((v) => JSON.stringify(v)).join(', ') })
      case 'unrecognized_keys':
        return t('policy.validation.unknown', { keys: (issue.keys ?? []).join(', ') })
      default:
        return issue.message
    }
  })()
  return `${where}: ${what}`
}

export function readPolicy(
  value: unknown,
  t: Translate,
): { ok: true; policy: Policy } | { ok: false; problems: string[] } {
  const parsed = PolicySchema.safeParse(value)
  if (parsed.success) return { ok: true, policy: parsed.data }
  return { ok: false, problems: parsed.error.issues.map((i) => issueText(i as Issue, t)) }
}
