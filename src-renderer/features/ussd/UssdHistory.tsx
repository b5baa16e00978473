import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { useUssdStore } from '../../stores/ussd/store'

/** The USSD consoles' history from the local store: pushes, subscribers' answers, app exchanges, replays. */
export function UssdHistory() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const history = useUssdStore((s) => s.history)
  const load = useUssdStore((s) => s.loadHistory)
  useEffect(() => void load(), [load])
  const time = (iso: string) => fmt.dateTime(iso, { seconds: true })
  return (
    <details className="ussd-history" onToggle={(e) => (e.currentTarget.open ? void load() : undefined)}>
      <summary>{t('ussd.history')}</summary>
      {history.length === 0 ? (
        <p className="muted">{t('ussd.noHistory')}</p>
      ) : (
        <ul className="session-log" data-testid="ussd-history">
          {history.map((h) => (
            <li key={h.id}>
              {time(h.at)} · {t(`ussd.historyKinds.${h.kind}`, { defaultValue: h.kind })} ·{' '}
              <span className="mono">{h.msisdn}</span> · {h.summary}
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}
