import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ResponseOf } from '../../../src-shared/contract'
import { call } from '../../api/client'

/** One row: its original fields and the raw answer of every check. */
export function RowDrawer({ jobId, rowNo, onClose }: { jobId: number; rowNo: number; onClose(): void }) {
  const { t } = useTranslation()
  const [row, setRow] = useState<ResponseOf<'batch:row'> | null>(null)
  useEffect(() => {
    void call('batch:row', { jobId, rowNo }).then(setRow, () => setRow(null))
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
          <dl className="facts">
            {row.header.map((h, i) => (
              <div key={i} className="fact-row">
                <dt>{h}</dt>
                <dd>{row.fields[i] ?? ''}</dd>
              </div>
            ))}
          </dl>
          {row.problem && <p className="warn">{row.problem}</p>}
          {row.calls.map((c) => (
            <details key={c.check} open>
              <summary>{t(`batch.checkNames.${c.check}`)}</summary>
              <pre className="mono">{JSON.stringify(c.answer, null, 2)}</pre>
            </details>
          ))}
        </>
      )}
    </aside>
  )
}
