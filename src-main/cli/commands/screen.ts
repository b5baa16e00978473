import type { Command } from 'commander'
import { CHECKS, type Check } from '../../../src-shared/domain/batch'
import { AppFailure, toAppError } from '../../infra/errors'
import { materialise, verdictCounts } from '../../services/batch/results'
import { whatIf } from '../../services/batch/whatif'
import { policyLabel, policyRef } from '../../../src-shared/domain/policy'
import { loadPolicyFile } from '../policy-file'
import { BatchJournal } from '../../services/batch/journal'
import type { Progress, RunOptions } from '../../services/batch/runner'
import { runOptionsFrom, withPace, type PaceOptions } from '../pace'
import { exportJob, prepareJob, runJob } from '../../services/batch/service'
import { throttle } from '../../services/batch/limits'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { CliFailure, invokeOrThrow } from '../invoke'
import { analystName } from '../../infra/analyst'
import { formatDateTime } from '../../../src-shared/domain/format'
import { importProblemCode, importProblemText } from '../../../src-shared/domain/import-problems'

/**
 * `sentinela screen IN.csv --checks LIST --out OUT.csv [--concurrency N] [--rate PROVIDER=N]…` (DESIGN.md): every
 * input row once, in order, original columns unchanged, result columns after; progress on stderr. Running the same
 * command again after a crash resumes the same job: nothing answered is called again.
 */
interface ScreenOptions extends PaceOptions {
  checks?: string
  out?: string
  reuseHours: string
  delimiter?: string
  policy?: string
  columns: string
  rescore?: string
  new?: boolean
  adopt?: boolean
  reason?: string
}

/**
 * `sentinela screen IN.csv --checks LIST --out OUT.csv [--concurrency N] [--rate PROVIDER=N]… [--policy FILE]
 * [--columns words|codes]` (DESIGN.md): every input row once, in order, original columns unchanged, result columns
 * after; progress on stderr. Running the same command again after a crash resumes the same job: nothing answered
 * is called again. `screen --rescore JOB --policy FILE` re-decides a finished job from its stored answers.
 */
