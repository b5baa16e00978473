import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { useWatchStore } from '../../stores/watch/store'
import { useOpenInCustomer } from '../cliente/openInCustomer'
import { useChangeText } from './ChangeFeed'
import { lineIdentifier } from '../../../src-shared/domain/watch'

/** A watched line's timeline: every Alerta event known, newest first, and the changes the watch reported. */
export function LineDrawer() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const text = useChangeText()
  const line = useWatchStore((s) => s.line)
  const changes = useWatchStore((s) => s.lineChanges)
  const close = useWatchStore((s) => s.closeLine)
  const openInCustomer = useOpenInCustomer()
  if (!line) return null
  const events = [...line.events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  return (
    <aside className="drawer" role="dialog" aria-labelledby="watch-line-title" data-testid="watch-line">
      <div className="card-head">
        <h2 id="watch-line-title">
          {line.label} · {lineIdentifier(line, fmt)}
        </h2>
        <button type="button" className="link" onClick={close}>
          {t('history.close')}
        </button>
      </div>
      <div className="actions">
        <button type="button" onClick={() => openInCustomer({ cpf: line.cpf, phone: line.msisdn }, false)}>
          {t('cases.openInCustomer')}
        </button>
        <button type="button" onClick={() => openInCustomer({ cpf: line.cpf, phone: line.msisdn }, true)}>
          {t('cases.checkAgain')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('monitor.checkedAt')}</dt>
        <dd>{line.checkedAt ? fmt.dateTime(line.checkedAt) : t('monitor.never')}</dd>
        {line.lastScore !== null && (
          <>
            <dt>{t('monitor.score')}</dt>
            <dd>{fmt.number(line.lastScore, 0)}</dd>
          </>
        )}
      </dl>
      <h3 className="section-title">{t('monitor.timeline')}</h3>
      {events.length === 0 ? (
        <p className="muted">{t('lookup.noEvents')}</p>
      ) : (
        <ul className="plain" data-testid="watch-line-events">
          {events.map((e) => (
            <li key={e.name + e.at}>
              {fmt.dateTime(e.at)} · {t(`claroEvents.${e.name}`, { defaultValue: e.name })}
            </li>
          ))}
        </ul>
      )}
      <h3 className="section-title">{t('monitor.reported')}</h3>
      <ul className="plain">
        {changes.map((c) => (
          <li key={c.id}>
            {fmt.dateTime(c.detectedAt)} · {t(`monitor.severity.${c.severity}`)} · {text(c)}
          </li>
        ))}
      </ul>
    </aside>
  )
}
