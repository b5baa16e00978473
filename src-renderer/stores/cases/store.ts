import { create } from 'zustand'
import type { AppError, RequestOf, ResponseOf } from '../../../src-shared/contract'
import type { CaseDetail, CaseSummary } from '../../../src-shared/contract/cases'
import type { AnalystVerdict, CaseReason } from '../../../src-shared/domain/cases'
import { appErrorOf, call, on } from '../../api/client'

export type CaseFilter = Omit<RequestOf<'cases:list'>, 'offset' | 'limit'>

/** What the analyst is doing in the open case: reading it, deciding it, writing a note, reopening it. */
export type CaseForm = { kind: 'decide'; verdict: AnalystVerdict } | { kind: 'note' } | { kind: 'reopen' } | null

export interface CasesState {
  filter: CaseFilter
  rows: CaseSummary[]
  total: number
  rules: NonNullable<ResponseOf<'cases:list'>['rules']>
  policies: NonNullable<ResponseOf<'cases:list'>['policies']>
  /** The row under the cursor (j/k, arrows). */
  selected: number
  /** The case open in the drawer. */
  open: CaseDetail | null
  form: CaseForm
  loading: boolean
  busy: boolean
  error: AppError | null
  /** The last act, said once (role=status). */
  message: { key: string; params: Record<string, string | number> } | null
}

export interface CasesActions {
  start(): () => void
  setFilter(patch: Partial<CaseFilter>): Promise<void>
  /** Reads the queue again; with `facets`, the filters' choices too (when cases changed, not when a filter did). */
  load(facets?: boolean): Promise<void>
  more(): Promise<void>
  move(delta: number): void
  select(index: number): void
  openSelected(): Promise<void>
  openCase(id: number): Promise<void>
  close(): void
  startForm(form: Exclude<CaseForm, null>): Promise<void>
  cancelForm(): void
  decide(reason: CaseReason, note: string): Promise<boolean>
  note(text: string): Promise<boolean>
  reopen(note: string): Promise<boolean>
}

const PAGE = 100

export const useCasesStore = create<CasesState & CasesActions>()((set, get) => {
  const attempt = async <T>(work: () => Promise<T>): Promise<T | null> => {
    set({ busy: true, error: null })
    try {
      return await work()
    } catch (error) {
      set({ error: appErrorOf(error) })
      return null
    } finally {
      set({ busy: false })
    }
  }
  /** After a decision: the drawer closes, the queue is read again (a decided case leaves the open queue). */
  const acted = async (message: CasesState['message']): Promise<void> => {
    set({ open: null, form: null, message })
    await get().load(true)
  }
  return {
    filter: { status: 'open', sort: 'oldest' },
    rows: [],
    total: 0,
    rules: [],
    policies: [],
    selected: 0,
    open: null,
    form: null,
    loading: false,
    busy: false,
    error: null,
    message: null,

    start() {
      void get().load(true)
      // Cases open and close while the screen is up (a batch finishing, a watch pass, another window): read again,
      // at most once a second.
      let timer: ReturnType<typeof setTimeout> | null = null
      const stop = on('cases:changed', ({ id }) => {
        if (get().open?.id === id && !get().form) void get().openCase(id)
        if (timer) return
        timer = setTimeout(() => {
          timer = null
          void get().load(true)
        }, 1000)
      })
      return () => {
        stop()
        if (timer) clearTimeout(timer)
      }
    },

    async setFilter(patch) {
      set({ filter: { ...get().filter, ...patch }, selected: 0 })
      // Open and decided queues have their own choices; other filters keep the ones shown.
      await get().load(patch.status !== undefined)
    },

    async load(facets = false) {
      set({ loading: true })
      try {
        const limit = Math.max(PAGE, get().rows.length)
        const page = await call('cases:list', { ...get().filter, offset: 0, limit: Math.min(500, limit), facets })
        const selected = Math.min(get().selected, Math.max(0, page.rows.length - 1))
        set({
          rows: page.rows,
          total: page.total,
          selected,
          error: null,
          ...(page.rules ? { rules: page.rules } : {}),
          ...(page.policies ? { policies: page.policies } : {}),
        })
      } catch (error) {
        set({ error: appErrorOf(error) })
      } finally {
        set({ loading: false })
      }
    },

    async more() {
      const { rows, total, filter } = get()
      if (rows.length >= total) return
      try {
        const page = await call('cases:list', { ...filter, offset: rows.length, limit: PAGE, facets: false })
        set({ rows: [...rows, ...page.rows], total: page.total })
      } catch (error) {
        set({ error: appErrorOf(error) })
      }
    },

    move(delta) {
      const { rows, selected, total } = get()
      const next = Math.max(0, Math.min(rows.length - 1, selected + delta))
      set({ selected: next })
      // The cursor near the end of what is loaded brings the next page.
      if (next >= rows.length - 5 && rows.length < total) void get().more()
    },

    select(index) {
      set({ selected: index })
    },

    async openSelected() {
      const row = get().rows[get().selected]
      if (row) await get().openCase(row.id)
    },

    async openCase(id) {
      const detail = await attempt(() => call('cases:get', { id }))
      if (detail) set({ open: detail, message: null })
    },

    close() {
      set({ open: null, form: null })
    },

    async startForm(form) {
      if (!get().open) await get().openSelected()
      if (!get().open) return
      // Deciding is for an open case; a decided one is reopened first (its decision stays in the log).
      if (form.kind === 'decide' && get().open?.status !== 'open') return
      set({ form, message: null })
    },

    cancelForm() {
      set({ form: null })
    },

    async decide(reason, note) {
      const { open, form } = get()
      if (!open || form?.kind !== 'decide') return false
      const trimmed = note.trim()
      const input = { id: open.id, verdict: form.verdict, reason, ...(trimmed ? { note: trimmed } : {}) }
      const decided = await attempt(() => call('cases:decide', input))
      if (!decided) return false
      await acted({ key: 'cases.decidedToast', params: { id: open.id, verdict: form.verdict } })
      return true
    },

    async note(text) {
      const open = get().open
      if (!open) return false
      const noted = await attempt(() => call('cases:note', { id: open.id, note: text.trim() }))
      if (!noted) return false
      set({ open: noted, form: null, message: { key: 'cases.notedToast', params: { id: open.id } } })
      return true
    },

    async reopen(note) {
      const open = get().open
      if (!open) return false
      const trimmed = note.trim()
      const reopened = await attempt(() => call('cases:reopen', { id: open.id, ...(trimmed ? { note: trimmed } : {}) }))
      if (!reopened) return false
      set({ open: reopened, form: null })
      await get().load(true)
      return true
    },
  }
})
