import { useTranslation } from 'react-i18next'
import type { CustomerCheck } from '../../../src-shared/contract/customer'
import { policyLabel } from '../../../src-shared/domain/policy'
import { ReasonList } from '../policy/ReasonList'

const CLASS = { aprovar: 'risk-low', revisar: 'risk-medium', recusar: 'risk-high' } as const

/** The verdict and every reason in words — with the numbers that made a rule fire — and the policy that decided. */
export function VerdictCard({ decision }: { decision: CustomerCheck['decision'] }) {
  const { t } = useTranslation()
  return (
    <section className="result verdict" data-testid="verdict" aria-label={t('verdict.title')}>
      <div className="result-head">
        <h3>{t('verdict.title')}</h3>
        <span className={`risk ${CLASS[decision.verdict]} verdict-value`} data-testid="verdict-value">
          {t(`verdict.values.${decision.verdict}`)}
        </span>
      </div>
      {decision.reasons.length === 0 ? (
        <p className="muted">{t('verdict.none')}</p>
      ) : (
        <ReasonList reasons={decision.reasons} />
      )}
      <p className="hint policy-badge" data-testid="verdict-policy">
        {t('customer.policy', { label: policyLabel(decision.policy) })}
      </p>
    </section>
  )
}
