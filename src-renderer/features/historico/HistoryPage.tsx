import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../../components/ErrorBanner'
import { RawAnswer } from '../../components/RawAnswer'
import { useAppStore } from '../../stores/app/store'
import { useHistoryStore } from '../../stores/history/store'
import { HistoryFiltersBar } from './HistoryFilters'
import { policyLabel, reasonText } from '../../../src-shared/domain/policy'
import { useTranslate } from '../../i18n'

export function HistoryPage() {
  const { t, i18n } = useTranslation()
  const tr = useTranslate()
  const s = useHistoryStore()
  const start = useHistoryStore((st) => st.start)
  const retention = useAppStore((st) => st.settings?.historyRetentionDays ?? 90)
  const [confirming, setConfirming] = useState(false)
  useEffect(() => start(), [start])
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' })

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
        <div className="grid-wrap">
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
                  <td className="mono">{date.format(new Date(row.at))}</td>
                  <td>{t(`environment.${row.environment}`)}</td>
                  <td>{t(`history.kinds.${row.kind}`)}</td>
                  <td className="mono">{row.identifier}</td>
                  <td className={`outcome-${row.outcome}`}>{t(`history.outcomes.${row.outcome}`)}</td>
                  <td className="wrap">
                    {row.verdict ? (
                      <span data-testid="history-verdict">
                        <strong className={`verdict-pill verdict-${row.verdict}`}>
                          {t(`verdict.values.${row.verdict}`)}
                        </strong>
                        {(row.reasons ?? []).map((r, i) => (
                          <span key={i} className="muted" title={r.code}>
                            {' '}
                            · {reasonText(r, tr)}
                          </span>
                        ))}
                        {row.policy && (
                          <span className="hint"> ({t('policy.label', { label: policyLabel(row.policy) })})</span>
                        )}
                      </span>
                    ) : (
                      <span className="mono">{row.summary}</span>
                    )}
                  </td>
                  <td className="num mono">{Math.round(row.durationMs)} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s.selected && (
        <div className="card detail" data-testid="history-detail">
          <div className="card-head">
            <h2 className="mono">
              #{s.selected.id} · {s.selected.identifier}
            </h2>
            <button type="button" onClick={s.close}>
              {t('history.close')}
            </button>
          </div>
          {s.selected.raw && <RawAnswer raw={s.selected.raw} />}
        </div>
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
