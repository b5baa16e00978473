import { create } from 'zustand'
import type { AppError, RequestOf, ResponseOf } from '../../../src-shared/contract'
import { appErrorOf, call } from '../../api/client'

type RowsQuery = Omit<RequestOf<'batch:rows'>, 'jobId'>
type Stats = ResponseOf<'batch:stats'>
type Row = ResponseOf<'batch:row'>
type Exported = ResponseOf<'batch:export'>

export interface BatchResultsState {
  stats: Stats | null
  row: Row | null
  exporting: boolean
  /** A failure reading or exporting results, said on the page (never swallowed). */
  error: AppError | null
}

export interface BatchResultsActions {
  /** A page of the grid (the grid keeps its own cache of pages as they scroll into view). */
  rows(jobId: number, query: RowsQuery): Promise<ResponseOf<'batch:rows'> | null>
  loadStats(jobId: number): Promise<void>
  loadRow(jobId: number, rowNo: number): Promise<void>
  exportJob(jobId: number, format: 'csv' | 'xlsx', delimiter: ';' | ','): Promise<Exported | null>
  /** The job's recorded decision sets, oldest first (issue #22). */
  decisionSets(jobId: number): Promise<ResponseOf<'batch:decisions'> | null>
}

/** The results of the open batch: grid pages, dashboard figures, one row's detail, exports. */
export const useBatchResults = create<BatchResultsState & BatchResultsActions>()((set) => {
  const attempt = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      const value = await work()
      set({ error: null })
      return value
    } catch (error) {
      set({ error: appErrorOf(error) })
      return null
    }
  }
  return {
    stats: null,
    row: null,
    exporting: false,
    error: null,
    rows: (jobId, query) => attempt(() => call('batch:rows', { jobId, ...query })),
    async loadStats(jobId) {
      set({ stats: await attempt(() => call('batch:stats', { jobId })) })
    },
    async loadRow(jobId, rowNo) {
      set({ row: null })
      set({ row: await attempt(() => call('batch:row', { jobId, rowNo })) })
    },
    decisionSets: (jobId) => attempt(() => call('batch:decisions', { jobId })),
    async exportJob(jobId, format, delimiter) {
      set({ exporting: true })
      const file = await attempt(() => call('batch:export', { jobId, format, delimiter }))
      set({ exporting: false })
      return file
    },
  }
})
