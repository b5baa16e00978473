import { useTranslation } from 'react-i18next'
import { CHECKS, FIELDS, type Mapping } from '../../../src-shared/domain/batch'
import { useBatchStore } from '../../stores/batch/store'

/** Upload, preview, column mapping and the checks to run (issue #8 "Import" and "Plan"). */
export function ImportStep() {
  const { t } = useTranslation()
  const s = useBatchStore()
  const upload = s.upload
  return (
    <div className="lookup-form" data-testid="batch-import">
      <div className="field">
        <label htmlFor="batch-file">{t('batch.file')}</label>
        <input
          id="batch-file"
          type="file"
          accept=".csv,.txt,text/csv"
          onChange={(e) => e.target.files?.[0] && void s.choose(e.target.files[0])}
        />
      </div>
      {upload?.problem && <p className="field-error">{upload.problem}</p>}
      {upload?.uploadId && (
        <>
          <p className="muted" data-testid="batch-sniffed">
            {t('batch.sniffed', {
              encoding: upload.encoding,
              delimiter: upload.delimiter === '\t' ? 'TAB' : upload.delimiter,
            })}
          </p>
          <div className="preview-table">
            <table data-testid="batch-preview">
              <thead>
                <tr>
                  {upload.header.map((h, i) => (
                    <th key={i}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {upload.preview.slice(0, 5).map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <fieldset className="events">
            <legend>{t('batch.mapping')}</legend>
            {FIELDS.map((field) => (
              <label key={field} className="inline">
                {t(`batch.fields.${field}`)}
                <select
                  aria-label={t(`batch.fields.${field}`)}
                  value={s.mapping[field] ?? ''}
                  onChange={(e) => {
                    const next: Mapping = Object.fromEntries(Object.entries(s.mapping).filter(([f]) => f !== field))
                    if (e.target.value !== '') next[field] = Number(e.target.value)
                    s.setMapping(next)
                  }}
                >
                  <option value="">—</option>
                  {upload.header.map((h, i) => (
                    <option key={i} value={i}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
          <fieldset className="events">
            <legend>{t('batch.checks')}</legend>
            {CHECKS.map((check) => (
              <label key={check} className="check">
                <input type="checkbox" checked={s.checks.includes(check)} onChange={() => s.toggleCheck(check)} />{' '}
                {t(`batch.checkNames.${check}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="batch-reuse">{t('batch.reuse')}</label>
            <input
              id="batch-reuse"
              type="number"
              min={0}
              max={8760}
              value={s.reuseHours}
              onChange={(e) => s.setReuseHours(Math.max(0, Number(e.target.value) || 0))}
            />
          </div>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={s.busy || s.checks.length === 0}
              onClick={() => void s.makePlan()}
            >
              {t('batch.plan')}
            </button>
          </div>
        </>
      )}
    </div>
  )
}
