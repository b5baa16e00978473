import { create } from 'zustand'
import type { AppError, EventOf, ResponseOf } from '../../../src-shared/contract'
import type { Check, Mapping } from '../../../src-shared/domain/batch'
import { appErrorOf, call, on } from '../../api/client'
import { MAX_UPLOAD_BYTES } from '../../../src-shared/contract/batch'
import { uploadList } from '../../api/upload'
import { i18next } from '../../i18n'
import type { Policy } from '../../../src-shared/domain/policy'

type Upload = ResponseOf<'batch:upload-end'>
type Plan = ResponseOf<'batch:plan'>
type Progress = EventOf<'batch:progress'>

export interface BatchState {
  upload: Upload | null
  fileName: string
  mapping: Mapping
  checks: Check[]
  reuseHours: number
  plan: Plan | null
  progress: Progress | null
  jobs: ResponseOf<'batch:jobs'>
  /** The job whose results are on screen. */
  jobId: number | null
  busy: boolean
  error: AppError | null
  /** Per-provider pace of the next start (seed 003 §9.3: MSE blocks partners over their volume). */
  pace: { concurrency: number; rate: Record<'claro' | 'clearsale' | 'mse', number> }
  /** Bumped when results changed: the grid and charts refetch. */
  version: number
  /** Bumped at most every 1.5 s while a run answers: the rows on screen refresh. */
  live: number
  /** The last what-if simulation of the open job (no provider call). */
  whatIf: ResponseOf<'batch:whatif'> | null
  simulating: boolean
}

export interface BatchActions {
  start(): () => void
  choose(file: File): Promise<void>
  setMapping(mapping: Mapping): void
  toggleCheck(check: Check): void
  setReuseHours(hours: number): void
  makePlan(): Promise<void>
  run(): Promise<void>
  control(action: 'pause' | 'resume' | 'cancel'): Promise<void>
  loadJobs(): Promise<void>
  setPace(pace: BatchState['pace']): void
  open(jobId: number): void
  simulate(policy: Policy): Promise<void>
  /** Re-decides the open (finished) job by this policy, explicitly, with a reason: the job as decided now. */
  adopt(policy: Policy, reason: string): Promise<ResponseOf<'batch:adopt'> | null>
}

/** The batch on screen survives a reload (issue #16: progress stays): its id, per browser tab. */
const JOB_KEY = 'sentinela.batchJob'
function savedJob(): number | null {
  const id = Number(window.sessionStorage.getItem(JOB_KEY))
  return Number.isInteger(id) && id > 0 ? id : null
}
function keepJob(id: number): void {
  window.sessionStorage.setItem(JOB_KEY, String(id))
}

export const useBatchStore = create<BatchState & BatchActions>()((set, get) => ({
  upload: null,
  fileName: '',
  mapping: {},
  checks: ['alerts', 'score'],
  reuseHours: 0,
  plan: null,
  progress: null,
  jobs: [],
  jobId: savedJob(),
  busy: false,
  error: null,
  version: 0,
  live: 0,
  whatIf: null,
  simulating: false,
  pace: { concurrency: 4, rate: { claro: 10, clearsale: 10, mse: 5 } },

  start() {
    void get().loadJobs()
    // A new policy or language re-decides and re-words the results: the grid and charts refetch.
    const stopSettings = on('settings:changed', () => set({ version: get().version + 1 }))
    let refreshed = 0
    const stopProgress = on('batch:progress', (p) => {
      if (p.jobId !== get().jobId) return
      if (p.status === 'running' && performance.now() - refreshed > 1500) {
        refreshed = performance.now()
        set({ live: get().live + 1 })
        void get().loadJobs() // the per-provider counts under the progress bar
      }
      // The grid and charts refresh when the run stops (done, cancelled, paused), not on every answer: rebuilding
      // the results of a 100k-row list while it runs would slow the run down.
      const ended = p.status === 'done' || p.status === 'cancelled'
      const changed = p.status !== get().progress?.status && (ended || p.status === 'paused')
      set({ progress: p, version: changed ? get().version + 1 : get().version })
      if (ended) void get().loadJobs()
    })
    return () => {
      stopSettings()
      stopProgress()
    }
  },

  async choose(file) {
    set({ busy: true, error: null, upload: null, plan: null, fileName: file.name })
    if (file.size > MAX_UPLOAD_BYTES) {
      // Said before a byte travels (the core refuses it too, at the piece past the limit).
      set({
        busy: false,
        error: {
          code: 'batch.upload_too_large',
          message: i18next.t('errors.batch.upload_too_large', { limit: `${MAX_UPLOAD_BYTES / 1024 / 1024} MB` }),
        },
      })
      return
    }
    try {
      const upload = await uploadList(file)
      set({ upload, mapping: upload.mapping })
    } catch (error) {
      set({ error: appErrorOf(error) })
    } finally {
      set({ busy: false })
    }
  },

  setMapping: (mapping) => set({ mapping, plan: null }),
  toggleCheck: (check) =>
    set({
      checks: get().checks.includes(check) ? get().checks.filter((c) => c !== check) : [...get().checks, check],
      plan: null,
    }),
  setReuseHours: (reuseHours) => set({ reuseHours, plan: null }),

  async makePlan() {
    const { upload, checks, mapping, reuseHours, fileName } = get()
    if (!upload?.uploadId) return
    set({ busy: true, error: null })
    try {
      const name = fileName.trim() ? { name: fileName.trim().slice(0, 200) } : {}
      const plan = await call('batch:plan', { uploadId: upload.uploadId, ...name, checks, mapping, reuseHours })
      keepJob(plan.job.id)
      set({ plan, jobId: plan.job.id, progress: null })
      void get().loadJobs()
    } catch (error) {
      set({ error: appErrorOf(error) })
    } finally {
      set({ busy: false })
    }
  },

  async run() {
    const jobId = get().jobId
    if (jobId === null) return
    try {
      const { pace } = get()
      await call('batch:start', { jobId, concurrency: pace.concurrency, rate: pace.rate })
      void get().loadJobs()
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },

  async control(action) {
    const jobId = get().jobId
    if (jobId === null) return
    try {
      const { status } = await call('batch:control', { jobId, action })
      const progress = get().progress
      if (progress) set({ progress: { ...progress, status: status as typeof progress.status } })
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },

  async loadJobs() {
    try {
      const jobs = await call('batch:jobs', {})
      // A batch remembered across a reload that is gone (erased, purged) is let go, not shown as an error.
      const jobId = get().jobId
      set({ jobs, ...(jobId !== null && !jobs.some((j) => j.id === jobId) ? { jobId: null } : {}) })
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },

  setPace: (pace) => set({ pace }),

  open(jobId) {
    keepJob(jobId)
    set({ jobId, plan: null, upload: null, progress: null, whatIf: null, version: get().version + 1 })
  },

  async adopt(policy, reason) {
    const jobId = get().jobId
    if (jobId === null) return null
    set({ simulating: true, error: null })
    try {
      const adopted = await call('batch:adopt', { jobId, policy, reason })
      set({ whatIf: null, version: get().version + 1 })
      void get().loadJobs()
      return adopted
    } catch (error) {
      set({ error: appErrorOf(error) })
      return null
    } finally {
      set({ simulating: false })
    }
  },

  async simulate(policy) {
    const jobId = get().jobId
    if (jobId === null) return
    set({ simulating: true, error: null })
    try {
      set({ whatIf: await call('batch:whatif', { jobId, policy, limit: 200 }) })
    } catch (error) {
      set({ error: appErrorOf(error), whatIf: null })
    } finally {
      set({ simulating: false })
    }
  },
}))
