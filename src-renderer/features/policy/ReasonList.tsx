import { useTranslation } from 'react-i18next'
import { reasonText, type Reason } from '../../../src-shared/domain/policy'
import { useTranslate } from '../../i18n'

/** Each reason as a sentence in the UI language, its action in bold; the machine code in a tooltip. */
export function ReasonList({ reasons, testId = 'verdict-reasons' }: { reasons: readonly Reason[]; testId?: string }) {
  const { t } = useTranslation()
  const tr = useTranslate()
  return (
    <ul className="plain" data-testid={testId}>
      {reasons.map((r, i) => (
        <li
          key={`${r.code}-${i}`}
          className={r.action === 'recusar' ? 'risk-high' : 'risk-medium'}
          title={r.code}
          data-code={r.code}
        >
          <strong>{t(`verdict.values.${r.action}`)}</strong> · {reasonText(r, tr)}
        </li>
      ))}
    </ul>
  )
}
