import type { Command } from 'commander'
import { CHECKS, type Check } from '../../../src-shared/domain/batch'
import type { Provider } from '../../../src-shared/domain/environment'
import { AppFailure, toAppError } from '../../core/errors'
import { exportCsv, exportXlsx } from '../../batch/export'
import { BatchJournal } from '../../batch/journal'
import { DEFAULT_RUN_OPTIONS, type Progress, type RunOptions } from '../../batch/runner'
import { prepareJob, runJob } from '../../batch/service'
import { throttle } from '../../batch/limits'
import type { CliIO } from '../program'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { CliFailure } from '../invoke'

const collect = (value: string, previous: string[]): string[] => [...previous, value]
const PROVIDERS: Provider[] = ['claro', 'clearsale', 'mse']

function positive(text: string, what: string, max = 10_000): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${what}: "${text}" (1–${max})`)
  return n
}

/**
 * `sentinela screen IN.csv --checks LIST --out OUT.csv [--concurrency N] [--rate PROVIDER=N]…` (DESIGN.md): every
 * input row once, in order, original columns unchanged, result columns after; progress on stderr. Running the same
 * command again after a crash resumes the same job: nothing answered is called again.
 */
export function registerScreen(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  program
    .command('screen')
    .description('triagem em lote de um CSV / batch screening of a CSV')
    .argument('<in>', 'CSV de entrada / input CSV')
    .requiredOption('--checks <list>', `checagens separadas por vírgula / comma-separated checks: ${CHECKS.join(',')}`)
    .requiredOption('--out <file>', 'saída .csv ou .xlsx / output .csv or .xlsx')
    .option('--concurrency <n>', 'chamadas simultâneas por provedor / concurrent calls per provider')
    .option('--rate <PROVIDER=N>', 'chamadas por segundo (repetível) / calls per second (repeatable)', collect, [])
    .option('--reuse-hours <h>', 'reaproveita respostas de lotes anteriores mais novas que isto / reuse earlier answers younger than this', '0')
    .option('--delimiter <d>', 'separador da saída CSV: ";" ou "," (padrão: o da entrada) / output CSV delimiter')
    .option('--timeout-ms <ms>', 'limite por chamada / per-call limit', String(DEFAULT_RUN_OPTIONS.timeoutMs))
    .action(async (input: string, opts: { checks: string; out: string; concurrency?: string; rate: string[]; reuseHours: string; delimiter?: string; timeoutMs: string }, command: Command) => {
      const g = globals(command)
      const checks = [...new Set(opts.checks.split(',').map((c) => c.trim().toLowerCase()).filter(Boolean))]
      for (const c of checks) if (!(CHECKS as readonly string[]).includes(c)) throw new UsageError(`--checks: ${c}? (${CHECKS.join(', ')})`)
      if (opts.delimiter && opts.delimiter !== ';' && opts.delimiter !== ',') throw new UsageError('--delimiter: ";" ou/or ","')
      const options: RunOptions = structuredClone(DEFAULT_RUN_OPTIONS)
      if (opts.concurrency) for (const p of PROVIDERS) options.concurrency[p] = positive(opts.concurrency, '--concurrency')
      for (const spec of opts.rate) {
        const [provider, n] = spec.split('=')
        if (!provider || !(PROVIDERS as string[]).includes(provider) || !n) throw new UsageError(`--rate "${spec}": use claro=N, clearsale=N ou/or mse=N`)
        options.rate[provider as Provider] = positive(n, '--rate')
      }
      options.timeoutMs = positive(opts.timeoutMs, '--timeout-ms', 120_000)
      const reuseHours = Number(opts.reuseHours)
      if (!Number.isFinite(reuseHours) || reuseHours < 0) throw new UsageError(`--reuse-hours: "${opts.reuseHours}"`)

      await withCore(g, async (core) => {
        const ctx = core.context
        let job
        try {
          job = await prepareJob(ctx, { inputPath: input, checks: checks as Check[], reuseHours })
        } catch (error) {
          if (error instanceof AppFailure) throw new CliFailure(error.code, toAppError(error, ctx.translate()).message)
          throw error
        }
        if (job.status === 'failed' || (job.importProblem && job.totalRows === 0) || (job.importProblem && job.status === 'ready' && job.spec.mapping.cpf === undefined && job.spec.mapping.phone === undefined)) {
          throw new UsageError(`${input}: ${job.importProblem ?? 'import failed'}`)
        }
        io.stderr(`screen: ${job.totalRows} linhas/rows (${job.invalidRows} com problema/with problems), job ${job.id}, ${job.status === 'ready' ? 'novo/new' : `retomado/resumed (${job.status})`}\n`)
        if (job.importProblem) io.stderr(`screen: ${job.importProblem}\n`)
        const line = throttle((p: Progress) => io.stderr(`screen: ${p.done + p.failed}/${p.total} (${p.failed} falhas/failed) · ${p.rate}/s · ETA ${p.etaSeconds ?? '?'} s\n`), 1)
        if (job.status !== 'done') await runJob(ctx, job, options, (p) => line.push(p)).done
        line.flush()
        const journal = new BatchJournal(ctx.db)
        const finished = journal.job(job.id) ?? job
        const rules = ctx.settings.get().verdictRules
        const rows = opts.out.toLowerCase().endsWith('.xlsx')
          ? await exportXlsx(journal, finished, rules, opts.out)
          : await exportCsv(journal, finished, rules, opts.out, (opts.delimiter as ';' | ',' | undefined) ?? (finished.sniffed?.delimiter === ',' ? ',' : ';'))
        const counts = journal.counts(job.id)
        const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0)
        io.stderr(`screen: ${rows} linhas escritas em/rows written to ${opts.out}; chamadas/calls: ${sum(counts.answered)} ok, ${sum(counts.failed)} falharam/failed\n`)
        if (g.json) io.stdout(`${JSON.stringify({ job: job.id, rows, out: opts.out, unique: counts.unique, answered: counts.answered, failed: counts.failed })}\n`)
      })
    })
}
