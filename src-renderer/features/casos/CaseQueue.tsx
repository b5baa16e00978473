import { forwardRef, memo, useEffect, useMemo } from 'react'
import type { TFunction } from 'i18next'
import type { Translate } from '../../../src-shared/i18n'
import { useTranslation } from 'react-i18next'
import type { CaseSummary } from '../../../src-shared/contract/cases'
import { policyLabel, reasonText } from '../../../src-shared/domain/policy'
import type { Formats } from '../../../src-shared/domain/format'
import { useTranslate } from '../../i18n'
import { useFormats } from '../../i18n/formats'
import { useCasesStore } from '../../stores/cases/store'

const DAY_MS = 86_400_000

/** Who the case is about, as people write it: the name, the phone, the CPF. */
export function personLine(p: CaseSummary['person'], f: Formats): string {
  return [p.label, p.phone && f.phone(p.phone), p.cpf && f.cpf(p.cpf)].filter(Boolean).join(' · ')
}

/** The words and formats every row uses, made once for the whole queue (100 rows, not 300 hooks). */
interface Words {
  t: TFunction
  tr: Translate
  f: Formats
}

interface OptionProps {
  row: CaseSummary
  selected: boolean
  words: Words
}

/**
 * A row re-renders only when its case or the cursor on it changed (the queue is read again after every act). Not its
 * position: a decided case leaves the queue and every row below it moves up — none of them is drawn again for that.
 */
const same = (a: OptionProps, b: OptionProps): boolean =>
  a.words === b.words &&
  a.selected === b.selected &&
  a.row.id === b.row.id &&
  a.row.updatedAt === b.row.updatedAt &&
  a.row.status === b.row.status

const CaseOption = memo(function CaseOption({ row, selected, words }: OptionProps) {
  const { t, tr, f } = words
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(row.openedAt)) / DAY_MS))
  const first = row.machine.reasons[0]
  return (
    <div
      id={`case-${row.id}`}
      role="option"
      aria-selected={selected}
      className={selected ? 'case-row selected' : 'case-row'}
      data-testid="case-row"
      data-case={row.id}
      onClick={() => {
        const s = useCasesStore.getState()
        s.select(s.rows.findIndex((r) => r.id === row.id))
        void s.openCase(row.id)
      }}
    >
      <span className="case-age">{t('cases.openedAgo', { count: days })}</span>
      <span className="case-person">{personLine(row.person, f) || t('cases.noIdentifier')}</span>
      <span className={`verdict-pill verdict-${row.machine.verdict}`}>
        {t(`verdict.values.${row.machine.verdict}`)}
      </span>
      <span className="case-reason">{first ? reasonText(first, tr) : t('verdict.none')}</span>
      <span className="case-meta muted">
        {t(`cases.origins.${row.origin}`)} · {policyLabel(row.machine.policy)}
        {row.decision && (
          <>
            {' · '}
            <strong className={`verdict-pill verdict-${row.decision.verdict}`}>
              {t(`verdict.values.${row.decision.verdict}`)}
            </strong>
          </>
        )}
      </span>
    </div>
  )
}, same)

/** The queue as a listbox: one option under the cursor (aria-activedescendant), moved with j/k or the arrows. */
export const CaseQueue = forwardRef<HTMLDivElement>(function CaseQueue(_props, ref) {
  const { t } = useTranslation()
  const tr = useTranslate()
  const f = useFormats()
  const words = useMemo(() => ({ t, tr, f }), [t, tr, f])
  const rows = useCasesStore((s) => s.rows)
  const selected = useCasesStore((s) => s.selected)
  const total = useCasesStore((s) => s.total)
  const loading = useCasesStore((s) => s.loading)
  const current = rows[selected]
  useEffect(() => {
    if (current) document.getElementById(`case-${current.id}`)?.scrollIntoView({ block: 'nearest' })
  }, [current])
  if (!loading && rows.length === 0)
    return (
      <p className="muted" data-testid="cases-empty">
        {t('cases.empty')}
      </p>
    )
  return (
    <>
      <div
        ref={ref}
        className="case-queue"
        role="listbox"
        tabIndex={0}
        aria-label={t('cases.queue')}
        aria-describedby="cases-keys"
        aria-activedescendant={current ? `case-${current.id}` : undefined}
        data-testid="case-queue"
      >
        {rows.map((row, i) => (
          <CaseOption key={row.id} row={row} selected={i === selected} words={words} />
        ))}
      </div>
      {rows.length < total && (
        <button type="button" className="link" onClick={() => void useCasesStore.getState().more()}>
          {t('cases.more')}
        </button>
      )}
    </>
  )
})
