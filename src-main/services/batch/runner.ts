import { setTimeout as sleep } from 'node:timers/promises'
import { CHECK_PROVIDER, isEffectCheck, type Check } from '../../../src-shared/domain/batch'
import type { Provider } from '../../../src-shared/domain/environment'
import type { CoreContext } from '../context'
import type { CheckDeps } from './checks'
import { AppFailure, asFailure, toAppError } from '../../infra/errors'
import { clearSaleClient } from '../datatrust/service'
import { findSentTransaction } from '../../providers/clearsale'
import { configurationFailure, dataTrustRequest, dataTrustResult, runCheck, retryable } from './checks'
import type { BatchJournal, JobRow } from './journal'
import { backoffMs, SlidingWindowLimiter, throttle } from './limits'

/*
 * Runs a job's calls in the main process: per provider a pool of workers behind a sliding-window rate limit; bounded
 * retries with backoff and jitter on 429 (Retry-After honoured), 5xx, timeouts and connection errors; a 401 gets the
 * client's one token renewal; other 4xx fail at once. Each answer is journaled before it counts. A run uses the
 * providers' clients (every check) and words its failures:
 */
export type RunDeps = Pick<CoreContext, 'redactor' | 'translate'> & CheckDeps

export interface RunOptions {
  concurrency: Record<Provider, number>
  /** Calls per second per provider (seed 003 §9.3: MSE blocks partners over their volume). */
  rate: Record<Provider, number>
  timeoutMs: number
  maxAttempts: number
}

/** Conservative defaults: well under any documented limit. */
export const DEFAULT_RUN_OPTIONS: RunOptions = {
  concurrency: { claro: 4, clearsale: 4, mse: 2 },
  rate: { claro: 10, clearsale: 10, mse: 5 },
  timeoutMs: 15_000,
  maxAttempts: 5,
}

export interface Progress {
  jobId: number
  status: JobRow['status']
  total: number
  done: number
  failed: number
  remaining: number
  rate: number // calls answered per second over the last seconds
  etaSeconds: number | null
}

export class JobRunner {
  private paused: Promise<void> | null = null
  private release: (() => void) | null = null
  private cancelled = false
  private halted = false
  private finished: Promise<unknown> = Promise.resolve()
  private readonly recent: number[] = []

  constructor(
    private readonly ctx: RunDeps,
    private readonly journal: BatchJournal,
    private readonly job: JobRow,
    private readonly options: RunOptions,
    private readonly onProgress: (p: Progress) => void = () => undefined,
    /** Runs when the job finished or was cancelled, before its status says so (its verdicts are recorded here). */
    private readonly onConcluded: (job: JobRow) => void = () => undefined,
  ) {}

  /** Requests that passed the gate and have not answered yet. */
  private inFlight = 0

  /**
   * No request leaves while paused; those already on the wire still land. "Paused" is reported once the last of them
   * has answered, so the count it shows is final until resumed.
   */
  pause(): void {
    if (this.paused) return
    this.paused = new Promise((resolve) => (this.release = resolve))
    this.journal.setStatus(this.job.id, 'paused')
    this.settled()
  }

  private settled(): void {
    if (this.paused && this.inFlight === 0) this.report('paused')
  }

  resume(): void {
    this.release?.()
    this.paused = null
    this.journal.setStatus(this.job.id, 'running')
    this.report('running')
  }

  cancel(): void {
    this.cancelled = true
    this.resume()
  }

  /** The process is closing: workers stop, the job stays `running` so the next start resumes it. */
  async halt(): Promise<void> {
    this.halted = true
    this.cancelled = true
    this.release?.()
    this.paused = null
    await this.finished
  }

  /** Counted once from the journal, then kept in memory (a COUNT per answer would cost more than the call). */
  private tally: { total: number; done: number; failed: number } | null = null

