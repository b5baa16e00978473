import { useTranslation } from 'react-i18next'
import type { HistoryRow } from '../../../src-shared/contract/history'
import { policyLabel, reasonText } from '../../../src-shared/domain/policy'
import { useTranslate } from '../../i18n'
import { useFormats } from '../../i18n/formats'

/**
 * A history record's summary in words (issue #16): event names, scores and verdicts as sentences; a failure says
 * what happened and keeps its code beside it, styled as code. The stored summary stays machine-readable.
 */
export function HistorySummary({ row }: { row: HistoryRow }) {
  const { t } = useTranslation()
  const tr = useTranslate()
  const fmt = useFormats()
  if (row.verdict) {
    return (
      <span data-testid="history-verdict">
        <strong className={`verdict-pill verdict-${row.verdict}`}>{t(`verdict.values.${row.verdict}`)}</strong>
        {(row.reasons ?? []).map((r, i) => (
          <span key={i} className="muted">
            {' '}
            · {reasonText(r, tr)}
          </span>
        ))}
        {row.policy && <span className="hint"> ({t('policy.label', { label: policyLabel(row.policy) })})</span>}
      </span>
    )
  }
  if (row.outcome !== 'ok') {
    return (
      <span>
        {t(row.outcome === 'not_found' ? 'history.notFoundSummary' : 'history.errorSummary')}{' '}
        {row.errorCode && <code>{row.errorCode}</code>}
      </span>
    )
  }
  if (row.kind === 'alerts') {
    const events = row.summary === '0' || row.summary === '' ? [] : row.summary.split(',')
    return (
      <span>
        {events.length === 0
          ? t('history.noEvents')
          : events.map((e) => t(`claroEvents.${e}`, { defaultValue: e })).join(', ')}
      </span>
    )
  }
  if (row.kind === 'score') return <span>{t('history.scoreSummary', { score: row.summary })}</span>
  if (row.kind === 'datatrust') {
    const [id = '', , score = '-'] = row.summary.includes('· result ·')
      ? row.summary.split(' · ')
      : [row.summary.split(' · ')[0], '', row.summary.split(' · ')[1]]
    const value = Number(score)
    return (
      <span>
        {t('history.dtSummary', {
          id,
          score: score === '-' || Number.isNaN(value) ? t('history.noScore') : fmt.number(value, 2),
        })}
      </span>
    )
  }
  return <span>{row.summary}</span>
}
