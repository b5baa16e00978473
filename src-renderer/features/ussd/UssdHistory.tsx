import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useUssdStore } from '../../stores/ussd/store'

/** The USSD consoles' history from the local store: pushes, subscribers' answers, app exchanges, replays. */
export function UssdHistory() {
  const { t, i18n } = useTranslation()
  const history = useUssdStore((s) => s.history)
  const load = useUssdStore((s) => s.loadHistory)
  useEffect(() => void load(), [load])
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso))
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
