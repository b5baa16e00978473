import { useTranslation } from 'react-i18next'
import {
  OUTCOME_RULES,
  SIGNAL_RULES,
  type Action,
  type Policy,
  type SignalRuleId,
} from '../../../src-shared/domain/policy'

/** The numeric field of each signal rule and its bounds (the schema's). */
const THRESHOLDS: Record<SignalRuleId, { field: 'days' | 'below'; min: number; max: number; step: number } | null> = {
  takeover_recent: { field: 'days', min: 1, max: 365, step: 1 },
  line_change_recent: { field: 'days', min: 1, max: 365, step: 1 },
  claro_score_low: { field: 'below', min: 0, max: 1000, step: 1 },
  datatrust_score_low: { field: 'below', min: 0, max: 100, step: 0.5 },
  insight_alert: null,
}

/**
 * Every rule of a policy: signal rules (switch, action, threshold) and the outcome rules (action only — they are
 * always on). Controlled: the owner keeps the draft and validates it with the shared schema.
 */
export function PolicyEditor({
  value,
  onChange,
  idPrefix,
}: {
  value: Policy
  onChange(policy: Policy): void
  idPrefix: string
}) {
  const { t } = useTranslation()
  const setRule = (id: keyof Policy['rules'], patch: Record<string, unknown>): void =>
    onChange({ ...value, rules: { ...value.rules, [id]: { ...value.rules[id], ...patch } } })
  const actionSelect = (id: keyof Policy['rules'], action: Action) => (
    <select
      aria-label={`${t(`policy.rules.${id}`)} — ${t('policy.rules.action')}`}
      value={action}
      onChange={(e) => setRule(id, { action: e.target.value })}
    >
      <option value="revisar">{t('verdict.values.revisar')}</option>
      <option value="recusar">{t('verdict.values.recusar')}</option>
    </select>
  )
  return (
    <div className="policy-editor" data-testid={`${idPrefix}-editor`}>
      <label className="dt-field">
        <span>{t('policy.editor.name')}</span>
        <input
          id={`${idPrefix}-name`}
          value={value.name}
          maxLength={80}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
        />
      </label>
      <h3>{t('policy.rules.signals')}</h3>
      <div className="rules-grid">
        {SIGNAL_RULES.map((id) => {
          const rule = value.rules[id]
          const range = THRESHOLDS[id]
          const current = range ? (rule as Record<string, unknown>)[range.field] : undefined
          return (
            <div key={id} className="rule-row">
              <label className="check">
                <input
                  type="checkbox"
                  checked={rule.enabled}
                  onChange={(e) => setRule(id, { enabled: e.target.checked })}
                />
                {t(`policy.rules.${id}`)}
              </label>
              {actionSelect(id, rule.action)}
              {range ? (
                <input
                  id={`${idPrefix}-${id}`}
                  aria-label={`${t(`policy.rules.${id}`)} — ${t('policy.rules.threshold')}`}
                  type="number"
                  min={range.min}
                  max={range.max}
                  step={range.step}
                  value={Number.isFinite(current) ? String(current) : ''}
                  onChange={(e) =>
                    setRule(id, { [range.field]: e.target.value === '' ? Number.NaN : Number(e.target.value) })
                  }
                />
              ) : (
                <span />
              )}
            </div>
          )
        })}
      </div>
      <h3>{t('policy.rules.outcomes')}</h3>
      <p className="hint">{t('policy.rules.alwaysOn')}</p>
      <div className="rules-grid">
        {OUTCOME_RULES.map((id) => (
          <div key={id} className="rule-row">
            <span>{t(`policy.rules.${id}`)}</span>
            {actionSelect(id, value.rules[id].action)}
            <span />
          </div>
        ))}
      </div>
    </div>
  )
}
