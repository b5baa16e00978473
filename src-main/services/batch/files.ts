import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { CoreContext } from '../context'
import type { ExportDeps } from './service'
import { BatchJournal, type JobRow } from './journal'
import { exportJob } from './service'
import type { DecisionSet } from './decisions'
import type { ReviewLookup } from './columns'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type BatchFileDeps = Pick<CoreContext, 'chooseSavePath' | 'dataDir' | 'db' | 'host' | 'settings'> & ExportDeps

/** Where the browser host streams an export from the data folder (serve/server.ts). */
export const EXPORT_DOWNLOAD_PATH = '/api/download/'
const EXPORT_NAME = /^sentinela-lote-\d{1,12}\.(csv|xlsx)$/
const exportFileName = (jobId: number, format: 'csv' | 'xlsx'): string => `sentinela-lote-${jobId}.${format}`

/** The export file a download asks for, inside the data folder — or null for any other name (no path ever). */
export function exportFilePath(dataDir: string, name: string): string | null {
  return EXPORT_NAME.test(name) ? join(dataDir, 'batch-exports', name) : null
}

export type Exported =
  { saved: true; fileName: string; path: string; rows: number; download: string | null } | { saved: false }

/**
 * An export never crosses IPC whole (issue #15): written as it is built where the desktop's save dialog says, else in
 * the data folder — from where the browser host streams it (`download`).
 */
export async function exportToFile(
  ctx: BatchFileDeps,
  job: JobRow,
  options: {
    format: 'csv' | 'xlsx'
    delimiter: ';' | ','
    columns: 'words' | 'codes'
    decided?: DecisionSet | null
    reviews?: ReviewLookup | undefined
  },
): Promise<Exported> {
  const fileName = exportFileName(job.id, options.format)
  const chosen = ctx.chooseSavePath ? await ctx.chooseSavePath(fileName) : null
  if (ctx.chooseSavePath && chosen === null) return { saved: false }
  mkdirSync(join(ctx.dataDir, 'batch-exports'), { recursive: true })
  const out = chosen ?? join(ctx.dataDir, 'batch-exports', fileName)
  const policy = ctx.settings.get().policy
  const { rows } = await exportJob(ctx, job, out, {
    policy,
    columns: options.columns,
    delimiter: options.delimiter,
    decided: options.decided ?? null,
    reviews: options.reviews,
  })
  const download = chosen === null && ctx.host === 'browser' ? `${EXPORT_DOWNLOAD_PATH}${fileName}` : null
  return { saved: true, fileName, path: out, rows, download }
}

/**
 * LGPD retention for batches (the history's setting): old jobs leave the database, and their uploaded list and
 * exports leave the data folder. Lists screened from a path of the user's own (the CLI) are the user's files: kept.
 */
export function purgeBatches(ctx: BatchFileDeps, now = new Date()): number {
  const cutoff = new Date(now.getTime() - ctx.settings.get().historyRetentionDays * 86_400_000).toISOString()
  const removed = new BatchJournal(ctx.db).purge(cutoff)
  const uploads = join(ctx.dataDir, 'batch-uploads')
  for (const job of removed) {
    if (job.inputPath.startsWith(uploads)) rmSync(job.inputPath, { force: true })
    for (const format of ['csv', 'xlsx'] as const)
      rmSync(join(ctx.dataDir, 'batch-exports', exportFileName(job.id, format)), { force: true })
  }
  return removed.length
}
