import { useTranslation } from 'react-i18next'
import { useNavStore } from '../../stores/nav/store'
import { selectNotices, useAppStore } from '../../stores/app/store'
import { Sidebar } from './Sidebar'
import { StatusPanel } from './StatusPanel'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { ErrorBanner } from '../../components/ErrorBanner'
import { AreaPage } from './AreaPage'
import { WatchNotice } from '../monitoramento/WatchNotice'
import { PrintArea } from './PrintArea'

export function Layout() {
  const { t } = useTranslation()
  const area = useNavStore((s) => s.area)
  const environment = useAppStore((s) => s.info?.environment)
  const error = useAppStore((s) => s.error)
  const statusOpen = useNavStore((s) => s.statusOpen)
  const toggleStatus = useNavStore((s) => s.toggleStatus)
  const notices = useAppStore(selectNotices).length
  return (
    <div className={statusOpen ? 'shell' : 'shell status-closed'}>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="topbar-right">
          {environment && (
            <span className={`env-badge env-${environment}`} data-testid="env-badge">
              {t(`environment.${environment}`)}
            </span>
          )}
          <button
            type="button"
            className="status-toggle"
            aria-expanded={statusOpen}
            aria-controls="status-panel"
            onClick={toggleStatus}
          >
            {t(statusOpen ? 'status.hide' : 'status.show')}
            {!statusOpen && notices > 0 && (
              <span className="status-count" aria-label={t('status.notices', { count: notices })}>
                {notices}
              </span>
            )}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      <Sidebar />
      <main className="content" aria-labelledby="page-title">
        {error && <ErrorBanner error={error} />}
        <AreaPage area={area} />
      </main>
      {statusOpen && <StatusPanel />}
      <WatchNotice />
      <PrintArea />
    </div>
  )
}
