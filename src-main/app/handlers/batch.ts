import { join } from 'node:path'
import type { Check } from '../../../src-shared/domain/batch'
import type { CoreContext } from '../../services/context'
import { importProblemText } from '../../../src-shared/domain/import-problems'
import { AppFailure } from '../../infra/errors'
import type { Handlers } from '../router'
import { BatchJournal, type JobRow } from '../../services/batch/journal'
import { materialise, stats, summary } from '../../services/batch/results'
import { whatIf } from '../../services/batch/whatif'
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
  | 'batch:export'

/** Lote's channels, each a call into the batch services (no SQL, no state here). */
export function batchHandlers(ctx: CoreContext, runs: BatchRuns): Pick<Handlers, BatchChannels> {
  const journal = new BatchJournal(ctx.db)
  const uploads = new BatchUploads(join(ctx.dataDir, 'batch-uploads'), () => ctx.translate())
  const job = (id: number): JobRow => {
    const j = journal.job(id)
    if (!j) throw new AppFailure('batch.job_not_found', { id })
    return j
  }
  const decided = (j: JobRow): JobRow => materialise(ctx.db, journal, j, ctx.settings.get().policy)
  return {
    'batch:upload-begin': async () => ({ uploadId: await uploads.begin() }),
    'batch:upload-chunk': ({ uploadId, offset, dataBase64 }) => uploads.append(uploadId, offset, dataBase64),
    'batch:upload-end': ({ uploadId, name }) => uploads.preview(uploadId, name),
    'batch:plan': async ({ uploadId, checks, mapping, reuseHours }) => {
      const inputPath = uploads.path(uploadId)
      const prepared = await prepareJob(ctx, {
        inputPath,
        checks: checks as Check[],
        mapping,
        reuseHours,
        name: uploadId,
      })
      if (prepared.status === 'failed')
        throw new AppFailure('batch.import_failed', {
          problem: importProblemText(prepared.importProblem ?? '', ctx.translate()),
        })
      return plan(ctx, journal, prepared)
    },
    'batch:start': ({ jobId, concurrency, rate }) => ({ started: runs.start(job(jobId), { concurrency, rate }) }),
    'batch:control': ({ jobId, action }) => {
      runs.control(jobId, action)
      return { status: job(jobId).status }
    },
    'batch:jobs': () => journal.list(50).map((j) => summary(journal, j)),
    'batch:rows': (q) => gridPage(ctx, journal, job(q.jobId), q),
    'batch:row': ({ jobId, rowNo }) => rowDetail(ctx, journal, job(jobId), rowNo),
    'batch:stats': ({ jobId }) => stats(ctx.db, decided(job(jobId))),
    'batch:whatif': ({ jobId, policy, limit }) => {
      const found = job(jobId)
      if (found.status !== 'done' && found.status !== 'cancelled')
        throw new AppFailure('batch.not_finished', { id: jobId, status: found.status })
      return whatIf(ctx.db, decided(found), policy, limit)
    },
    'batch:export': ({ jobId, format, delimiter, columns }) =>
      exportToFile(ctx, job(jobId), { format, delimiter, columns }),
  }
}
