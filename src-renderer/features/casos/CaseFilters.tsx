import { useTranslation } from 'react-i18next'
import { CASE_ORIGINS } from '../../../src-shared/domain/cases'
import { policyLabel } from '../../../src-shared/domain/policy'
import { useCasesStore } from '../../stores/cases/store'

const AGES = { any: undefined, d1: 1, d7: 7, d30: 30 } as const
type Age = keyof typeof AGES

/** The queue's filters: status, origin, the rule that fired, age, the policy; and the order (oldest first). */
export function CaseFilters() {
  const { t } = useTranslation()
  const filter = useCasesStore((s) => s.filter)
  const rules = useCasesStore((s) => s.rules)
  const policies = useCasesStore((s) => s.policies)
  const total = useCasesStore((s) => s.total)
  const setFilter = useCasesStore((s) => s.setFilter)
  const age = (Object.keys(AGES) as Age[]).find((k) => AGES[k] === filter.olderThanDays) ?? 'any'
  return (
    <div className="inline-form case-filters" role="group" aria-label={t('cases.filters')}>
      <label htmlFor="cases-status">{t('cases.status')}</label>
      <select
        id="cases-status"
        value={filter.status ?? 'open'}
        onChange={(e) => void setFilter({ status: e.target.value as 'open' | 'decided' | 'all' })}
      >
        {(['open', 'decided', 'all'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`cases.statuses.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor="cases-origin">{t('cases.origin')}</label>
      <select
        id="cases-origin"
        value={filter.origin ?? ''}
        onChange={(e) =>
          void setFilter({ origin: (e.target.value || undefined) as (typeof CASE_ORIGINS)[number] | undefined })
        }
      >
        <option value="">{t('cases.all')}</option>
        {CASE_ORIGINS.map((o) => (
          <option key={o} value={o}>
            {t(`cases.origins.${o}`)}
          </option>
        ))}
      </select>
      <label htmlFor="cases-rule">{t('cases.rule')}</label>
      <select
        id="cases-rule"
        value={filter.rule ?? ''}
        onChange={(e) => void setFilter({ rule: e.target.value || undefined })}
      >
        <option value="">{t('cases.all')}</option>
        {rules.map((r) => (
          <option key={r.rule} value={r.rule}>
            {t(`policy.rules.${r.rule}`, { defaultValue: t('policy.reasons.nothing_checked') })} ({r.count})
          </option>
        ))}
      </select>
      <label htmlFor="cases-age">{t('cases.age')}</label>
      <select
        id="cases-age"
        value={age}
        onChange={(e) => void setFilter({ olderThanDays: AGES[e.target.value as Age] })}
      >
        {(Object.keys(AGES) as Age[]).map((a) => (
          <option key={a} value={a}>
            {t(`cases.ages.${a}`)}
          </option>
        ))}
      </select>
      <label htmlFor="cases-policy">{t('cases.policy')}</label>
      <select
        id="cases-policy"
        value={filter.policyHash ?? ''}
        onChange={(e) => void setFilter({ policyHash: e.target.value || undefined })}
      >
        <option value="">{t('cases.all')}</option>
        {policies.map((p) => (
          <option key={p.hash} value={p.hash}>
            {policyLabel(p)} ({p.count})
          </option>
        ))}
      </select>
      <label htmlFor="cases-sort">{t('cases.sort')}</label>
      <select
        id="cases-sort"
        value={filter.sort ?? 'oldest'}
        onChange={(e) => void setFilter({ sort: e.target.value as 'oldest' | 'newest' })}
      >
        {(['oldest', 'newest'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`cases.sorts.${s}`)}
          </option>
        ))}
      </select>
      <span className="muted" data-testid="cases-total" aria-live="polite">
        {t('cases.total', { count: total })}
      </span>
    </div>
  )
}
