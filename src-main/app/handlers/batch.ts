import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { appendFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { MAX_UPLOAD_BYTES } from '../../../src-shared/contract/batch'
import { CHECK_PROVIDER, detectMapping, type Check } from '../../../src-shared/domain/batch'
import type { Provider } from '../../../src-shared/domain/environment'
import type { CoreContext } from '../../services/context'
import { AppFailure } from '../../infra/errors'
import type { Handlers } from '../router'
import { readRecords, sniff } from '../../services/batch/input'
import { IMPORT_PROBLEMS } from '../../services/batch/import'
import { BatchJournal, type JobRow } from '../../services/batch/journal'
import { materialise, page, stats, summary } from '../../services/batch/results'
import { whatIf } from '../../services/batch/whatif'
import { cellText, resultColumns } from '../../services/batch/columns'
import { explain } from '../../../src-shared/domain/policy/explain'
import { DEFAULT_RUN_OPTIONS, type JobRunner, type RunOptions } from '../../services/batch/runner'
import { exportJob, prepareJob, runJob } from '../../services/batch/service'

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

/** Where the browser host streams an export from the data folder (serve/server.ts). */
export const EXPORT_DOWNLOAD_PATH = '/api/download/'
const EXPORT_NAME = /^sentinela-lote-\d{1,12}\.(csv|xlsx)$/
const exportFileName = (jobId: number, format: 'csv' | 'xlsx'): string => `sentinela-lote-${jobId}.${format}`

/** The export file a download asks for, inside the data folder — or null for any other name (no path ever). */
export function exportFilePath(dataDir: string, name: string): string | null {
  return EXPORT_NAME.test(name) ? join(dataDir, 'batch-exports', name) : null
}

/** seed 000: the Alerta trial plan has 1000 free requests. */
export const CLARO_TRIAL_REQUESTS = 1000
const PREVIEW_ROWS = 20

/** Runs in progress per core, so closing the core halts them (they resume at the next start). */
const RUNNERS = new WeakMap<CoreContext, Map<number, JobRunner>>()

/** A batch running or paused in this process (an LGPD erasure waits for it: it would write answers back). */
export function batchesRunning(ctx: CoreContext): boolean {
  return (RUNNERS.get(ctx)?.size ?? 0) > 0
}

export async function haltBatches(ctx: CoreContext): Promise<void> {
  await Promise.all([...(RUNNERS.get(ctx)?.values() ?? [])].map((r) => r.halt()))
}

/**
 * LGPD retention for batches (the history's setting): old jobs leave the database, and their uploaded list and
 * exports leave the data folder. Lists screened from a path of the user's own (the CLI) are the user's files: kept.
 */
export function purgeBatches(ctx: CoreContext, now = new Date()): number {
  const cutoff = new Date(now.getTime() - ctx.settings.get().historyRetentionDays * 86_400_000).toISOString()
  const removed = new BatchJournal(ctx.db).purge(cutoff)
  const uploads = join(ctx.dataDir, 'batch-uploads')
  for (const job of removed) {
    if (job.inputPath.startsWith(uploads)) rmSync(job.inputPath, { force: true })
    for (const ext of ['csv', 'xlsx'])
      rmSync(join(ctx.dataDir, 'batch-exports', `sentinela-lote-${job.id}.${ext}`), { force: true })
  }
  return removed.length
}

export function batchHandlers(ctx: CoreContext): Pick<Handlers, BatchChannels> {
  const journal = new BatchJournal(ctx.db)
  const runners = new Map<number, JobRunner>()
  RUNNERS.set(ctx, runners)
  const uploads = join(ctx.dataDir, 'batch-uploads')
  const appending = new Map<string, Promise<void>>()
  const job = (id: number): JobRow => {
    const j = journal.job(id)
    if (!j) throw new AppFailure('batch.job_not_found', { id })
    return j
  }
  const uploadPath = (id: string): string => {
    if (!/^[0-9a-f-]{36}\.csv$/.test(id)) throw new AppFailure('batch.input_missing', { path: id })
    return join(uploads, id)
  }
  const claroUsed = (): number => {
    const env = ctx.environment()
    const batch = ctx.db
      .prepare(
        "SELECT COALESCE(SUM(c.attempts), 0) AS n FROM batch_calls c JOIN batch_jobs j ON j.id = c.job_id WHERE c.check_name IN ('alerts', 'score') AND json_extract(j.spec, '$.environment') = ?",
      )
      .get(env) as { n: number }
    const single = ctx.db
      .prepare("SELECT COUNT(*) AS n FROM history WHERE kind IN ('alerts', 'score') AND environment = ?")
      .get(env) as { n: number }
    return batch.n + single.n
  }
  return {
    'batch:upload-begin': () => {
      mkdirSync(uploads, { recursive: true })
      const uploadId = `${randomUUID()}.csv`
      writeFileSync(uploadPath(uploadId), '')
      return { uploadId }
    },
    'batch:upload-chunk': ({ uploadId, offset, dataBase64 }) => {
      const path = uploadPath(uploadId)
      const append = async (): Promise<{ bytes: number }> => {
        const size = (await stat(path).catch(() => null))?.size
        // Pieces in order only: a repeated or skipped piece is refused rather than silently corrupting the file.
        if (size !== offset) throw new AppFailure('batch.upload_order', { expected: size ?? 0, got: offset })
        const piece = Buffer.from(dataBase64, 'base64')
        if (offset + piece.length > MAX_UPLOAD_BYTES) {
          // What arrived so far is deleted: a list that cannot be screened is not kept.
          await rm(path, { force: true })
          throw new AppFailure('batch.upload_too_large', { limit: `${MAX_UPLOAD_BYTES / 1024 / 1024} MB` })
        }
        await appendFile(path, piece)
        return { bytes: offset + piece.length }
      }
      // Asynchronous, never blocking the main process; one piece at a time per upload, in the order they came.
      const done = (appending.get(path) ?? Promise.resolve()).then(append, append)
      const settled = done.then(
        () => undefined,
        () => undefined,
      )
      appending.set(path, settled)
      void settled.then(() => appending.get(path) === settled && appending.delete(path))
      return done
    },
    'batch:upload-end': async ({ uploadId, name }) => {
      const path = uploadPath(uploadId)
      const sniffed = await sniff(path)
      if (!sniffed.ok) {
        rmSync(path, { force: true })
        return {
          uploadId: '',
          header: [],
          preview: [],
          mapping: {},
          encoding: '',
          delimiter: '',
          problem: `${name}: ${IMPORT_PROBLEMS[sniffed.problem]}`,
        }
      }
      const records: string[][] = []
      for await (const r of readRecords(path, sniffed.sniffed)) {
        if ('fields' in r) records.push(r.fields.map((f) => f.slice(0, 200)))
        if (records.length > PREVIEW_ROWS) break
      }
      const header = records[0] ?? []
      return {
        uploadId,
        header,
        preview: records.slice(1),
        mapping: detectMapping(header),
        encoding: sniffed.sniffed.encoding,
        delimiter: sniffed.sniffed.delimiter,
        problem: records.length <= 1 ? IMPORT_PROBLEMS.header_only : null,
      }
    },
    'batch:plan': async ({ uploadId, checks, mapping, reuseHours }) => {
      const prepared = await prepareJob(ctx, {
        inputPath: uploadPath(uploadId),
        checks: checks as Check[],
        mapping,
        reuseHours,
        name: uploadId,
      })
      if (prepared.status === 'failed')
        throw new AppFailure('batch.import_failed', { problem: prepared.importProblem ?? '' })
      const s = summary(journal, prepared)
      const callsByProvider: Record<string, number> = {}
      for (const check of prepared.spec.checks) {
        const left = (s.unique[check] ?? 0) - (s.answered[check] ?? 0) - (s.failed[check] ?? 0)
        callsByProvider[CHECK_PROVIDER[check]] = (callsByProvider[CHECK_PROVIDER[check]] ?? 0) + left
      }
      const used = claroUsed()
      return {
        job: s,
        header: prepared.header ?? [],
        mapping: prepared.spec.mapping,
        callsByProvider,
        claroTrial: { limit: CLARO_TRIAL_REQUESTS, used, left: Math.max(0, CLARO_TRIAL_REQUESTS - used) },
      }
    },
    'batch:start': ({ jobId, concurrency, rate }) => {
      const j = job(jobId)
      if (runners.has(jobId) || j.status === 'done') return { started: false }
      const options: RunOptions = structuredClone(DEFAULT_RUN_OPTIONS)
      for (const p of ['claro', 'clearsale', 'mse'] as Provider[]) {
        if (concurrency) options.concurrency[p] = concurrency
        if (rate?.[p]) options.rate[p] = rate[p]
      }
      const { runner, done } = runJob(ctx, j, options, (p) => ctx.events.publish('batch:progress', p))
      runners.set(jobId, runner)
      void done
        .finally(() => runners.delete(jobId))
        .catch((error: unknown) => ctx.log.error('batch.run_failed', { reason: (error as Error).message }))
      return { started: true }
    },
    'batch:control': ({ jobId, action }) => {
      const runner = runners.get(jobId)
      if (!runner) return { status: job(jobId).status }
      if (action === 'pause') runner.pause()
      if (action === 'resume') runner.resume()
      if (action === 'cancel') runner.cancel()
      return { status: job(jobId).status }
    },
    'batch:jobs': () => journal.list(50).map((j) => summary(journal, j)),
    'batch:rows': (q) => {
      // A query from the top re-checks the answers and the policy; the pages that follow while scrolling read what is built.
      const found = job(q.jobId)
      const j =
        q.offset === 0 || !found.resultsStamp ? materialise(ctx.db, journal, found, ctx.settings.get().policy) : found
      const { total, rows } = page(ctx.db, j, q)
      const t = ctx.translate()
      const settings = ctx.settings.get()
      const columns = resultColumns(j, { mode: 'words', t })
      const style = {
        decimalComma: settings.language === 'pt-BR',
        dates: settings.language === 'pt-BR' ? ('br' as const) : ('iso' as const),
        timeZone: settings.timeZone,
      }
      const width = j.header?.length ?? 0
      return {
        header: [...(j.header ?? []), ...columns.header],
        total,
        rows: rows.map((r) => ({
          rowNo: r.rowNo,
          verdict: r.decision.verdict,
          reasons: explain(r.decision, t),
          cells: [
            ...r.fields,
            ...Array<string>(Math.max(0, width - r.fields.length)).fill(''),
            ...columns.cells(r).map((c) => cellText(c, style)),
          ],
        })),
      }
    },
    'batch:row': ({ jobId, rowNo }) => {
      const j = job(jobId)
      const row = journal.rows(jobId, rowNo, 1)[0]
      if (!row || row.rowNo !== rowNo) throw new AppFailure('batch.job_not_found', { id: `${jobId}/${rowNo}` })
      const calls = Object.entries(row.keys).map(([check, key]) => ({
        check,
        key: key ?? '',
        answer:
          key && !key.startsWith('!') ? (journal.call(jobId, check as Check, key) ?? null) : { invalid: key?.slice(1) },
      }))
      const stored = j.resultsStamp
        ? page(ctx.db, j, { offset: 0, limit: 1, sort: 'row', rowFrom: rowNo }).rows[0]
        : undefined
      const decided = stored?.rowNo === rowNo ? stored.decision : null
      return {
        fields: row.fields,
        header: j.header ?? [],
        problem: row.problem,
        verdict: decided?.verdict ?? null,
        reasons: decided ? explain(decided, ctx.translate()) : [],
        calls,
      }
    },
    'batch:stats': ({ jobId }) => stats(ctx.db, materialise(ctx.db, journal, job(jobId), ctx.settings.get().policy)),
    'batch:whatif': ({ jobId, policy, limit }) => {
      const found = job(jobId)
      if (found.status !== 'done' && found.status !== 'cancelled')
        throw new AppFailure('batch.not_finished', { id: jobId, status: found.status })
      return whatIf(ctx.db, materialise(ctx.db, journal, found, ctx.settings.get().policy), policy, limit)
    },
    'batch:export': async ({ jobId, format, delimiter, columns }) => {
      const found = job(jobId)
      const fileName = exportFileName(jobId, format)
      // Written as it is built, never held whole: where the desktop's dialog says, else the data folder.
      const chosen = ctx.chooseSavePath ? await ctx.chooseSavePath(fileName) : null
      if (ctx.chooseSavePath && chosen === null) return { saved: false as const }
      mkdirSync(join(ctx.dataDir, 'batch-exports'), { recursive: true })
      const out = chosen ?? join(ctx.dataDir, 'batch-exports', fileName)
      const { rows } = await exportJob(ctx, found, out, { policy: ctx.settings.get().policy, columns, delimiter })
      return {
        saved: true as const,
        fileName,
        path: out,
        rows,
        download: chosen === null && ctx.host === 'browser' ? `${EXPORT_DOWNLOAD_PATH}${fileName}` : null,
      }
    },
  }
}
