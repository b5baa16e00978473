import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import type { AlertsResult } from '../../../src-shared/contract/lookup'
import { assessAlerts } from '../../../src-shared/domain/claro'
import { decideAlerts, riskWindows, type Policy } from '../../../src-shared/domain/policy'
import { ReasonList } from '../policy/ReasonList'
import { formatPhoneBr } from '../../../src-shared/domain/format'

/** Newest first, each event with its age and its risk colour against the policy's windows, and the policy's reading. */
export function AlertsTimeline({ result, policy }: { result: AlertsResult; policy: Policy }) {
  const { t } = useTranslation()
  const fmt = useFormats()
  // Ages are relative to when the lookup was answered, so a result left on screen does not drift.
  const now = Date.parse(result.at)
  const windows = riskWindows(policy)
  const { events, risk } = assessAlerts(result.events, new Date(now), windows)
  const decided = decideAlerts(policy, result.events, new Date(now))
  const age = (timestamp: string, days: number | null): string => {
    if (days === null) return t('lookup.age.unknown')
    const hours = Math.floor((now - Date.parse(timestamp)) / 3_600_000)
    if (days === 0) return hours >= 1 ? t('lookup.age.hours', { count: hours }) : t('lookup.age.today')
    return days === 1 ? t('lookup.age.one') : t('lookup.age.other', { count: days })
  }

  return (
    <div className="result" data-testid="alerts-result">
      <div className="result-head">
        <h3>{t('lookup.eventsFor', { msisdn: formatPhoneBr(result.msisdn) })}</h3>
        <span className={`risk risk-${risk}`} data-testid="alerts-risk">
          {t(`lookup.risk.${risk}`)}
        </span>
      </div>
      <p className="hint">{t('lookup.riskWindow', { days: windows.takeoverDays, lineDays: windows.lineChangeDays })}</p>
      {decided.reasons.length > 0 && <ReasonList reasons={decided.reasons} testId="alerts-reasons" />}
      {events.length === 0 ? (
        <p className="empty" data-testid="alerts-empty">
          {result.filter.length > 0 ? t('lookup.noEventsFiltered') : t('lookup.noEvents')}
        </p>
      ) : (
        <ol className="timeline">
          {events.map((event, i) => (
            <li
              key={`${event.eventName}-${event.timestamp}-${i}`}
              className={`risk-${event.risk}`}
              data-testid="alert-event"
            >
              <span className="dot" aria-hidden="true" />
              <strong>{t(`claroEvents.${event.eventName}`, { defaultValue: event.eventName })}</strong>
              <span className="mono">{fmt.dateTime(event.timestamp)}</span>
              <span className="age">{age(event.timestamp, event.ageDays)}</span>
              <span className="sr-only">{t(`lookup.risk.${event.risk}`)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
