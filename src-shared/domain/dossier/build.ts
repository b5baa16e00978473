import type { CaseDetail, CaseEventView } from '../../contract/cases'
import type { CustomerCheck } from '../../contract/customer'
import type { Translate } from '../../i18n'
import type { Formats } from '../format'
import { parseCpf } from '../cpf'
import { parseMsisdn } from '../phone'
import { answerLines } from '../policy/answers'
import { explain } from '../policy/explain'
import type { Reason } from '../policy/decide'
import type { PolicyRef } from '../policy/schema'
import { changeSentence, type ChangeFacts } from '../watch'
import type { Dossier, DossierSection } from './html'

/*
 * Issue #22 item 8: what a dossier says — every answer, times in the analyst's zone, the policy (version and full
 * hash), the decisions and who made them — built once from a case or a Cliente result, for every surface.
 */

export interface DossierContext {
  t: Translate
  f: Formats
  /** Who printed it, and when (ISO). */
  who: string
  at: string
  lang: string
}

interface Person {
  cpf: string
  phone: string
  email: string
  cep: string
  label: string
}

function personMeta(p: Person, c: DossierContext): [string, string][] {
  const { t, f } = c
  const lines: [string, string][] = []
  if (p.label) lines.push([t('dossier.name'), p.label])
  if (p.cpf) lines.push(['CPF', f.cpf(p.cpf)])
  if (p.phone) lines.push([t('dossier.phone'), f.phone(p.phone)])
  if (p.email) lines.push([t('dossier.email'), p.email])
  if (p.cep) lines.push(['CEP', `${p.cep.slice(0, 5)}-${p.cep.slice(5)}`])
  return lines
}