  private counts(): { total: number; done: number; failed: number } {
    if (!this.tally) {
      const c = this.journal.counts(this.job.id)
      const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0)
      this.tally = { total: sum(c.unique), done: sum(c.answered), failed: sum(c.failed) }
    }
    return this.tally
  }

  private record(check: Check, key: string, call: Parameters<BatchJournal['record']>[3]): void {
    this.journal.record(this.job.id, check, key, call)
    const tally = this.counts()
    if (call.ok) tally.done++
    else tally.failed++
  }

  private readonly progress = throttle((p: Progress) => this.onProgress(p), 10)

  private report(status: JobRow['status']): void {
    const { total, done, failed } = this.counts()
    const now = performance.now()
    while (this.recent.length && (this.recent[0] ?? 0) < now - 5000) this.recent.shift()
    const rate = this.recent.length / Math.min(5, Math.max(1, (now - (this.recent[0] ?? now)) / 1000))
    const remaining = total - done - failed
    this.progress.push({
      jobId: this.job.id,
      status,
      total,
      done,
      failed,
      remaining,
      rate: Math.round(rate * 10) / 10,
      etaSeconds: rate > 0 ? Math.round(remaining / rate) : null,
    })
  }

  /** Before each request: the rate limit, and a pause taken while waiting for it holds the request back. */
  private async gate(limiter: SlidingWindowLimiter): Promise<void> {
    for (;;) {
      if (this.paused) await this.paused
      await limiter.take()
      if (!this.paused) return
    }
  }

  /** A provider whose configuration failed (wrong token URL, refused credential): the failure, recorded once per key. */
  private readonly broken = new Map<Provider, ReturnType<JobRunner['failed']>>()

  /** A failure as the journal keeps it: its code, and its sentence (redacted, bounded). */
  private failed(failure: AppFailure) {
    const message = String(this.ctx.redactor.value(toAppError(failure, this.ctx.translate()).message))
    return { ok: false as const, result: null, code: failure.code, reason: message.slice(0, 500) }
  }

  private async call(check: Check, key: string, limiter: SlidingWindowLimiter): Promise<void> {
    const known = this.broken.get(CHECK_PROVIDER[check])
    if (known) return this.record(check, key, { ...known, attempts: 0 })
    const reused = this.journal.reusable(check, key, this.job.spec.reuseHours, this.job.id)
    if (reused) return this.record(check, key, reused)
    const effect = isEffectCheck(check)
    const exclude = () => this.journal.ownTransactions(this.job.id)
    for (let attempt = 1; ; attempt++) {
      // One request of this call on the wire at a time: counted from the gate until it answered — the call's next
      // request (a token, a 401 retry) passes the gate again, the recorded answer or a retry's wait ends it.
      let sending = false
      const landed = (): void => {
        if (!sending) return
        sending = false
        this.inFlight--
        this.settled()
      }
      const gate = async (): Promise<void> => {
        landed()
        await this.gate(limiter)
        sending = true
        this.inFlight++
      }
      try {
        // An effect is journaled as in flight before its request leaves (a kill -9 now is reconciled on resume).
        if (effect) this.journal.markSending(this.job.id, check, key, new Date())
        const result = await runCheck(this.ctx, check, key, this.options.timeoutMs, gate, exclude)
        return this.record(check, key, { ok: true, result, code: null, reason: null, attempts: attempt })
      } catch (error) {
        const failure = asFailure(error)
        const { retry, afterMs } = retryable(failure)
        if (!retry || attempt >= this.options.maxAttempts || this.cancelled) {
          const failed = this.failed(failure)
          if (configurationFailure(failure.code)) this.broken.set(CHECK_PROVIDER[check], failed)
          return this.record(check, key, { ...failed, attempts: attempt })
        }
        landed()
        await sleep(backoffMs(attempt - 1, afterMs))
      } finally {
        landed()
      }
    }
  }

  private async provider(provider: Provider, checks: Check[]): Promise<void> {
    const limiter = new SlidingWindowLimiter(this.options.rate[provider])
    const queue: { check: Check; key: string }[] = []
    let cursor = { index: 0, after: '' }
    const next = (): { check: Check; key: string } | null => {
      while (queue.length === 0 && cursor.index < checks.length) {
        const check = checks[cursor.index] as Check
        const keys = this.journal.pending(this.job.id, check, 500, cursor.after)
        if (keys.length === 0) cursor = { index: cursor.index + 1, after: '' }
        else {
          cursor = { ...cursor, after: keys[keys.length - 1] ?? '' }
          for (const key of keys) queue.push({ check, key })
        }
      }
      return queue.shift() ?? null
    }
    const worker = async (): Promise<void> => {
      for (;;) {
        if (this.paused) await this.paused
        if (this.cancelled) return
        const item = next()
        if (!item) return
        await this.call(item.check, item.key, limiter)
        this.recent.push(performance.now())
        if (!this.paused) this.report('running')
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency[provider]) }, worker))
  }

  /**
   * Effects a killed process left in flight are settled before anything else is sent: a Data Trust transaction found
   * by the search is adopted; one proven absent goes back to the queue; one the search cannot settle stays
   * "resultado incerto" and is never re-sent by a resume.
   */
  private async reconcileInFlight(): Promise<void> {
    // One limiter and one client for every search: the searches keep within the provider's rate too.
    const limiter = new SlidingWindowLimiter(this.options.rate.clearsale)
    let client: Awaited<ReturnType<typeof clearSaleClient>> | undefined
    for (const { check, key, startedAt } of this.journal.inFlight(this.job.id)) {
      if (this.cancelled) return
      if (check !== 'datatrust') {
        this.record(check, key, { ok: false, result: null, code: 'outcome_unknown', reason: null, attempts: 1 })
        continue
      }
      // A request killed in flight may still be processed at the provider until its own time limit: the search waits
      // that long after the send began, so it cannot miss a transaction still being created.
      const settleAt = Date.parse(startedAt) + this.options.timeoutMs
      if (settleAt > Date.now()) await sleep(settleAt - Date.now())
      client ??= await clearSaleClient(this.ctx, this.options.timeoutMs, () => this.gate(limiter))
      const settled = await findSentTransaction(
        client,
        dataTrustRequest(key),
        new Date(startedAt),
        this.journal.ownTransactions(this.job.id),
      )
      if ('found' in settled)
        this.record(check, key, {
          ok: true,
          result: dataTrustResult(settled.found),
          code: null,
          reason: 'reconciled',
          attempts: 1,
        })
      else if ('none' in settled) this.journal.clearSending(this.job.id, check, key)
      else {
        const unknown = new AppFailure('clearsale.outcome_unknown', {
          cause: 'process_killed',
          search: settled.unknown,
        })
        this.record(check, key, { ...this.failed(unknown), attempts: 1 })
      }
    }
  }

  async run(): Promise<'done' | 'cancelled'> {
    this.journal.setStatus(this.job.id, 'running')
    this.report('running')
    await this.reconcileInFlight()
    const byProvider = new Map<Provider, Check[]>()
    for (const check of this.job.spec.checks)
      byProvider.set(CHECK_PROVIDER[check], [...(byProvider.get(CHECK_PROVIDER[check]) ?? []), check])
    this.finished = Promise.all([...byProvider].map(([provider, checks]) => this.provider(provider, checks)))
    await this.finished
    if (this.halted) return 'cancelled'
    const status = this.cancelled ? 'cancelled' : 'done'
    this.onConcluded(this.job)
    this.journal.setStatus(this.job.id, status)
    this.report(status)
    this.progress.flush()
    return status
  }
}
