import { useTranslation } from 'react-i18next'
import { selectNotices, useAppStore } from '../../stores/app/store'

export function StatusPanel() {
  const { t } = useTranslation()
  const info = useAppStore((s) => s.info)
  const notices = useAppStore(selectNotices)
  const refresh = useAppStore((s) => s.refreshInfo)
  const dismiss = useAppStore((s) => s.dismissNotice)
  return (
    <aside id="status-panel" className="status" aria-label={t('status.title')} data-testid="status-panel">
      <div className="status-head">
        <h2>{t('status.title')}</h2>
        <button type="button" className="link" onClick={() => void refresh()}>
          {t('status.refresh')}
        </button>
      </div>
      {notices.map((notice) => (
        <div key={notice.code + notice.at} className="notice" role="alert">
          <p>{notice.message}</p>
          <button type="button" className="link" onClick={() => void dismiss(notice.code)}>
            {t('status.dismiss')}
          </button>
        </div>
      ))}
      {info ? (
        <dl className="facts">
          <dt>{t('status.version')}</dt>
          <dd data-testid="info-version">{info.version}</dd>
          <dt>{t('status.environment')}</dt>
          <dd data-testid="info-environment">{t(`environment.${info.environment}`)}</dd>
          <dt>{t('status.host')}</dt>
          <dd data-testid="info-host">{t(`host.${info.host}`)}</dd>
          <dt>{t('status.dataDir')}</dt>
          <dd data-testid="info-datadir" className="mono" title={info.dataDir}>
            {info.dataDir}
          </dd>
          <dt>{t('status.platform')}</dt>
          <dd className="mono">{info.platform}</dd>
        </dl>
      ) : (
        <p className="muted">{t('status.loading')}</p>
      )}
    </aside>
  )
}
