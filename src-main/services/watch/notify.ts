import type { WatchChangeView } from '../../../src-shared/contract/watch'
import { formatsFor } from '../../../src-shared/domain/format'
import type { Settings } from '../../../src-shared/domain/settings'
import type { Translate } from '../../../src-shared/i18n'

/** A change as the desktop notification says it (issue #17): "Grave · Ana" / "(11) 99999-0001: Troca de SIM…". */
export function notificationOf(
  c: WatchChangeView,
  t: Translate,
  settings: Pick<Settings, 'language' | 'timeZone'>,
): { title: string; body: string } {
  const fmt = formatsFor(settings.language, settings.timeZone)
  const what =
    c.kind === 'event'
      ? t('monitor.change.event', {
          event: t(`claroEvents.${c.eventName ?? ''}`, { defaultValue: c.eventName ?? '' }),
          at: fmt.dateTime(c.eventAt ?? ''),
        })
      : c.kind === 'score'
        ? t('monitor.change.score', { previous: c.detail?.previous ?? '—', score: c.detail?.score ?? '—' })
        : t('monitor.change.unknown')
  return {
    title: `${t(`monitor.severity.${c.severity}`)} · ${c.line.label}`,
    body: `${c.line.msisdn ? fmt.phone(c.line.msisdn) : fmt.cpf(c.line.cpf)}: ${what}`,
  }
}
