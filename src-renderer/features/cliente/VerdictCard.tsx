import { useTranslation } from 'react-i18next'
import type { CustomerCheck } from '../../../src-shared/contract/customer'

const CLASS = { aprovar: 'risk-low', revisar: 'risk-medium', recusar: 'risk-high' } as const

/** The verdict and, for each rule that fired, why — with the numbers that made it fire. */
export function VerdictCard({ verdict }: { verdict: CustomerCheck['verdict'] }) {
  const { t } = useTranslation()
  return (
    <section className="result verdict" data-testid="verdict" aria-label={t('verdict.title')}>
      <div className="result-head">
        <h3>{t('verdict.title')}</h3>
        <span className={`risk ${CLASS[verdict.verdict]} verdict-value`} data-testid="verdict-value">
          {t(`verdict.values.${verdict.verdict}`)}
        </span>
      </div>
      {verdict.fired.length === 0 ? (
        <p className="muted">{t('verdict.none')}</p>
      ) : (
        <ul className="plain" data-testid="verdict-reasons">
          {verdict.fired.map((f, i) => (
            <li key={`${f.rule}-${i}`} className={f.action === 'recusar' ? 'risk-high' : 'risk-medium'}>
              <strong>{t(`verdict.values.${f.action}`)}</strong> · {t(`verdict.reasons.${f.rule}`, f.params)}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
