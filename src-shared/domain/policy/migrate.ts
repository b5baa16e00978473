import { DEFAULT_POLICY, type Policy } from './schema'

/*
 * Settings written before the policy existed held three thresholds for two ideas: `scoreThreshold` (the Score
 * gauge, default 500), `riskWindowDays` (the Alerta timeline colours, default 7) and `verdictRules` (the verdicts:
 * score 300, windows 7). They fold into one policy. The rules' own values win — they decided every stored verdict;
 * a display threshold the user had set is used only where no rule was ever saved. A disagreement is reported.
 */

type Raw = Record<string, unknown>
type OldRule = { enabled?: unknown; action?: unknown; threshold?: unknown }

export interface Migration {
  settings: Raw
  /** The old values that disagreed with the rule kept, for a notice; empty when nothing was lost. */
  dropped: { setting: 'scoreThreshold' | 'riskWindowDays'; value: number; kept: number }[]
  migrated: boolean
}

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const action = (v: unknown, fallback: 'revisar' | 'recusar'): 'revisar' | 'recusar' =>
  v === 'revisar' || v === 'recusar' ? v : fallback

export function migrateSettings(raw: unknown): Migration {
  if (
    !isObject(raw) ||
    isObject(raw['policy']) ||
    !('verdictRules' in raw || 'scoreThreshold' in raw || 'riskWindowDays' in raw)
  ) {
    return { settings: isObject(raw) ? raw : {}, dropped: [], migrated: false }
  }
  const { verdictRules, scoreThreshold, riskWindowDays, ...rest } = raw
  const old: Record<string, OldRule> = isObject(verdictRules) ? (verdictRules as Record<string, OldRule>) : {}
  const d = DEFAULT_POLICY.rules
  const signal = <
    K extends 'takeover_recent' | 'line_change_recent' | 'claro_score_low' | 'datatrust_score_low' | 'insight_alert',
  >(
    id: K,
  ) => ({
    enabled: typeof old[id]?.enabled === 'boolean' ? (old[id]?.enabled as boolean) : d[id].enabled,
    action: action(old[id]?.action, d[id].action),
  })
  const dropped: Migration['dropped'] = []
  const fold = (
    setting: 'scoreThreshold' | 'riskWindowDays',
    ruleValue: number | undefined,
    displayValue: number | undefined,
    fallback: number,
  ): number => {
    const kept = ruleValue ?? displayValue ?? fallback
    if (displayValue !== undefined && displayValue !== kept) dropped.push({ setting, value: displayValue, kept })
    return kept
  }
  const window = num(riskWindowDays)
  const takeoverDays = fold('riskWindowDays', num(old['takeover_recent']?.threshold), window, d.takeover_recent.days)
  const policy: Policy = {
    ...DEFAULT_POLICY,
    rules: {
      ...d,
      takeover_recent: { ...signal('takeover_recent'), days: takeoverDays },
      line_change_recent: {
        ...signal('line_change_recent'),
        days: num(old['line_change_recent']?.threshold) ?? window ?? d.line_change_recent.days,
      },
      claro_score_low: {
        ...signal('claro_score_low'),
        below: fold(
          'scoreThreshold',
          num(old['claro_score_low']?.threshold),
          num(scoreThreshold),
          d.claro_score_low.below,
        ),
      },
      datatrust_score_low: {
        ...signal('datatrust_score_low'),
        below: num(old['datatrust_score_low']?.threshold) ?? d.datatrust_score_low.below,
      },
      insight_alert: signal('insight_alert'),
      not_found: { action: action(old['not_found']?.action, d.not_found.action) },
      failed: { action: action(old['provider_failed']?.action, d.failed.action) },
    },
  }
  return { settings: { ...rest, policy }, dropped, migrated: true }
}
