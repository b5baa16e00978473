import { useTranslation } from 'react-i18next'
import type { WatchChangeView } from '../../../src-shared/contract/watch'
import { useFormats } from '../../i18n/formats'
import { useWatchStore } from '../../stores/watch/store'

/** A change in words: "Troca de SIM (chip) em 30/11/2026 21:00" — its severity as the policy judged it. */
export function useChangeText(): (c: WatchChangeView) => string {
  const { t } = useTranslation()
  const fmt = useFormats()
  return (c) =>
    c.kind === 'event'
      ? t('monitor.change.event', {
          event: t(`claroEvents.${c.eventName ?? ''}`, { defaultValue: c.eventName ?? '' }),
          at: fmt.dateTime(c.eventAt ?? ''),
        })
      : c.kind === 'score'
        ? t('monitor.change.score', { previous: c.detail?.previous ?? '—', score: c.detail?.score ?? '—' })
        : t('monitor.change.unknown')
}

export function ChangeFeed() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const text = useChangeText()
  const changes = useWatchStore((s) => s.changes)
  const openLine = useWatchStore((s) => s.openLine)
  const markRead = useWatchStore((s) => s.markRead)
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
                {c.line.label} · {c.line.msisdn ? fmt.phone(c.line.msisdn) : fmt.cpf(c.line.cpf)}
              </button>
              <p className="message-text">
                {text(c)}
                {c.baseline && <span className="muted"> {t('monitor.baseline')}</span>}
              </p>
              {c.delivery.state === 'failing' && (
                <p className="warn" data-testid="watch-undelivered">
                  {t('monitor.undelivered', { count: c.delivery.attempts })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
