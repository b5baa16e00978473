import { useTranslation } from 'react-i18next'
import type { RelatedView } from '../../../src-shared/contract/privacy'

/** A related identifier by its key (kind and value): what the checkboxes tick. */
export const relatedKey = (r: RelatedView): string => `${r.kind}:${r.value ?? ''}`

/**
 * Issue #23: the identifiers the person's records name (the phone and e-mail of a CPF's Data Trust answer), each
 * offered for the same erasure — unticked: a shared number is someone else's. A masked one can only be typed whole.
 */
export function RelatedList({
  related,
  ticked,
  onToggle,
}: {
  related: RelatedView[]
  ticked: ReadonlySet<string>
  onToggle: (key: string) => void
}) {
  const { t } = useTranslation()
  if (related.length === 0) return null
  return (
    <div data-testid="privacy-related">
      <p>{t('privacy.related')}</p>
      <ul>
        {related.map((r) => {
          const kind = t(`privacy.kinds.${r.kind}`)
          if (r.value === null)
            return (
              <li key={relatedKey(r)} className="hint">
                {t('privacy.relatedMasked', { kind, shown: r.shown })}
              </li>
            )
          return (
            <li key={relatedKey(r)}>
              <label>
                <input type="checkbox" checked={ticked.has(relatedKey(r))} onChange={() => onToggle(relatedKey(r))} />{' '}
                {t('privacy.relatedAlso')}: {kind} <span className="mono">{r.shown}</span>
              </label>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
