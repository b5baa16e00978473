import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { useBatchStore } from '../../stores/batch/store'
import { useTranslate } from '../../i18n'
import { importProblemText } from '../../../src-shared/domain/import-problems'

/** The plan before starting (calls per provider, Claro trial quota) and the run's live progress. */
export function RunPanel() {
  const { t } = useTranslation()
  const tr = useTranslate()
  const fmt = useFormats()
  const s = useBatchStore()
  const n = (v: number) => fmt.number(v, 0)
  const plan = s.plan
  const p = s.progress
  const job = s.jobs.find((j) => j.id === s.jobId)
  const status = p?.status ?? job?.status ?? plan?.job.status
  return (
    <div className="card" data-testid="batch-run">
      {plan && (
        <div data-testid="batch-plan">
          <p>
            {t('batch.planRows', {
              count: plan.job.totalRows,
              rows: n(plan.job.totalRows),
              invalid: n(plan.job.invalidRows),
            })}
            {plan.job.importProblem && <span className="warn"> · {importProblemText(plan.job.importProblem, tr)}</span>}
          </p>
          <ul>
            {Object.entries(plan.callsByProvider).map(([provider, calls]) => (
              <li key={provider} data-provider={provider}>
                {t('batch.calls', { provider: t(`batch.providers.${provider}`), calls: n(calls) })}
              </li>
            ))}
          </ul>
          {plan.callsByProvider['claro'] !== undefined && (
            <p
              className={plan.claroTrial.left < (plan.callsByProvider['claro'] ?? 0) ? 'warn' : 'muted'}
              data-testid="claro-trial"
            >
              {t('batch.trial', { left: n(plan.claroTrial.left), limit: n(plan.claroTrial.limit) })}
            </p>
          )}
        </div>
      )}
      {p && (
        <div className="batch-progress" data-testid="batch-progress" data-status={p.status}>
          <progress max={Math.max(1, p.total)} value={p.done + p.failed} />
          <p>
            {t('batch.progress', {
              done: n(p.done),
              failed: n(p.failed),
              remaining: n(p.remaining),
              rate: p.rate,
              eta: p.etaSeconds === null ? '—' : `${p.etaSeconds} s`,
            })}
          </p>
        </div>
      )}
      {(status === 'ready' || status === 'paused' || status === 'cancelled') && (
        <fieldset className="events" data-testid="batch-pace">
          <legend>{t('batch.speed')}</legend>
          <label className="inline">
            {t('batch.concurrency')}
            <input
              type="number"
              min={1}
              max={200}
              value={s.pace.concurrency}
              onChange={(e) =>
                s.setPace({ ...s.pace, concurrency: Math.min(200, Math.max(1, Number(e.target.value) || 1)) })
              }
            />
          </label>
          {(['claro', 'clearsale', 'mse'] as const).map((provider) => (
            <label key={provider} className="inline">
              {t('batch.rateOf', { provider: t(`batch.providers.${provider}`) })}
              <input
                type="number"
                min={1}
                max={10000}
                value={s.pace.rate[provider]}
                onChange={(e) =>
                  s.setPace({
                    ...s.pace,
                    rate: { ...s.pace.rate, [provider]: Math.min(10_000, Math.max(1, Number(e.target.value) || 1)) },
                  })
                }
              />
            </label>
          ))}
        </fieldset>
      )}
      {job && job.status !== 'importing' && job.status !== 'failed' && (
        <div data-testid="batch-counts">
          <p>{t('batch.rowsOfJob', { count: job.totalRows, rows: n(job.totalRows), invalid: n(job.invalidRows) })}</p>
          <ul className="plain">
            {Object.entries(job.unique).map(([check, unique]) => (
              <li key={check} data-check={check}>
                {t('batch.callsDone', {
                  check: t(`batch.checkNames.${check}`),
                  answered: n(job.answered[check] ?? 0),
                  failed: n(job.failed[check] ?? 0),
                  unique: n(unique),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted" data-testid="batch-status">
        {status ? t(`batch.status.${status}`) : ''}
      </p>
      <div className="actions">
        {(status === 'ready' || status === 'running' || status === 'paused' || status === 'cancelled') &&
          !(p && (p.status === 'running' || p.status === 'paused')) && (
            <button type="button" className="primary" onClick={() => void s.run()}>
              {status === 'ready' ? t('batch.start') : t('batch.continue')}
            </button>
          )}
        {p?.status === 'running' && (
          <button type="button" onClick={() => void s.control('pause')}>
            {t('batch.pause')}
          </button>
        )}
        {p?.status === 'paused' && (
          <button type="button" onClick={() => void s.control('resume')}>
            {t('batch.resume')}
          </button>
        )}
        {(p?.status === 'running' || p?.status === 'paused') && (
          <button type="button" className="danger-outline" onClick={() => void s.control('cancel')}>
            {t('batch.cancel')}
          </button>
        )}
      </div>
    </div>
  )
}
