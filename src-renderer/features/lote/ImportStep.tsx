import { useTranslation } from 'react-i18next'
import { CHECKS, FIELDS, type Mapping } from '../../../src-shared/domain/batch'
import { useBatchStore } from '../../stores/batch/store'
import { FilePick } from '../../components/FilePick'

/**
 * A list an analyst can try at once, with the sandbox's customers: the shape Sentinela expects (a header, one
 * customer per line, ";" as Excel saves it in Brazil), CPF and phone formatted as people write them.
 */
const SAMPLE_CSV = [
  'Nome;CPF;Celular;E-mail',
  'Ana Souza;111.444.777-35;(11) 99999-0001;ana@exemplo.com.br',
  'Bruno Lima;529.982.247-25;(11) 99999-0003;bruno@exemplo.com.br',
  'Carla Dias;390.533.447-05;(11) 99999-0002;',
  'Davi Rocha;123;(21) 99999-0004;',
].join('\r\n')

const sampleFile = (): File => new File([SAMPLE_CSV], 'exemplo-sentinela.csv', { type: 'text/csv' })

/** Upload, preview, column mapping and the checks to run (issue #8 "Import" and "Plan"). */
export function ImportStep() {
  const { t } = useTranslation()
  const s = useBatchStore()
  const upload = s.upload
  // A check runs on the column it needs (Alerta and line data: the phone; Score and Data Trust: the CPF): a plan
  // with none of them mapped would only produce "not run" rows.
  const identified = s.checks.some((c) => s.mapping[c === 'alerts' || c === 'line' ? 'phone' : 'cpf'] !== undefined)
  return (
    <div className="lookup-form" data-testid="batch-import">
      <div className="field">
        <span className="label">{t('batch.file')}</span>
        <FilePick
          id="batch-file"
          fileName={s.fileName}
          onFile={(file) => void s.choose(file)}
          testId="batch-file-name"
        />
      </div>
      {!upload?.uploadId && (
        <div className="hint" data-testid="batch-expected">
          <p>{t('batch.expected')}</p>
          <button type="button" className="link" onClick={() => void s.choose(sampleFile())}>
            {t('batch.trySample')}
          </button>
          <details>
            <summary>{t('batch.seeSample')}</summary>
            <pre className="mono">{SAMPLE_CSV}</pre>
          </details>
        </div>
      )}
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
              disabled={s.busy || s.checks.length === 0 || !identified}
              onClick={() => void s.makePlan()}
            >
              {t('batch.plan')}
            </button>
          </div>
          {!identified && (
            <p className="field-error" data-testid="batch-no-identifier">
              {t('batch.needIdentifier')}
            </p>
          )}
        </>
      )}
    </div>
  )
}
