import type { Translate } from '../i18n'
import type { Formats } from './format'

/*
 * Issue #17: a watchlist change said once, the same way in the feed, the desktop notification and the CLI.
 */

export interface ChangeFacts {
  kind: 'event' | 'score' | 'unknown'
  eventName: string | null
  eventAt: string | null
  detail: { score?: number; previous?: number | null } | null
}

/** "Troca de SIM (chip) em 30/11/2026 21:00", "Score Claro foi de 700 para 150", "A Claro não conhece mais…". */
export function changeSentence(c: ChangeFacts, t: Translate, fmt: Formats): string {
  if (c.kind === 'event')
    return t('monitor.change.event', {
      event: t(`claroEvents.${c.eventName ?? ''}`, { defaultValue: c.eventName ?? '' }),
      at: fmt.dateTime(c.eventAt ?? ''),
    })
  if (c.kind === 'score')
    return t('monitor.change.score', { previous: c.detail?.previous ?? '—', score: c.detail?.score ?? '—' })
  return t('monitor.change.unknown')
}

/** The watched line as a person writes it: its phone, else its CPF. */
export function lineIdentifier(line: { msisdn: string; cpf: string }, fmt: Formats): string {
  return line.msisdn ? fmt.phone(line.msisdn) : fmt.cpf(line.cpf)
}

/** A change as a notification (the desktop one and the in-app notice): "Grave · Ana" / "(11) 99999-0001: Troca…". */
export function notificationOf(
  c: ChangeFacts & { severity: string; line: { label: string; msisdn: string; cpf: string } },
  t: Translate,
  fmt: Formats,
): { title: string; body: string } {
  return {
    title: `${t(`monitor.severity.${c.severity}`)} · ${c.line.label}`,
    body: `${lineIdentifier(c.line, fmt)}: ${changeSentence(c, t, fmt)}`,
  }
}
