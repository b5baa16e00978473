import { lazy, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { ErrorBanner } from '../../components/ErrorBanner'
import { SubTabs } from '../../components/SubTabs'
import { useBatchResults } from '../../stores/batch/results'
import { useBatchStore } from '../../stores/batch/store'
import { useWatchStore } from '../../stores/watch/store'
import { useNavStore } from '../../stores/nav/store'
import { ImportStep } from './ImportStep'
import { ResultsGrid } from './ResultsGrid'
import { RunPanel } from './RunPanel'
import { WhatIfPanel } from './WhatIfPanel'
import { DecisionInfo } from './DecisionInfo'

// The charts (recharts) load when the analyst opens them, not with the page.
const Dashboard = lazy(() => import('./Dashboard').then((m) => ({ default: m.Dashboard })))

/** The browser host streams the file from disk: a plain same-origin download, nothing held in the page. */
function download(fileName: string, url: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
}

/** Lote: import a customer list, plan, run in the main process (pausable), read the results, export them. */
export function LotePage() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const s = useBatchStore()
  const start = useBatchStore((st) => st.start)
  const [view, setView] = useState<'grid' | 'charts' | 'whatif'>('grid')
  const exporting = useBatchResults((r) => r.exporting)
  const resultsError = useBatchResults((r) => r.error)
  const [saved, setSaved] = useState<{ path: string; rows: number } | null>(null)
  useEffect(() => start(), [start])
  const exportAs = async (format: 'csv' | 'xlsx', delimiter: ';' | ',' = ';'): Promise<void> => {
    if (s.jobId === null) return
    const file = await useBatchResults.getState().exportJob(s.jobId, format, delimiter)
    if (!file?.saved) return // failed (said on the page) or the save dialog was cancelled
    setSaved({ path: file.path, rows: file.rows })
    if (file.download) download(file.fileName, file.download)
  }
  const date = (iso: string) => fmt.dateTime(iso)
  const current = s.jobs.find((j) => j.id === s.jobId)
  const finished = current?.status === 'done' || current?.status === 'cancelled'
  const addFromJob = useWatchStore((w) => w.addFromJob)
  const go = useNavStore((n) => n.go)
  // Issue #17: the list screened once, now watched (the new list starts paused in Monitoramento).
  const watchJob = async (): Promise<void> => {
    if (current && (await addFromJob(current.id, s.fileName || `${t('nav.lote')} ${current.id}`))) go('monitoramento')
  }
  return (
    <section className="page" data-testid="page-lote">
      <h1 id="page-title">{t('nav.lote')}</h1>
      <p className="lead">{t('pages.lote')}</p>
      {s.error && <ErrorBanner error={s.error} />}
      {resultsError && <ErrorBanner error={resultsError} />}
      <div className="lote">
        <div className="lookup">
          <ImportStep />
          {s.jobId !== null && <RunPanel />}
        </div>
        <aside>
          <h2>{t('batch.jobs')}</h2>
          {s.jobs.length === 0 ? (
            <p className="muted">{t('batch.noJobs')}</p>
          ) : (
            <ul className="message-list" data-testid="batch-jobs">
              {s.jobs.map((j) => (
                <li key={j.id} className={j.id === s.jobId ? 'selected' : undefined}>
                  <button type="button" className="link" onClick={() => s.open(j.id)}>
                    #{j.id} · {date(j.createdAt)}
                  </button>
                  <span className="muted">
                    {' '}
                    · {t(`batch.status.${j.status}`)} · {t('batch.rowsCount', { count: j.totalRows })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      {s.jobId !== null && (
        <div className="results-area">
          {current && <DecisionInfo job={current} />}
          <SubTabs
            views={['grid', 'charts', 'whatif'] as const}
            current={view}
            onChange={setView}
            label={(v) => t(`batch.views.${v}`)}
          >
            <span className="spacer" />
            <button type="button" disabled={exporting} onClick={() => void exportAs('csv', ';')}>
              {t('batch.exportCsv', { delimiter: ';' })}
            </button>
            <button type="button" disabled={exporting} onClick={() => void exportAs('csv', ',')}>
              {t('batch.exportCsv', { delimiter: ',' })}
            </button>
            <button type="button" disabled={exporting} onClick={() => void exportAs('xlsx')}>
              {t('batch.exportXlsx')}
            </button>
            {finished && (
              <button type="button" onClick={() => void watchJob()} data-testid="watch-job">
                {t('batch.watchThis')}
              </button>
            )}
          </SubTabs>
          {saved && (
            <p className="outcome ok" data-testid="export-saved">
              {t('batch.saved', { count: saved.rows, rows: fmt.number(saved.rows, 0), path: saved.path })}
            </p>
          )}
          {view === 'grid' && <ResultsGrid jobId={s.jobId} />}
          {view === 'charts' && (
            <Suspense
              fallback={
                <p className="muted" role="status">
                  {t('status.loading')}
                </p>
              }
            >
              <Dashboard jobId={s.jobId} />
            </Suspense>
          )}
          {view === 'whatif' && <WhatIfPanel jobId={s.jobId} finished={finished} />}
        </div>
      )}
    </section>
  )
}