export function registerScreen(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  withPace(program.command('screen'))
    .description('triagem em lote de um CSV / batch screening of a CSV')
    .argument('[in]', 'CSV de entrada / input CSV')
    .option('--checks <list>', `checagens separadas por vírgula / comma-separated checks: ${CHECKS.join(',')}`)
    .option('--out <file>', 'saída .csv ou .xlsx / output .csv or .xlsx')
    .option(
      '--reuse-hours <h>',
      'reaproveita respostas de lotes anteriores mais novas que isto / reuse earlier answers younger than this',
      '0',
    )
    .option('--delimiter <d>', 'separador da saída CSV: ";" ou "," (padrão: o da entrada) / output CSV delimiter')
    .option(
      '--policy <file>',
      'política de decisão em JSON (padrão: a em vigor) / decision policy JSON (default: the one in force)',
    )
    .option(
      '--columns <mode>',
      'cabeçalhos e valores: words (frases) ou codes (chaves para scripts) / words or codes',
      'words',
    )
    .option(
      '--rescore <job>',
      'redecide um lote concluído com --policy, sem chamar provedores / re-decide a finished job with --policy, no provider call',
    )
    .option(
      '--adopt',
      'com --rescore: adota a política para o lote (novo conjunto de vereditos) / with --rescore: adopt it for the job',
    )
    .option('--reason <text>', 'por que adotar (com --adopt) / why adopt it (with --adopt)')
    .option(
      '--new',
      'tria o arquivo de novo, num lote novo, mesmo se já foi triado / screen the file afresh, as a new job',
    )
    .action(async (input: string | undefined, opts: ScreenOptions, command: Command) => {
      const g = globals(command)
      if (opts.columns !== 'words' && opts.columns !== 'codes') throw new UsageError('cli.usage.columns')
      if (opts.rescore !== undefined) return rescore(g, opts, io)
      if (opts.adopt) throw new UsageError('cli.usage.adoptNeedsRescore')
      if (!input) throw new UsageError('cli.usage.inputMissing')
      if (!opts.checks) throw new UsageError('cli.usage.checksRequired')
      if (!opts.out) throw new UsageError('cli.usage.outRequired')
      const out = opts.out
      const checks = [
        ...new Set(
          opts.checks
            .split(',')
            .map((c) => c.trim().toLowerCase())
            .filter(Boolean),
        ),
      ]
      for (const c of checks)
        if (!(CHECKS as readonly string[]).includes(c))
          throw new UsageError('cli.usage.check', { value: c, known: CHECKS.join(', ') })
      if (opts.delimiter && opts.delimiter !== ';' && opts.delimiter !== ',')
        throw new UsageError('cli.usage.delimiter')
      const options: RunOptions = runOptionsFrom(opts)
      const reuseHours = Number(opts.reuseHours)
      if (!Number.isFinite(reuseHours) || reuseHours < 0)
        throw new UsageError('cli.usage.reuseHours', { value: String(opts.reuseHours) })

      await withCore(g, async (core) => {
        const ctx = core.context
        const t = ctx.translate()
        // The policy is read before any call: a broken file must not cost a single request.
        const policy = opts.policy ? await loadPolicyFile(opts.policy, t) : ctx.settings.get().policy
        let job
        try {
          job = await prepareJob(ctx, { inputPath: input, checks: checks as Check[], reuseHours, fresh: opts.new })
        } catch (error) {
          if (error instanceof AppFailure) throw new CliFailure(error.code, toAppError(error, t).message)
          throw error
        }
        if (
          job.status === 'failed' ||
          (job.importProblem && job.totalRows === 0) ||
          (job.importProblem &&
            job.status === 'ready' &&
            job.spec.mapping.cpf === undefined &&
            job.spec.mapping.phone === undefined)
        ) {
          throw new UsageError('cli.usage.importFailed', {
            file: input,
            problem: importProblemText(job.importProblem ?? importProblemCode('unreadable'), t),
          })
        }
        io.stderr(
          `screen: ${t('cli.screen.imported', {
            count: job.totalRows,
            invalid: job.invalidRows,
            job: job.id,
            state:
              job.status === 'ready'
                ? t('cli.screen.new')
                : t('cli.screen.resumed', { status: t(`batch.status.${job.status}`) }),
          })}\n`,
        )
        if (job.importProblem) io.stderr(`screen: ${importProblemText(job.importProblem, t)}\n`)
        const line = throttle(
          (p: Progress) =>
            io.stderr(
              `screen: ${t('cli.screen.progress', { done: p.done + p.failed, total: p.total, failed: p.failed, rate: p.rate, eta: p.etaSeconds ?? '?' })}\n`,
            ),
          1,
        )
        const { decisions } = core.modules
        const who = analystName(ctx.settings)
        // A job finished before (the same command again) is exported as it was decided, and says so (issue #22).
        const wasDone = job.status === 'done'
        if (!wasDone)
          await runJob(
            ctx,
            job,
            options,
            (p) => line.push(p),
            (j) => void decisions.conclude(j, policy, who),
          ).done
        line.flush()
        const journal = new BatchJournal(ctx.db)
        if (wasDone) {
          const current = journal.job(job.id) ?? job
          if (current.decisionSet === null) decisions.conclude(current, policy, who) // finished, never recorded
        }
        const decided = decisions.current(journal.job(job.id) ?? job)
        if (wasDone && decided) {
          const label = policyLabel(decided.policy)
          const zone = ctx.settings.get().timeZone
          io.stderr(
            `screen: ${t('cli.screen.decided', { job: job.id, at: formatDateTime(decided.decidedAt, zone, 'br'), policy: label })}\n`,
          )
          if (opts.policy && policyRef(policy).hash !== decided.policy.hash)
            io.stderr(
              `screen: ${t('cli.screen.policyNotApplied', { given: policyLabel(policyRef(policy)), policy: label })}\n`,
            )
        }
        const { rows, job: finished } = await exportJob(ctx, job, out, {
          policy,
          columns: opts.columns as 'words' | 'codes',
          delimiter: opts.delimiter as ';' | ',' | undefined,
          decided,
          reviews: (jobId, from, to) => core.modules.cases.decisionsForRows(jobId, from, to),
        })
        const counts = journal.counts(job.id)
        const verdicts = verdictCounts(ctx.db, finished)
        const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0)
        io.stderr(
          `screen: ${t('cli.screen.written', { count: rows, out, ok: sum(counts.answered), failed: sum(counts.failed) })}\n`,
        )
        io.stderr(
          `screen: ${Object.entries(verdicts)
            .map(([v, n]) => `${t(`verdict.values.${v}`)} ${n}`)
            .join(' · ')} — ${t('policy.label', { label: policyLabel(decided?.policy ?? policyRef(policy)) })}\n`,
        )
        if (g.json)
          io.stdout(
            `${JSON.stringify({
              job: job.id,
              rows,
              out,
              unique: counts.unique,
              answered: counts.answered,
              failed: counts.failed,
              verdicts,
              policy: decided?.policy ?? policyRef(policy),
              decided: decided
                ? { set: decided.setNo, kind: decided.kind, at: decided.decidedAt, who: decided.who }
                : null,
              reexported: wasDone,
            })}\n`,
          )
      })
    })
}

