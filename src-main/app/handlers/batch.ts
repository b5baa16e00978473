import { join } from 'node:path'
import type { Check } from '../../../src-shared/domain/batch'
import type { CoreContext } from '../../services/context'
import { importProblemText } from '../../../src-shared/domain/import-problems'
import { AppFailure } from '../../infra/errors'
import type { Handlers } from '../router'
import { BatchJournal, type JobRow } from '../../services/batch/journal'
import { materialise, summary } from '../../services/batch/results'
import { stats } from '../../services/batch/stats'
import { whatIf } from '../../services/batch/whatif'
import { isFinished, type BatchDecisions } from '../../services/batch/decisions'
import type { Cases } from '../../services/cases/service'
import type { ReviewLookup } from '../../services/batch/columns'
import { analystName } from '../../infra/analyst'
import { prepareJob } from '../../services/batch/service'
import { BatchUploads } from '../../services/batch/uploads'
import type { BatchRuns } from '../../services/batch/runs'
import { exportToFile } from '../../services/batch/files'
import { gridPage, plan, rowDetail } from '../../services/batch/views'

type BatchChannels =
  | 'batch:upload-begin'
  | 'batch:upload-chunk'
  | 'batch:upload-end'
  | 'batch:plan'
  | 'batch:start'
  | 'batch:control'
  | 'batch:jobs'
  | 'batch:rows'
  | 'batch:row'
  | 'batch:stats'
  | 'batch:whatif'
  | 'batch:adopt'
  | 'batch:decisions'
  | 'batch:export'

/** Lote's channels, each a call into the batch services (no SQL, no state here). */
export function batchHandlers(
  ctx: CoreContext,
  runs: BatchRuns,
  decisions: BatchDecisions,
  cases: Cases,
): Pick<Handlers, BatchChannels> {
  // The analyst's decisions on batch rows' cases flow back to the grid, the row and the exports (issue #22).
  const reviews: ReviewLookup = (jobId, from, to) => cases.decisionsForRows(jobId, from, to)
  const journal = new BatchJournal(ctx.db)
  const uploads = new BatchUploads(join(ctx.dataDir, 'batch-uploads'), () => ctx.translate())
  const job = (id: number): JobRow => {
    const j = journal.job(id)
    if (!j) throw new AppFailure('batch.job_not_found', { id })
    // A job that finished without its decisions recorded (killed in between, or from before issue #22) is recorded
    // once, under the policy in force — from then on it is a record like any other.
    if (isFinished(j) && j.decisionSet === null)
      return decisions.conclude(j, j.policy ?? ctx.settings.get().policy, analystName(ctx.settings))
    return j
  }
  // A decided job is read as it was decided (its own policy); one not decided yet provisionally.
  const decided = (j: JobRow): JobRow => materialise(ctx.db, journal, j, ctx.settings.get().policy)
  const view = (j: JobRow) => ({ ...summary(journal, j), decided: decisions.current(j) })
  return {
    'batch:upload-begin': async () => ({ uploadId: await uploads.begin() }),
    'batch:upload-chunk': ({ uploadId, offset, dataBase64 }) => uploads.append(uploadId, offset, dataBase64),
    'batch:upload-end': ({ uploadId, name }) => uploads.preview(uploadId, name),
    'batch:plan': async ({ uploadId, name, checks, mapping, reuseHours }) => {
      const inputPath = uploads.path(uploadId)
      const prepared = await prepareJob(ctx, {
        inputPath,
        checks: checks as Check[],
        mapping,
        reuseHours,
        name: name ?? uploadId,
      })
      if (prepared.status === 'failed')
        throw new AppFailure('batch.import_failed', {
          problem: importProblemText(prepared.importProblem ?? '', ctx.translate()),
        })
      return { ...plan(ctx, journal, prepared), job: view(prepared) }
    },
    'batch:start': ({ jobId, concurrency, rate }) => ({ started: runs.start(job(jobId), { concurrency, rate }) }),
    'batch:control': ({ jobId, action }) => {
      runs.control(jobId, action)
      return { status: job(jobId).status }
    },
    'batch:jobs': () => journal.list(50).map(view),
    'batch:rows': (q) => gridPage(ctx, journal, job(q.jobId), q, reviews),
    'batch:row': ({ jobId, rowNo }) => ({
      ...rowDetail(ctx, journal, job(jobId), rowNo, reviews),
      caseId: cases.store.caseOfRow(jobId, rowNo),
    }),
    'batch:stats': ({ jobId }) => stats(ctx.db, decided(job(jobId))),
    'batch:whatif': ({ jobId, policy, limit }) => {
      const found = job(jobId)
      if (found.status !== 'done' && found.status !== 'cancelled')
        throw new AppFailure('batch.not_finished', { id: jobId, status: found.status })
      return whatIf(ctx.db, decided(found), policy, limit)
    },
    'batch:adopt': ({ jobId, policy, reason }) => {
      const inForce = ctx.settings.get().policy
      const adopted = decisions.adopt(job(jobId), policy, { who: analystName(ctx.settings), reason, inForce })
      return { job: view(adopted.job), changed: adopted.changed }
    },
    'batch:decisions': ({ jobId }) => decisions.sets(job(jobId).id),
    'batch:export': ({ jobId, format, delimiter, columns }) =>
      exportToFile(ctx, job(jobId), { format, delimiter, columns, decided: decisions.current(job(jobId)), reviews }),
  }
}
