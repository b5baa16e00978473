import { create } from 'zustand'
import type { AppError, ResponseOf } from '../../../src-shared/contract'
import type { WatchChangeView } from '../../../src-shared/contract/watch'
import { ApiError, appErrorOf, call, on } from '../../api/client'
import { uploadList } from '../../api/upload'

type Lists = ResponseOf<'watch:lists'>
type Line = ResponseOf<'watch:line'>

export interface WatchState {
  lists: Lists
  changes: WatchChangeView[]
  /** The newest change heard while the app is open: the in-app notification. */
  notice: WatchChangeView | null
  webhook: ResponseOf<'watch:webhook'> | null
  line: Line | null
  lineChanges: WatchChangeView[]
  busy: boolean
  error: AppError | null
}

export interface WatchActions {
  start(): () => void
  load(): Promise<void>
  add(file: File, input: { name: string; checks: ('alerts' | 'score')[]; everyMinutes: number }): Promise<void>
  /** A list from a finished batch (paused, like any new list). */
  addFromJob(jobId: number, name: string): Promise<boolean>
  setActive(listId: number, active: boolean): Promise<void>
  run(listId: number): Promise<void>
  remove(listId: number): Promise<void>
  openLine(lineId: number): Promise<void>
  closeLine(): void
  markRead(ids: number[]): Promise<void>
  /** Sends abandoned deliveries again (issue #24): these changes, or all when none is given. */
  retryDeliveries(ids?: number[]): Promise<void>
  dismissNotice(): void
  loadWebhook(): Promise<void>
}

export const useWatchStore = create<WatchState & WatchActions>()((set, get) => {
  const guard = async (work: () => Promise<void>): Promise<void> => {
    set({ busy: true, error: null })
    try {
      await work()
    } catch (error) {
      set({ error: appErrorOf(error) })
    } finally {
      set({ busy: false })
    }
  }
  const refresh = async (): Promise<void> => {
    const [lists, changes] = await Promise.all([call('watch:lists', {}), call('watch:changes', {})])
    set({ lists, changes })
  }
  return {
    lists: [],
    changes: [],
    notice: null,
    webhook: null,
    line: null,
    lineChanges: [],
    busy: false,
    error: null,

    start() {
      void get().load()
      return on('watch:change', (change) => {
        set({ notice: change, changes: [change, ...get().changes.filter((c) => c.id !== change.id)] })
        void call('watch:lists', {}).then((lists) => set({ lists }))
      })
    },

    load: () => guard(refresh),

    add: (file, input) =>
      guard(async () => {
        const upload = await uploadList(file)
        if (upload.problem) throw new ApiError({ code: 'watch.import_failed', message: upload.problem })
        await call('watch:add', { uploadId: upload.uploadId, ...input })
        await refresh()
      }),

    async addFromJob(jobId, name) {
      let ok = false
      await guard(async () => {
        await call('watch:add', { jobId, name, checks: ['alerts'], everyMinutes: 60 })
        await refresh()
        ok = true
      })
      return ok
    },

    setActive: (listId, active) =>
      guard(async () => {
        await call('watch:set-active', { listId, active })
        await refresh()
      }),

    run: (listId) =>
      guard(async () => {
        set({ lists: get().lists.map((l) => (l.id === listId ? { ...l, running: true } : l)) })
        await call('watch:run', { listId })
        await refresh()
      }),

    remove: (listId) =>
      guard(async () => {
        await call('watch:remove', { listId })
        await refresh()
      }),

    openLine: (lineId) =>
      guard(async () => {
        const [line, lineChanges] = await Promise.all([
          call('watch:line', { lineId }),
          call('watch:changes', { lineId }),
        ])
        set({ line, lineChanges })
      }),

    closeLine: () => set({ line: null, lineChanges: [] }),

    markRead: (ids) =>
      guard(async () => {
        await call('watch:read', { ids })
        await refresh()
      }),

    retryDeliveries: (ids) =>
      guard(async () => {
        await call('watch:retry-deliveries', ids ? { ids } : { all: true })
        await refresh()
      }),

    dismissNotice: () => set({ notice: null }),

    loadWebhook: () =>
      guard(async () => {
        set({ webhook: await call('watch:webhook', {}) })
      }),
  }
})
