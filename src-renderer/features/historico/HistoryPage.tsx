import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { ErrorBanner } from '../../components/ErrorBanner'
import { RawAnswer } from '../../components/RawAnswer'
import { useAppStore } from '../../stores/app/store'
import { useHistoryStore } from '../../stores/history/store'
import { useOpenInCustomer } from '../cliente/openInCustomer'
import { HistoryFiltersBar } from './HistoryFilters'
import { HistorySummary } from './HistorySummary'

export function HistoryPage() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const s = useHistoryStore()
  const openInCustomer = useOpenInCustomer()
  // A masked record whose person nothing in clear knows: said, and Cliente is not opened half-filled.
  const [unknown, setUnknown] = useState<number | null>(null)
  const drill = async (id: number, run: boolean): Promise<void> => {
    const person = await useHistoryStore.getState().person(id)
    if (person) openInCustomer(person, run)
    else setUnknown(id)
  }
  const start = useHistoryStore((st) => st.start)
  const retention = useAppStore((st) => st.settings?.historyRetentionDays ?? 90)
  const [confirming, setConfirming] = useState(false)
  useEffect(() => start(), [start])

  return (
    <section className="page" data-testid="page-historico">
      <h1 id="page-title">{t('nav.historico')}</h1>
      <p className="lead">{t('pages.historico')}</p>
      <p className="hint">{t('history.retention', { days: retention })}</p>
      <HistoryFiltersBar />
      {s.error && <ErrorBanner error={s.error} />}
      {s.notice && (
        <p className="outcome ok" role="status">
          {s.notice}
        </p>
      )}
      <p className="muted" data-testid="history-total">
        {t('history.total', { count: s.total })}
      </p>
      {s.rows.length === 0 ? (
        <p className="empty">{t('history.empty')}</p>
      ) : (
        <div className="grid-wrap" tabIndex={0} role="region" aria-label={t('nav.historico')}>
          <table className="grid" data-testid="history-table">
            <thead>
              <tr>
                <th>{t('history.when')}</th>
                <th>{t('history.environment')}</th>
                <th>{t('history.kind')}</th>
                <th>{t('history.identifier')}</th>
                <th>{t('history.outcome')}</th>
                <th>{t('history.summary')}</th>
                <th className="num">{t('history.duration')}</th>
              </tr>
            </thead>
            <tbody>
              {s.rows.map((row) => (
                <tr
                  key={row.id}
                  className={s.selected?.id === row.id ? 'selected' : undefined}
                  onClick={() => void s.open(row.id)}
                  tabIndex={0}
                  onKeyDown={(e) => e.key === 'Enter' && void s.open(row.id)}
                >
                  <td>{fmt.dateTime(row.at, { seconds: true })}</td>
                  <td>{t(`environment.${row.environment}`)}</td>
                  <td>{t(`history.kinds.${row.kind}`)}</td>
                  <td className="mono">{row.identifier}</td>
                  <td className={`outcome-${row.outcome}`}>{t(`history.outcomes.${row.outcome}`)}</td>
                  <td className="wrap">
                    <HistorySummary row={row} />
                  </td>
                  <td className="num">{t('history.ms', { ms: Math.round(row.durationMs) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s.selected && (
        <aside className="drawer" role="dialog" aria-labelledby="history-detail-title" data-testid="history-detail">
          <div className="card-head">
            <h2 id="history-detail-title">
              {t(`history.kinds.${s.selected.kind}`)} · {s.selected.identifier}
            </h2>
            <button type="button" className="link" onClick={s.close}>
              {t('history.close')}
            </button>
          </div>
          <dl className="facts">
            <dt>{t('history.when')}</dt>
            <dd>{fmt.dateTime(s.selected.at, { seconds: true })}</dd>
            <dt>{t('history.environment')}</dt>
            <dd>{t(`environment.${s.selected.environment}`)}</dd>
            <dt>{t('history.outcome')}</dt>
            <dd>{t(`history.outcomes.${s.selected.outcome}`)}</dd>
            <dt>{t('history.summary')}</dt>
            <dd data-testid="history-detail-summary">
              <HistorySummary row={s.selected} />
            </dd>
            <dt>{t('history.duration')}</dt>
            <dd>{t('history.ms', { ms: Math.round(s.selected.durationMs) })}</dd>
          </dl>
          <div className="actions">
            <button type="button" onClick={() => void drill(s.selected?.id ?? 0, false)}>
              {t('cases.openInCustomer')}
            </button>
            <button type="button" onClick={() => void drill(s.selected?.id ?? 0, true)}>
              {t('cases.checkAgain')}
            </button>
          </div>
          {unknown === s.selected.id && (
            <p className="hint" role="status" data-testid="history-unresolved">
              {t('history.unresolved')}
            </p>
          )}
          {s.selected.raw && <RawAnswer raw={s.selected.raw} />}
          <p className="hint">
            {t('history.recordId')} <code>#{s.selected.id}</code>
          </p>
        </aside>
      )}
      <div className="actions">
        {confirming ? (
          <div className="confirm" role="alertdialog" aria-label={t('history.clear')}>
            <p>{t('history.confirmClear')}</p>
            <button
              type="button"
              className="danger"
              onClick={() => void s.clear((count) => t('history.cleared', { count })).then(() => setConfirming(false))}
            >
              {t('history.clear')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('credentials.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>
            {t('history.clear')}
          </button>
        )}
      </div>
    </section>
  )
}