/** What-if from the command line: the stored answers under another policy; not one provider call. */
async function rescore(g: GlobalOptions, opts: ScreenOptions, io: CliIO): Promise<void> {
  const id = Number(opts.rescore)
  if (!Number.isInteger(id) || id < 1) throw new UsageError('cli.usage.rescoreJob', { value: String(opts.rescore) })
  if (!opts.policy) throw new UsageError('cli.usage.rescorePolicy')
  const reason = opts.reason?.trim() ?? ''
  if (opts.adopt && reason.length < 3) throw new UsageError('cli.usage.adoptReason')
  const policyFile = opts.policy
  await withCore(g, async (core) => {
    const ctx = core.context
    const t = ctx.translate()
    const candidate = await loadPolicyFile(policyFile, t)
    const journal = new BatchJournal(ctx.db)
    const job = journal.job(id)
    if (!job) throw new CliFailure('batch.job_not_found', t('errors.batch.job_not_found', { id }))
    if (job.status !== 'done' && job.status !== 'cancelled')
      throw new CliFailure('batch.not_finished', t('errors.batch.not_finished', { id, status: job.status }))
    // "Before" is what the job's recorded decision set says (a finished job never recorded is recorded now).
    const inForce = ctx.settings.get().policy
    const recorded =
      job.decisionSet === null
        ? core.modules.decisions.conclude(job, job.policy ?? inForce, analystName(ctx.settings))
        : job
    const current = materialise(ctx.db, journal, recorded, inForce)
    const started = performance.now()
    const result = whatIf(ctx.db, current, candidate, Number.MAX_SAFE_INTEGER)
    const ms = performance.now() - started
    const adopted = opts.adopt
      ? await invokeOrThrow(core, 'batch:adopt', { jobId: id, policy: candidate, reason })
      : null
    io.stdout(
      `${JSON.stringify({
        job: id,
        changed: result.changed,
        before: result.before,
        after: result.after,
        policy: adopted ? { ...result.policy, after: adopted.job.policy ?? result.policy.after } : result.policy,
        rows: result.rows,
        adopted: adopted ? { set: adopted.job.decided?.setNo ?? null, changed: adopted.changed } : null,
      })}\n`,
    )
    if (g.json) return
    io.stderr(`rescore: ${t('policy.whatif.changed', { count: result.changed })} (${Math.round(ms)} ms)\n`)
    if (adopted)
      io.stderr(
        `rescore: ${t('cli.screen.adopted', { policy: policyLabel(adopted.job.policy ?? result.policy.after), job: id, count: adopted.changed })}\n`,
      )
  })
}
