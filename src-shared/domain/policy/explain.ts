import type { Translate } from '../../i18n'
import type { Decision, Reason } from './decide'

/*
 * Reasons as sentences in the reader's language (pt-BR first, English second), from the one catalog: the renderer
 * passes react-i18next's `t`, the core and the CLI an i18next translator. Numbers and dates are formatted by the
 * catalog for the language; the code stays beside the text for machines.
 */

/** A short cause ("CPF com dígito verificador inválido"), never a bare code when a sentence exists. */
export function causeText(code: string, t: Translate): string {
  // A code naming a group of the catalog (`claro`) is not a sentence: i18next answers with a notice, not a text.
  const short = /^[a-z_]+(\.[a-z_]+)*$/.test(code)
    ? t(`policy.causes.${code}`, { defaultValue: '', returnObjects: false })
    : ''
  return short !== '' && !short.startsWith('policy.causes.') && !short.includes('returned an object')
    ? short
    : t('policy.causes.other', { code })
}

export function reasonText(reason: Reason, t: Translate): string {
  const p = reason.params
  const check = reason.check ? t(`policy.checks.${reason.check}`) : ''
  switch (reason.rule) {
    case 'takeover_recent':
    case 'line_change_recent': {
      const event = t(`claroEvents.${String(p['event'])}`, { defaultValue: String(p['event']) })
      if (p['age'] === null) return t(`policy.reasons.${reason.rule}_undated`, { event, days: p['days'] })
      return t(`policy.reasons.${reason.rule}`, { event, count: p['age'], days: p['days'] })
    }
    case 'not_found':
    case 'not_run':
    case 'failed':
    case 'unknown':
      return t(`policy.reasons.${reason.rule}`, { check, cause: causeText(String(p['cause']), t) })
    case 'insight_alert':
      // The provider's description usually ends its own sentence: one full stop, not two.
      return t('policy.reasons.insight_alert', {
        ...p,
        description: String(p['description'] ?? '').replace(/[.\s]+$/, ''),
      })
    case 'input_problem':
      return t('policy.reasons.input_problem', { problem: problemText(String(p['problem']), t) })
    default:
      return t(`policy.reasons.${reason.rule}`, p)
  }
}

export function explain(decision: Pick<Decision, 'reasons'>, t: Translate): { code: string; text: string }[] {
  return decision.reasons.map((r) => ({ code: r.code, text: reasonText(r, t) }))
}

/** Row problems are stored as `code:param,param` items joined by `; ` (batch import); anything else is shown as is. */
export function problemText(problem: string, t: Translate): string {
  return problem
    .split('; ')
    .map((item) => {
      const m = /^(columns|cell_cut|columns_cut|record_cut|record):(.*)$/.exec(item)
      if (!m) return item
      const [a = '', b = ''] = m[1] === 'columns' ? (m[2] ?? '').split(',') : [m[2] ?? '']
      return t(`policy.problems.${m[1]}`, { a, b })
    })
    .join('; ')
}
