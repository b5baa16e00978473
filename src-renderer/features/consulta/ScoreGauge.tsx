import { useTranslation } from 'react-i18next'
import type { ScoreResult } from '../../../src-shared/contract/lookup'
import { decideScore, type Policy } from '../../../src-shared/domain/policy'
import { ReasonList } from '../policy/ReasonList'
import { formatCpf } from '../../../src-shared/domain/cpf'

const R = 80
/** Point on the half circle for a 0–1000 value (left = 0, right = 1000). */
function point(value: number): [number, number] {
  const angle = Math.PI * (1 - Math.min(1000, Math.max(0, value)) / 1000)
  return [100 + R * Math.cos(angle), 100 - R * Math.sin(angle)]
}

/**
 * Score 0–1000 as a half-circle gauge with the policy's threshold marked (seed 000/002), read by the same engine as
 * Cliente and Lote: the label here is the verdict the policy gives this score alone.
 */
export function ScoreGauge({ result, policy }: { result: ScoreResult; policy: Policy }) {
  const { t } = useTranslation()
  const rule = policy.rules.claro_score_low
  const threshold = rule.below
  const decided = decideScore(policy, result.score)
  const decision = decided.verdict === 'aprovar' ? 'approve' : 'review'
  const [x, y] = point(result.score)
  const [tx, ty] = point(threshold)
  return (
    <div className="result" data-testid="score-result">
      <div className="result-head">
        <h3>{t('lookup.scoreFor', { cpf: formatCpf(result.cpf) })}</h3>
        <span className={decision === 'approve' ? 'risk risk-low' : 'risk risk-high'} data-testid="score-decision">
          {t(`verdict.values.${decided.verdict}`)}
        </span>
      </div>
      <svg className="gauge" viewBox="0 0 200 120" role="img" aria-label={`${result.score} / 1000`}>
        <path d={`M 20 100 A ${R} ${R} 0 0 1 180 100`} className="gauge-track" />
        <path d={`M 20 100 A ${R} ${R} 0 0 1 ${x.toFixed(1)} ${y.toFixed(1)}`} className={`gauge-fill ${decision}`} />
        <line
          x1={100 + (tx - 100) * 0.8}
          y1={100 - (100 - ty) * 0.8}
          x2={100 + (tx - 100) * 1.15}
          y2={100 - (100 - ty) * 1.15}
          className="gauge-threshold"
        />
        <text x="100" y="92" textAnchor="middle" className="gauge-value" data-testid="score-value">
          {result.score}
        </text>
        <text x="20" y="116" textAnchor="middle" className="gauge-scale">
          0
        </text>
        <text x="180" y="116" textAnchor="middle" className="gauge-scale">
          1000
        </text>
      </svg>
      {decided.reasons.length > 0 ? (
        <ReasonList reasons={decided.reasons} testId="score-reasons" />
      ) : (
        <p>{t('lookup.approve', { threshold })}</p>
      )}
      <p className="hint">
        {rule.enabled
          ? t('lookup.threshold', { threshold, action: t(`verdict.values.${rule.action}`) })
          : t('lookup.thresholdOff')}
      </p>
    </div>
  )
}