/** Identifiers as typed ("529.982.247-25", "(11) 99999-0001") → digits the formats write back the Brazilian way. */
function normalised(p: { cpf: string; phone?: string; email?: string; cep?: string }): Person {
  const cpf = parseCpf(p.cpf)
  const phone = p.phone ? parseMsisdn(p.phone) : null
  const cep = (p.cep ?? '').replace(/\D/g, '')
  return {
    cpf: cpf.ok ? cpf.cpf : p.cpf,
    phone: phone?.ok ? phone.msisdn : '',
    email: p.email ?? '',
    cep: cep.length === 8 ? cep : '',
    label: '',
  }
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

const policyLine = (ref: PolicyRef, c: DossierContext): string =>
  c.t('dossier.policy', { version: ref.version, hash: ref.hash })

function reasonLines(reasons: Reason[], c: DossierContext): string[] {
  const texts = explain({ reasons }, c.t).map((r) => r.text)
  return texts.length ? texts : [c.t('verdict.none')]
}

function evidenceHeading(e: CaseEventView, c: DossierContext): string {
  const { t, f } = c
  const ref = e.ref
  const from =
    ref && 'jobId' in ref
      ? t('cases.evidenceFrom.lote', { job: ref.jobId, name: ref.jobName, row: ref.rowNo })
      : ref && 'listId' in ref
        ? t('cases.evidenceFrom.monitoramento', { list: ref.listId })
        : t('cases.evidenceFrom.cliente')
  const verdict = e.verdict ? t(`verdict.values.${e.verdict}`) : ''
  return `${f.dateTime(e.at)} — ${from}${verdict ? ` — ${verdict}` : ''}`
}

function eventItem(e: CaseEventView, c: DossierContext): { heading: string; lines: string[] } {
  const { t, f } = c
  if (e.kind === 'evidence') {
    const lines = [
      ...(e.change ? [changeSentence(e.change as ChangeFacts, t, f)] : []),
      ...(e.facts ? answerLines(e.facts, t, f).map((a) => `${a.label}: ${a.text}`) : []),
      ...reasonLines(e.reasons, c),
      ...(e.policy ? [policyLine(e.policy, c)] : []),
    ]
    return { heading: evidenceHeading(e, c), lines }
  }
  const who = e.who ?? t('cases.system')
  const head = `${f.dateTime(e.at)} — ${t(`cases.kinds.${e.kind}`)} — ${who}`
  if (e.kind === 'decided')
    return {
      heading: head,
      lines: [
        `${t(`verdict.values.${e.verdict ?? ''}`)}: ${t(`cases.reasons.${e.reason ?? 'outro'}`)}`,
        ...(e.note ? [e.note] : []),
        ...(e.policy ? [t('dossier.inForce', { policy: policyLine(e.policy, c) })] : []),
      ],
    }
  if (e.kind === 'reopened')
    return {
      heading: head,
      lines: [t(`cases.reopenedBy.${e.reason ?? 'by_analyst'}`), ...(e.note ? [e.note] : [])],
    }
  return { heading: head, lines: [e.note ?? ''] }
}

export function caseDossier(detail: CaseDetail, c: DossierContext): Dossier {
  const { t, f } = c
  const machine = t('cases.machineVerdict', { verdict: t(`verdict.values.${detail.machine.verdict}`) })
  const decision = detail.decision
    ? t('cases.decided', {
        verdict: t(`verdict.values.${detail.decision.verdict}`),
        who: detail.decision.who,
        at: f.dateTime(detail.decision.at),
        reason: t(`cases.reasons.${detail.decision.reason}`),
      })
    : t('cases.undecided')
  const sections: DossierSection[] = [
    {
      title: t('cases.machine'),
      items: [{ lines: [...reasonLines(detail.machine.reasons, c), policyLine(detail.machine.policy, c)] }],
    },
    {
      title: t('dossier.evidence'),
      items: detail.events.filter((e) => e.kind === 'evidence').map((e) => eventItem(e, c)),
    },
    {
      title: t('cases.timeline'),
      items: detail.timeline.map((ch) => ({
        lines: [`${f.dateTime(ch.detectedAt)} — ${changeSentence(ch, t, f)} (${t(`verdict.values.${ch.severity}`)})`],
      })),
      empty: t('cases.noTimeline'),
    },
    {
      title: t('dossier.decisions'),
      items: detail.events.filter((e) => e.kind !== 'evidence').map((e) => eventItem(e, c)),
      empty: t('cases.undecided'),
    },
  ]
  return {
    lang: c.lang,
    title: t('dossier.caseTitle', { id: detail.id }),
    meta: [
      ...personMeta(detail.person, c),
      [t('dossier.status'), capitalised(t(`cases.state.${detail.status}`))],
      [t('dossier.opened'), `${f.dateTime(detail.openedAt)} — ${t(`cases.origins.${detail.origin}`)}`],
      [t('dossier.generated'), `${f.dateTime(c.at)} — ${c.who}`],
    ],
    headline: `${machine} · ${t('cases.decision')}: ${decision}`,
    sections,
    footer: t('dossier.footer'),
  }
}

export function customerDossier(
  result: CustomerCheck,
  person: { cpf: string; phone?: string; email?: string; cep?: string },
  c: DossierContext,
): Dossier {
  const { t, f } = c
  const d = result.decision
  const answers = answerLines(result.facts, t, f).map((a) => `${a.label}: ${a.text}`)
  const tx = result.dataTrust.status === 'ok' ? result.dataTrust.result.transaction.ID : null
  return {
    lang: c.lang,
    title: t('dossier.customerTitle'),
    meta: [
      ...personMeta(normalised(person), c),
      [t('dossier.checkedAt'), f.dateTime(result.at)],
      [t('dossier.generated'), `${f.dateTime(c.at)} — ${c.who}`],
    ],
    headline: t('cases.machineVerdict', { verdict: t(`verdict.values.${d.verdict}`) }),
    sections: [
      { title: t('cases.machine'), items: [{ lines: [...reasonLines(d.reasons, c), policyLine(d.policy, c)] }] },
      {
        title: t('cases.answers'),
        items: [{ lines: [...answers, ...(tx ? [t('dossier.transaction', { id: tx })] : [])] }],
      },
    ],
    footer: t('dossier.footer'),
  }
}
