import { useTranslation } from 'react-i18next'
import { useHistoryStore, type HistoryFilters } from '../../stores/history/store'
import { HISTORY_KINDS } from '../../../src-shared/contract/history'

export function HistoryFiltersBar() {
  const { t } = useTranslation()
  const filters = useHistoryStore((s) => s.filters)
  const setFilters = useHistoryStore((s) => s.setFilters)
  return (
    <div className="filters" role="search">
      <label>
        {t('history.kind')}
        <select value={filters.kind} onChange={(e) => setFilters({ kind: e.target.value as HistoryFilters['kind'] })}>
          <option value="">{t('history.kinds.all')}</option>
          {HISTORY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`history.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('history.outcome')}
        <select
          value={filters.outcome}
          onChange={(e) => setFilters({ outcome: e.target.value as HistoryFilters['outcome'] })}
        >
          <option value="">{t('history.outcomes.all')}</option>
          <option value="ok">{t('history.outcomes.ok')}</option>
          <option value="not_found">{t('history.outcomes.not_found')}</option>
          <option value="error">{t('history.outcomes.error')}</option>
        </select>
      </label>
      <label>
        {t('history.search')}
        <input
          value={filters.search}
          onChange={(e) => setFilters({ search: e.target.value })}
          maxLength={40}
          spellCheck={false}
        />
      </label>
      <label>
        {t('history.from')}
        <input type="date" value={filters.from} onChange={(e) => setFilters({ from: e.target.value })} />
      </label>
      <label>
        {t('history.to')}
        <input type="date" value={filters.to} onChange={(e) => setFilters({ to: e.target.value })} />
      </label>
    </div>
  )
}
