import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { useNavStore } from '../../stores/nav/store'
import { useWatchStore } from '../../stores/watch/store'
import { useTranslate } from '../../i18n'
import { notificationOf } from '../../../src-shared/domain/watch'

/**
 * The moment a watchlist finds a change, wherever the analyst is (issue #17): an in-app notice, and the system's
 * notification where the host allows it (the desktop shell does; a browser once the analyst allowed it).
 */
export function WatchNotice() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const tr = useTranslate()
  const start = useWatchStore((s) => s.start)
  const notice = useWatchStore((s) => s.notice)
  const dismiss = useWatchStore((s) => s.dismissNotice)
  const go = useNavStore((s) => s.go)
  useEffect(() => start(), [start])
  const { title, body } = notice ? notificationOf(notice, tr, fmt) : { title: '', body: '' }
  useEffect(() => {
    if (notice && typeof Notification !== 'undefined' && Notification.permission === 'granted')
      new Notification(title, { body, tag: `watch-${notice.id}` })
  }, [notice, title, body])
  if (!notice) return null
  return (
    <div className="watch-notice" role="alert" data-testid="watch-notice">
      <strong className={`verdict-pill verdict-${notice.severity}`}>{title}</strong>
      <p>{body}</p>
      <div className="actions">
        <button
          type="button"
          className="link"
          onClick={() => {
            go('monitoramento')
            dismiss()
          }}
        >
          {t('monitor.open')}
        </button>
        <button type="button" className="link" onClick={dismiss}>
          {t('status.dismiss')}
        </button>
      </div>
    </div>
  )
}
