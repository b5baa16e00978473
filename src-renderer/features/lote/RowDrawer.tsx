import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useBatchResults } from '../../stores/batch/results'
import { problemText } from '../../../src-shared/domain/policy'
import { useTranslate } from '../../i18n'
import { useOpenInCustomer } from '../cliente/openInCustomer'
import { useCasesStore } from '../../stores/cases/store'
import { useNavStore } from '../../stores/nav/store'

/** One row: its original fields and the raw answer of every check. */
export function RowDrawer({ jobId, rowNo, onClose }: { jobId: number; rowNo: number; onClose(): void }) {
  const { t } = useTranslation()
  const tr = useTranslate()
  const row = useBatchResults((s) => s.row)
  const openInCustomer = useOpenInCustomer()
  const go = useNavStore((n) => n.go)
  const openCase = (id: number): void => {
    void useCasesStore.getState().openCase(id)
    go('casos')
  }
  useEffect(() => {
    void useBatchResults.getState().loadRow(jobId, rowNo)
  }, [jobId, rowNo])
  return (
    <aside className="drawer" role="dialog" aria-label={t('batch.row', { n: rowNo })} data-testid="row-drawer">
      <div className="card-head">
        <h2>{t('batch.row', { n: rowNo })}</h2>
        <button type="button" className="link" onClick={onClose}>
          {t('batch.close')}
        </button>
      </div>
      {row && (
        <>
          <div className="actions">
            <button type="button" onClick={() => openInCustomer(row.person, false)}>
              {t('cases.openInCustomer')}
            </button>
            <button type="button" onClick={() => openInCustomer(row.person, true)}>
              {t('cases.checkAgain')}
            </button>
            {row.caseId !== null && (
              <button type="button" onClick={() => openCase(row.caseId ?? 0)} data-testid="row-case">
                {t('customer.openCase', { id: row.caseId })}
              </button>
            )}
          </div>
          <dl className="facts">
            {row.header.map((h, i) => (
              <div key={i} className="fact-row">
                <dt>{h}</dt>
                <dd>{row.fields[i] ?? ''}</dd>
              </div>
            ))}
          </dl>
          {row.verdict && (
            <div className="result verdict" data-testid="row-verdict">
              <strong className={`verdict-pill verdict-${row.verdict}`}>{t(`verdict.values.${row.verdict}`)}</strong>
              <ul className="plain">
                {row.reasons.map((r) => (
                  <li key={r.code}>{r.text}</li>
                ))}
              </ul>
            </div>
          )}
          {row.problem && <p className="warn">{problemText(row.problem, tr)}</p>}
          {row.summary.length > 0 && (
            <dl className="facts row-summary" data-testid="row-summary">
              {row.summary.map((x) => (
                <div key={x.label} className="fact-row">
                  <dt>{x.label}</dt>
                  <dd>{x.value}</dd>
                </div>
              ))}
            </dl>
          )}
          <h3 className="section-title">{t('batch.rawAnswers')}</h3>
          {row.calls.map((c) => (
            <details key={c.check} className="raw">
              <summary>{t(`batch.checkNames.${c.check}`)}</summary>
              <pre className="mono">{JSON.stringify(c.answer, null, 2)}</pre>
            </details>
          ))}
          {row.reasons.length > 0 && (
            <p className="hint">
              {t('batch.reasonCodes')}{' '}
              {row.reasons.map((r) => (
                <code key={r.code}>{r.code}</code>
              ))}
            </p>
          )}
        </>
      )}
    </aside>
  )
}
