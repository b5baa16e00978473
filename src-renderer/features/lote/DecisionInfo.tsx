import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ResponseOf } from '../../../src-shared/contract'
import type { JobSummary } from '../../../src-shared/contract/batch'
import { policyLabel, policyRef } from '../../../src-shared/domain/policy'
import { useFormats } from '../../i18n/formats'
import { useBatchResults } from '../../stores/batch/results'
import { usePolicy } from '../policy/usePolicy'

/**
 * Which policy decided what the analyst sees (issue #22): a finished batch names its recorded decision set — when, by
 * whom, and every earlier set an adoption replaced; a batch still running says its verdicts are provisional.
 */
export function DecisionInfo({ job }: { job: JobSummary }) {
  const { t } = useTranslation()
  const fmt = useFormats()
  const inForce = usePolicy()
  const decided = job.decided
  // The sets read belong to one job and one decision: another job, or an adoption, shows the link again.
  const key = `${job.id}:${decided?.setNo ?? 0}`
  const [read, setRead] = useState<{ key: string; sets: ResponseOf<'batch:decisions'> } | null>(null)
  const sets = read?.key === key ? read.sets : null
  const how = (kind: 'finished' | 'adopted') =>
    t(kind === 'finished' ? 'policy.whatif.decidedFinished' : 'policy.whatif.decidedAdopted')
  if (!decided)
    return (
      <p className="hint decision-info" data-testid="decision-info">
        {t('policy.whatif.provisional', { label: policyLabel(policyRef(inForce)) })}
      </p>
    )
  return (
    <div className="decision-info" data-testid="decision-info">
      <p className="hint">
        {t('policy.whatif.decided', {
          label: `${decided.policyName} ${policyLabel(decided.policy)}`,
          how: how(decided.kind),
          at: fmt.dateTime(decided.decidedAt),
          who: decided.who,
        })}
        {decided.setNo > 1 && sets === null && (
          <>
            {' '}
            <button
              type="button"
              className="link"
              onClick={() =>
                void useBatchResults
                  .getState()
                  .decisionSets(job.id)
                  .then((found) => found && setRead({ key, sets: found }))
              }
            >
              {t('policy.whatif.sets')}
            </button>
          </>
        )}
      </p>
      {sets && (
        <ol className="plain decision-sets" data-testid="decision-sets" aria-label={t('policy.whatif.sets')}>
          {sets.map((s) => (
            <li key={s.setNo}>
              {t('policy.whatif.set', {
                n: s.setNo,
                label: policyLabel(s.policy),
                how: how(s.kind),
                at: fmt.dateTime(s.decidedAt),
                who: s.who,
              })}
              {s.reason && <span className="muted"> · {t('policy.whatif.setReason', { reason: s.reason })}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
