import { useTranslation } from 'react-i18next'
import type { WatchChangeView } from '../../../src-shared/contract/watch'
import { useFormats } from '../../i18n/formats'
import { useTranslate } from '../../i18n'
import { changeSentence, lineIdentifier } from '../../../src-shared/domain/watch'
import { useWatchStore } from '../../stores/watch/store'
import { useOpenInCustomer } from '../cliente/openInCustomer'

/** A change in words, as the notification and the CLI say it (src-shared/domain/watch). */
export function useChangeText(): (c: WatchChangeView) => string {
  const tr = useTranslate()
  const fmt = useFormats()
  return (c) => changeSentence(c, tr, fmt)
}

export function ChangeFeed() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const text = useChangeText()
  const changes = useWatchStore((s) => s.changes)
  const openLine = useWatchStore((s) => s.openLine)
  const markRead = useWatchStore((s) => s.markRead)
  const open = useOpenInCustomer()
  // A watched line is a phone and a CPF: Cliente gets both (issue #22 drill-through).
  const openInCustomer = (line: { msisdn: string; cpf: string }, run: boolean): void =>
    open({ cpf: line.cpf, phone: line.msisdn }, run)
  const unread = changes.filter((c) => !c.read)
  return (
    <aside aria-label={t('monitor.feed')}>
      <div className="card-head">
        <h2>{t('monitor.feed')}</h2>
        {unread.length > 0 && (
          <button type="button" className="link" onClick={() => void markRead(unread.map((c) => c.id))}>
            {t('monitor.markAllRead')}
          </button>
        )}
      </div>
      {changes.length === 0 ? (
        <p className="muted">{t('monitor.noChanges')}</p>
      ) : (
        <ul className="message-list" data-testid="watch-feed">
          {changes.map((c) => (
            <li key={c.id} className={c.read ? undefined : 'unread'} data-change={c.id}>
              <div className="message-head">
                <strong className={`verdict-pill verdict-${c.severity}`}>{t(`monitor.severity.${c.severity}`)}</strong>
                <span className="muted">{fmt.dateTime(c.detectedAt)}</span>
              </div>
              <button type="button" className="link" onClick={() => void openLine(c.line.id)}>
                {c.line.label} · {lineIdentifier(c.line, fmt)}
              </button>
              <p className="message-text">
                {text(c)}
                {c.baseline && <span className="muted"> {t('monitor.baseline')}</span>}
              </p>
              <div className="actions compact">
                <button type="button" className="link" onClick={() => openInCustomer(c.line, false)}>
                  {t('cases.openInCustomer')}
                </button>
                <button type="button" className="link" onClick={() => openInCustomer(c.line, true)}>
                  {t('cases.checkAgain')}
                </button>
              </div>
              {c.delivery.state === 'failing' && (
                <p className="warn" data-testid="watch-undelivered">
                  {t('monitor.undelivered', { count: c.delivery.attempts })}
                </p>
              )}
              {c.delivery.state === 'abandoned' && (
                <p className="warn" data-testid="watch-abandoned">
                  {t('monitor.abandoned', { count: c.delivery.attempts })}{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => void useWatchStore.getState().retryDeliveries([c.id])}
                  >
                    {t('monitor.sendAgain')}
                  </button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
