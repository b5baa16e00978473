import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ResponseOf } from '../../../src-shared/contract'
import { ALERT_EVENT_TYPES } from '../../../src-shared/domain/claro'
import { OUTCOME_STATUSES, ROW_VERDICTS, type OutcomeStatus, type RowVerdict } from '../../../src-shared/domain/policy'
import { useBatchResults } from '../../stores/batch/results'
import { useBatchStore } from '../../stores/batch/store'
import { RowDrawer } from './RowDrawer'

type Page = ResponseOf<'batch:rows'>
const PAGE = 200
const ROW_PX = 28

/** A virtualized grid over the whole result (100k+ rows): pages fetched as they scroll into view. */
export function ResultsGrid({ jobId }: { jobId: number }) {
  const { t } = useTranslation()
  const version = useBatchStore((s) => s.version)
  const live = useBatchStore((s) => s.live)
  const [filter, setFilter] = useState<{
    verdict: '' | RowVerdict
    status: '' | OutcomeStatus
    flag: string
    sort: 'row' | 'verdict' | 'score'
  }>({ verdict: '', status: '', flag: '', sort: 'row' })
  const [header, setHeader] = useState<string[]>([])
  const [total, setTotal] = useState(0)
  const [pages, setPages] = useState<Map<number, Page['rows']>>(new Map())
  const [open, setOpen] = useState<number | null>(null)
  const loading = useRef(new Set<number>())
  const scroller = useRef<HTMLDivElement>(null)

  const fetchPage = useCallback(
    async (index: number) => {
      if (loading.current.has(index)) return
      loading.current.add(index)
      try {
        const page = await useBatchResults.getState().rows(jobId, {
          offset: index * PAGE,
          limit: PAGE,
          sort: filter.sort,
          ...(filter.verdict ? { verdict: filter.verdict } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.flag ? { flag: filter.flag } : {}),
        })
        if (!page) return
        setHeader(page.header)
        setTotal(page.total)
        setPages((prev) => new Map(prev).set(index, page.rows))
      } finally {
        loading.current.delete(index)
      }
    },
    [jobId, filter],
  )

  useEffect(() => {
    setPages(new Map())
    loading.current.clear()
    void fetchPage(0)
  }, [fetchPage, version])

  // This build does not use the React Compiler; the virtualizer's unstable functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 30,
  })
  const items = virtual.getVirtualItems()
  useEffect(() => {
    for (const item of items)
      if (!pages.has(Math.floor(item.index / PAGE))) void fetchPage(Math.floor(item.index / PAGE))
  }, [items, pages, fetchPage])

  // While a run is in progress the rows on screen are fetched again as answers land (in file order, unfiltered: the
  // core decides just those pages); the rest of the grid keeps what it has until the run stops.
  const shown = useRef<number[]>([])
  shown.current = [...new Set(items.map((item) => Math.floor(item.index / PAGE)))]
  const plain = filter.sort === 'row' && !filter.verdict && !filter.status && !filter.flag
  useEffect(() => {
    if (live > 0 && plain) for (const index of shown.current) void fetchPage(index)
  }, [live, plain, fetchPage])

  // The verdict first (what an analyst reads), then the row as it came, then the result columns.
  const columns = ['#', t('verdict.title'), ...header]
  // Fixed widths: every row (absolutely placed by the virtualizer) lines up with the header.
  const template = `60px 100px repeat(${header.length}, 150px)`
  const width = 160 + header.length * 150
  return (
    <div className="results" data-testid="batch-grid">
      <div className="inline-form">
        <label htmlFor="grid-verdict">{t('batch.filterVerdict')}</label>
        <select
          id="grid-verdict"
          value={filter.verdict}
          onChange={(e) => setFilter({ ...filter, verdict: e.target.value as '' | RowVerdict })}
        >
          <option value="">{t('batch.all')}</option>
          {ROW_VERDICTS.map((v) => (
            <option key={v} value={v}>
              {t(`verdict.values.${v}`)}
            </option>
          ))}
        </select>
        <label htmlFor="grid-status">{t('batch.filterStatus')}</label>
        <select
          id="grid-status"
          value={filter.status}
          onChange={(e) => setFilter({ ...filter, status: e.target.value as '' | OutcomeStatus })}
        >
          <option value="">{t('batch.all')}</option>
          {OUTCOME_STATUSES.map((v) => (
            <option key={v} value={v}>
              {t(`policy.outcomes.${v}`)}
            </option>
          ))}
        </select>
        <label htmlFor="grid-flag">{t('batch.filterFlag')}</label>
        <select id="grid-flag" value={filter.flag} onChange={(e) => setFilter({ ...filter, flag: e.target.value })}>
          <option value="">{t('batch.all')}</option>
          {ALERT_EVENT_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`claroEvents.${v}`)}
            </option>
          ))}
        </select>
        <label htmlFor="grid-sort">{t('batch.sort')}</label>
        <select
          id="grid-sort"
          value={filter.sort}
          onChange={(e) => setFilter({ ...filter, sort: e.target.value as 'row' | 'verdict' | 'score' })}
        >
          {(['row', 'verdict', 'score'] as const).map((v) => (
            <option key={v} value={v}>
              {t(`batch.sortBy.${v}`)}
            </option>
          ))}
        </select>
        <span className="muted" data-testid="grid-total">
          {t('batch.rowsShown', { count: total })}
        </span>
      </div>
      <div className="grid-scroll" ref={scroller} tabIndex={0} role="region" aria-label={t('batch.gridLabel')}>
        <div className="grid-row grid-head" style={{ gridTemplateColumns: template, width }}>
          {columns.map((c, i) => (
            <span key={i}>{c}</span>
          ))}
        </div>
        <div style={{ height: virtual.getTotalSize(), position: 'relative', width }}>
          {items.map((item) => {
            const row = pages.get(Math.floor(item.index / PAGE))?.[item.index % PAGE]
            return (
              <div
                key={item.key}
                className={`grid-row verdict-${row?.verdict || 'none'}`}
                style={{
                  gridTemplateColumns: template,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_PX,
                  width,
                }}
                data-testid="grid-row"
                onClick={() => row && setOpen(row.rowNo)}
              >
                <span>{row?.rowNo ?? '…'}</span>
                <span
                  className={`verdict-pill verdict-${row?.verdict || 'none'}`}
                  title={row?.reasons.map((r) => r.text).join('\n')}
                >
                  {row?.verdict ? t(`verdict.values.${row.verdict}`) : ''}
                </span>
                {row?.cells.map((c, i) => (
                  <span key={i} title={c}>
                    {c}
                  </span>
                ))}
              </div>
            )
          })}
        </div>
      </div>
      {open !== null && <RowDrawer jobId={jobId} rowNo={open} onClose={() => setOpen(null)} />}
    </div>
  )
}
