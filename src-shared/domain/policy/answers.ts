import type { Formats } from '../format'
import type { Translate } from '../../i18n'
import { causeText } from './explain'
import { CHECK_IDS, type Facts, type Outcome } from './facts'

/*
 * What each check answered, as lines a person reads (issue #22: a case's evidence and the dossier show every answer):
 * "Score Claro: 250", "Claro Alerta: Troca de SIM (chip) em 01/12/2026 09:00", "Data Trust: score 12,4 — insights …",
 * or the outcome in words when there was no answer ("Falhou: a Claro falhou ao atender (erro 5xx)").
 */

export interface AnswerLine {
  check: string
  label: string
  text: string
}

function answered(o: Extract<Outcome, { status: 'answered' }>, t: Translate, f: Formats): string {
  const a = o.answer
  if ('events' in a) {
    if (a.events.length === 0) return t('policy.answers.noEvents')
    return a.events
      .map((e) =>
        t('policy.answers.event', {
          event: t(`claroEvents.${e.name}`, { defaultValue: e.name }),
          at: f.dateTime(e.at),
        }),
      )
      .join('; ')
  }
  if ('insights' in a) {
    const insights = a.insights.map((i) => `${i.code} (${i.relevance})`).join(', ')
    return t(insights ? 'policy.answers.dataTrust' : 'policy.answers.dataTrustPlain', {
      score: f.number(a.score, 2),
      insights,
    })
  }
  if ('score' in a) return t('policy.answers.score', { score: f.number(a.score, 0) })
  const params = Object.entries(a.parameters)
  return params.length ? params.map(([k, v]) => `${k} ${v}`).join(' · ') : t('policy.answers.nothing')
}

export function answerLines(facts: Facts, t: Translate, f: Formats): AnswerLine[] {
  return CHECK_IDS.filter((c) => facts.checks.includes(c)).map((check) => {
    const o = facts.outcomes[check] as Outcome | undefined
    const label = t(`policy.checks.${check}`)
    if (!o) return { check, label, text: t('policy.outcomes.not_run') }
    if (o.status === 'answered') return { check, label, text: answered(o, t, f) }
    return { check, label, text: `${t(`policy.outcomes.${o.status}`)}: ${causeText(o.code, t)}` }
  })
}
