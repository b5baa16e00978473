import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { policyLabel, policyRef, readPolicy, ROW_VERDICTS, type Policy } from '../../../src-shared/domain/policy'
import { useTranslate } from '../../i18n'
import { useBatchStore } from '../../stores/batch/store'
import { PolicyEditor } from '../policy/PolicyEditor'
import { usePolicy } from '../policy/usePolicy'
import { RowDrawer } from './RowDrawer'

/**
 * What-if on a finished batch: edit a copy of the policy and see how many verdicts would change, and which rows —
 * decided again from the stored answers, without a single provider call. The analyst may then adopt it for this batch
 * only, saying why (issue #22): a new decision set, the previous one kept, the act in the policy log. Saving a policy
 * in Configurações never re-decides a finished batch.
 */
export function WhatIfPanel({ jobId, finished }: { jobId: number; finished: boolean }) {
  const { t } = useTranslation()
  const tr = useTranslate()
  const policy = usePolicy()
  const [draft, setDraft] = useState<Policy | null>(null)
  const [open, setOpen] = useState<number | null>(null)
  const [adopted, setAdopted] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const s = useBatchStore()
  const current = draft ?? policy
  const check = readPolicy(current, tr)
  if (!finished)
    return (
      <p className="muted" data-testid="whatif-unavailable">
        {t('policy.whatif.unavailable')}
      </p>
    )
  const result = s.whatIf
  return (
    <section className="card whatif" data-testid="whatif" aria-label={t('policy.whatif.title')}>
      <h2>{t('policy.whatif.title')}</h2>
      <p className="hint">{t('policy.whatif.hint')}</p>
      <PolicyEditor value={current} onChange={(p) => setDraft(p)} idPrefix="whatif" />
      {!check.ok && (
        <ul className="plain warn" role="alert">
          {check.problems.map((p) => (
            <li key={p}>{t('policy.editor.invalid', { summary: p })}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!check.ok || s.simulating}
          onClick={() => check.ok && void s.simulate(check.policy)}
        >
          {s.simulating ? t('policy.whatif.running') : t('policy.whatif.run')}
        </button>
      </div>
      {result && (
        <div data-testid="whatif-result">
          <p className="lead" data-testid="whatif-changed">
            {result.changed === 0 ? t('policy.whatif.none') : t('policy.whatif.changed', { count: result.changed })}
          </p>
          <div className="whatif-counts" role="table">
            <span />
            {ROW_VERDICTS.map((v) => (
              <strong key={v} className="num">
                {t(`verdict.values.${v}`)}
              </strong>
            ))}
            <span>{t('policy.whatif.before', { label: policyLabel(result.policy.before) })}</span>
            {ROW_VERDICTS.map((v) => (
              <span key={v} className="num mono" data-testid={`whatif-before-${v}`}>
                {result.before[v]}
              </span>
            ))}
            <span>{t('policy.whatif.after', { label: policyLabel(result.policy.after) })}</span>
            {ROW_VERDICTS.map((v) => (
              <span key={v} className="num mono" data-testid={`whatif-after-${v}`}>
                {result.after[v]}
              </span>
            ))}
          </div>
          {result.rows.length > 0 && (
            <>
              <h3>{t('policy.whatif.rows')}</h3>
              <ul className="plain" data-testid="whatif-rows">
                {result.rows.map((r) => (
                  <li key={r.rowNo}>
                    <button type="button" className="link" onClick={() => setOpen(r.rowNo)}>
                      {t('policy.whatif.row', {
                        n: r.rowNo,
                        before: t(`verdict.values.${r.before}`),
                        after: t(`verdict.values.${r.after}`),
                      })}
                    </button>
                  </li>
                ))}
              </ul>
              {result.truncated && (
                <p className="muted">{t('policy.whatif.more', { count: result.changed - result.rows.length })}</p>
              )}
            </>
          )}
          {result.changed > 0 && check.ok && (
            <div className="adopt" data-testid="whatif-adopt">
              <label htmlFor="whatif-reason">{t('policy.whatif.reason')}</label>
              <input
                id="whatif-reason"
                value={reason}
                maxLength={500}
                placeholder={t('policy.whatif.reasonPlaceholder')}
                onChange={(e) => setReason(e.target.value)}
              />
              <button
                type="button"
                disabled={reason.trim().length < 3 || s.simulating}
                onClick={() =>
                  void s.adopt(check.policy, reason.trim()).then((done) => {
                    if (!done) return
                    setDraft(null)
                    setReason('')
                    const label = policyLabel(done.job.policy ?? policyRef(check.policy))
                    setAdopted(t('policy.whatif.applied', { count: done.changed, label }))
                  })
                }
              >
                {t('policy.whatif.apply')}
              </button>
              {reason.trim().length < 3 && <p className="hint">{t('batch.adoptReasonNeeded')}</p>}
            </div>
          )}
        </div>
      )}
      {adopted && (
        <p className="outcome ok" role="status">
          {adopted}
        </p>
      )}
      {open !== null && <RowDrawer jobId={jobId} rowNo={open} onClose={() => setOpen(null)} />}
    </section>
  )
}
