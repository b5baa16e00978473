import { useTranslation } from 'react-i18next'
import { RULE_IDS, type Rule, type RuleId } from '../../../src-shared/domain/verdict'
import { useAppStore } from '../../stores/app/store'
import { NumberSetting } from '../settings/NumberSetting'

const WITH_THRESHOLD: Partial<Record<RuleId, [number, number]>> = {
  takeover_recent: [1, 365],
  line_change_recent: [1, 365],
  claro_score_low: [0, 1000],
  datatrust_score_low: [0, 100],
}

/** The verdict rules, saved in settings (settings:update): switch, action, threshold. */
export function RulesEditor() {
  const { t } = useTranslation()
  const rules = useAppStore((s) => s.settings?.verdictRules)
  const update = useAppStore((s) => s.updateSettings)
  if (!rules) return null
  const save = (id: RuleId, patch: Partial<Rule>): void => void update({ verdictRules: { ...rules, [id]: { ...rules[id], ...patch } } })
  return (
    <details className="card rules" data-testid="rules-editor">
      <summary>{t('verdict.rules.title')}</summary>
      <div className="rules-grid">
        {RULE_IDS.map((id) => {
          const range = WITH_THRESHOLD[id]
          return (
            <div key={id} className="rule-row">
              <label className="check">
                <input type="checkbox" checked={rules[id].enabled} onChange={(e) => save(id, { enabled: e.target.checked })} />
                {t(`verdict.rules.${id}`)}
              </label>
              <select aria-label={`${t(`verdict.rules.${id}`)} — ${t('verdict.rules.action')}`} value={rules[id].action} onChange={(e) => save(id, { action: e.target.value as Rule['action'] })}>
                <option value="revisar">{t('verdict.values.revisar')}</option>
                <option value="recusar">{t('verdict.values.recusar')}</option>
              </select>
              {range ? (
                <div className="rule-threshold">
                  <NumberSetting id={`rule-${id}`} label="" value={rules[id].threshold ?? 0} min={range[0]} max={range[1]} onCommit={(v) => save(id, { threshold: v })} />
                </div>
              ) : (
                <span />
              )}
            </div>
          )
        })}
      </div>
    </details>
  )
}
