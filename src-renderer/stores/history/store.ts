import { create } from 'zustand'
import type { AppError } from '../../../src-shared/contract'
import type { HistoryRow } from '../../../src-shared/contract/history'
import type { RawAnswer } from '../../../src-shared/contract/lookup'
import { appErrorOf, call, on } from '../../api/client'

export interface HistoryFilters {
  kind: '' | HistoryRow['kind']
  outcome: '' | HistoryRow['outcome']
  search: string
  from: string
  to: string
}

export interface HistoryState {
  filters: HistoryFilters
  rows: HistoryRow[]
  total: number
  selected: (HistoryRow & { raw: RawAnswer | null }) | null
  error: AppError | null
  notice: string | null
}

export interface HistoryActions {
  start(): () => void
  setFilters(patch: Partial<HistoryFilters>): void
  load(): Promise<void>
  open(id: number): Promise<void>
  close(): void
  clear(doneText: (count: number) => string): Promise<void>
  /** The record's person in clear, when anything knows them (issue #22 drill-through); null when nothing does. */
  person(id: number): Promise<{ cpf: string; phone: string; email: string; cep: string } | null>
}

/** `<input type="date">` gives local dates; the filter wants instants. */
const dayStart = (d: string): string | undefined => (d ? new Date(`${d}T00:00:00`).toISOString() : undefined)
const dayEnd = (d: string): string | undefined => (d ? new Date(`${d}T23:59:59.999`).toISOString() : undefined)

export const useHistoryStore = create<HistoryState & HistoryActions>()((set, get) => ({
  filters: { kind: '', outcome: '', search: '', from: '', to: '' },
  rows: [],
  total: 0,
  selected: null,
  error: null,
  notice: null,

  start() {
    void get().load()
    return on('history:added', () => void get().load())
  },

  setFilters(patch) {
    set((s) => ({ filters: { ...s.filters, ...patch } }))
    void get().load()
  },

  async load() {
    const f = get().filters
    try {
      const from = dayStart(f.from)
      const to = dayEnd(f.to)
      const answer = await call('history:list', {
        limit: 200,
        ...(f.kind ? { kind: f.kind } : {}),
        ...(f.outcome ? { outcome: f.outcome } : {}),
        ...(f.search.trim() ? { search: f.search.trim() } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      })
      set({ rows: answer.rows, total: answer.total, error: null })
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },

  async open(id) {
    try {
      set({ selected: await call('history:get', { id }) })
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },

  close: () => set({ selected: null }),

  async person(id) {
    try {
      const found = await call('history:person', { id })
      return found.resolved ? found.person : null
    } catch (error) {
      set({ error: appErrorOf(error) })
      return null
    }
  },

  async clear(doneText) {
    try {
      const { deleted } = await call('history:clear', {})
      set({ notice: doneText(deleted), selected: null })
      await get().load()
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },
}))
