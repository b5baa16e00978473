import type { Provider } from '../../../src-shared/domain/environment'
import type { CoreContext } from '../context'
import type { JobRow } from './journal'
import type { BatchDecisions } from './decisions'
import { DEFAULT_RUN_OPTIONS, type JobRunner, type Progress, type RunDeps, type RunOptions } from './runner'
import { runJob } from './service'
import { analystName } from '../../infra/analyst'

/**
 * The batches running (or paused) in this process, one runner per job. Closing the core halts them; they resume
 * at the next start. An LGPD erasure waits while any is here (it would write answers back).
 */
export class BatchRuns {
  private readonly runners = new Map<number, JobRunner>()

  constructor(
    private readonly ctx: RunDeps & Pick<CoreContext, 'db' | 'events' | 'log' | 'settings'>,
    private readonly decisions: BatchDecisions,
  ) {}

  get active(): boolean {
    return this.runners.size > 0
  }

  /** Starts the job unless it runs already or is done; progress goes out as `batch:progress`. */
  start(job: JobRow, pace: { concurrency?: number | undefined; rate?: Record<string, number> | undefined }): boolean {
    if (this.runners.has(job.id) || job.status === 'done') return false
    const options: RunOptions = structuredClone(DEFAULT_RUN_OPTIONS)
    for (const p of ['claro', 'clearsale', 'mse'] as Provider[]) {
      if (pace.concurrency) options.concurrency[p] = pace.concurrency
      if (pace.rate?.[p]) options.rate[p] = pace.rate[p]
    }
    // When it finishes, its verdicts are recorded under the policy in force then (issue #22): a record from then on.
    const conclude = (j: JobRow): void =>
      void this.decisions.conclude(j, this.ctx.settings.get().policy, analystName(this.ctx.settings))
    const progress = (p: Progress): void => this.ctx.events.publish('batch:progress', p)
    const { runner, done } = runJob(this.ctx, job, options, progress, conclude)
    this.runners.set(job.id, runner)
    void done
      .finally(() => this.runners.delete(job.id))
      .catch((error: unknown) => this.ctx.log.error('batch.run_failed', { reason: (error as Error).message }))
    return true
  }

  /** Pauses, resumes or cancels a running job; false when none runs here. */
  control(jobId: number, action: 'pause' | 'resume' | 'cancel'): boolean {
    const runner = this.runners.get(jobId)
    if (!runner) return false
    if (action === 'pause') runner.pause()
    if (action === 'resume') runner.resume()
    if (action === 'cancel') runner.cancel()
    return true
  }

  async halt(): Promise<void> {
    await Promise.all([...this.runners.values()].map((r) => r.halt()))
  }
}
