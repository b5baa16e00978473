import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import type { Check, Mapping } from '../../../src-shared/domain/batch'
import type { CoreContext } from '../context'
import { AppFailure } from '../../infra/errors'
import { importJob } from './import'
import { BatchJournal, type JobRow } from './journal'
import { JobRunner, type RunDeps, type Progress, type RunOptions } from './runner'
import { materialise } from './results'
import { exportCsv, exportXlsx, recordExport } from './export'
import { policyRef, type Policy } from '../../../src-shared/domain/policy/schema'
import { formatDateTime } from '../../../src-shared/domain/format'
import type { DecisionSet } from './decisions'
import type { ReviewLookup } from './columns'

/*
 * A job is identified by what it screens: the input file (path, size, modification time), the checks and the
 * mapping. Running the same thing again finds the same job and resumes it: rows already imported stay, answered
 * calls are not repeated.
 */

export async function fingerprint(inputPath: string, checks: Check[], mapping: Mapping): Promise<string> {
  const info = await stat(inputPath).catch(() => null)
  if (!info) throw new AppFailure('batch.input_missing', { path: inputPath.slice(-200) })
  const parts = [
    resolve(inputPath),
    info.size,
    Math.round(info.mtimeMs),
    [...checks].sort().join(','),
    JSON.stringify(mapping),
  ]
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

/** What a job's preparation and its export use of the core (a run uses all of it: every provider's client). */
export type PrepareDeps = Pick<CoreContext, 'db' | 'environment'>
export type ExportDeps = Pick<CoreContext, 'db' | 'settings' | 'translate'>

export async function prepareJob(
  ctx: PrepareDeps,
  input: {
    inputPath: string
    checks: Check[]
    mapping?: Mapping
    reuseHours?: number
    name?: string
    /** Screen the file afresh (`screen --new`): a new job even when one for the same file exists. */
    fresh?: boolean
  },
): Promise<JobRow> {
  if (input.checks.length === 0) throw new AppFailure('batch.no_checks')
  const journal = new BatchJournal(ctx.db)
  const mapping = input.mapping ?? {}
  const fp = await fingerprint(input.inputPath, input.checks, mapping)
  let job = input.fresh ? null : journal.byFingerprint(fp)
  if (job && (job.status === 'importing' || job.status === 'failed')) journal.resetImport(job.id)
  if (!job || job.status === 'cancelled')
    job = journal.create({
      fingerprint: fp,
      // A file name is printed in terminals and documents: control characters (escape sequences) become spaces.
      name: (input.name ?? basename(input.inputPath)).replace(/\p{Cc}/gu, ' ').slice(0, 200),
      inputPath: resolve(input.inputPath),
      spec: { checks: input.checks, mapping, reuseHours: input.reuseHours ?? 0, environment: ctx.environment() },
    })
  else job = journal.job(job.id) as JobRow
  if (job.status === 'importing') {
    const imported = await importJob(journal, job)
    if (imported.ok) journal.setSpec(job.id, { ...job.spec, mapping: imported.mapping })
  }
  return journal.job(job.id) as JobRow
}

export function runJob(
  ctx: RunDeps & Pick<CoreContext, 'db'>,
  job: JobRow,
  options: RunOptions,
  onProgress?: (p: Progress) => void,
  onConcluded?: (job: JobRow) => void,
): { runner: JobRunner; done: Promise<'done' | 'cancelled'> } {
  const runner = new JobRunner(ctx, new BatchJournal(ctx.db), job, options, onProgress, onConcluded)
  return { runner, done: runner.run() }
}

/**
 * The job's results under `policy` (rebuilt or re-decided when stale), written to `out`: XLSX by extension, else CSV
 * with the given delimiter (default: the input's). The verdicts exported are the stored ones.
 */
export async function exportJob(
  ctx: ExportDeps,
  job: JobRow,
  out: string,
  options: {
    policy: Policy
    columns: 'words' | 'codes'
    delimiter?: ';' | ',' | undefined
    /** The decision set in force, stated in the file (XLSX "Sobre" sheet). */
    decided?: DecisionSet | null
    /** The analyst's decisions on the rows' cases (issue #22): "Decisão do analista", by whom, when. */
    reviews?: ReviewLookup | undefined
  },
): Promise<{ rows: number; job: JobRow }> {
  const journal = new BatchJournal(ctx.db)
  // A decided job is exported as it was decided (its own policy, whatever `policy` is): what the screen showed.
  const current = materialise(ctx.db, journal, journal.job(job.id) ?? job, options.policy)
  const format = {
    mode: options.columns,
    t: ctx.translate(),
    timeZone: ctx.settings.get().timeZone,
    provisional: current.decisionSet === null,
    about: aboutLines(ctx, current, options.decided ?? null),
    reviews: options.reviews,
  }
  const rows = out.toLowerCase().endsWith('.xlsx')
    ? await exportXlsx(ctx.db, current, out, format)
    : await exportCsv(
        ctx.db,
        current,
        out,
        options.delimiter ?? (current.sniffed?.delimiter === ',' ? ',' : ';'),
        format,
      )
  recordExport(ctx.db, job.id, resolve(out))
  return { rows, job: current }
}

/** What an export carries, in words: the job, the policy that decided it (or that it is provisional), when, who. */
function aboutLines(ctx: ExportDeps, job: JobRow, decided: DecisionSet | null): [string, string][] {
  const t = ctx.translate()
  const zone = ctx.settings.get().timeZone
  const when = (iso: string): string => formatDateTime(iso, zone, 'br')
  const ref = job.policy ? policyRef(job.policy) : null
  const lines: [string, string][] = [
    [t('batch.about.job'), t('batch.about.jobValue', { id: job.id, name: job.name })],
    [t('batch.about.exportedAt'), when(new Date().toISOString())],
    [
      t('batch.about.policy'),
      ref && job.policy
        ? t('batch.about.policyValue', { name: job.policy.name, version: ref.version, hash: ref.hash })
        : '',
    ],
  ]
  if (!decided) lines.push([t('batch.about.state'), t('batch.about.provisional')])
  else {
    lines.push([t('batch.about.state'), t(`batch.about.${decided.kind}`, { n: decided.setNo })])
    lines.push([t('batch.about.decidedAt'), when(decided.decidedAt)], [t('batch.about.decidedBy'), decided.who])
    if (decided.reason) lines.push([t('batch.about.reason'), decided.reason])
  }
  return lines
}
