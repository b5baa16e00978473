/*
 * npm run bench:privacy — an LGPD request over a full data folder (issue #14): a 100k-row batch imported (rows,
 * keys), its list in batch-uploads, a 20k-line log and 10k masked history rows; then `privacy:report` and
 * `privacy:erase` for one customer. Prints the time of each, rows scanned per second, and the database size before
 * and after (VACUUM). BENCH_ROWS shrinks the run.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../src-main/app'
import { prepareJob } from '../src-main/services/batch/service'
import { writeCustomersCsv } from '../test/helpers/customers'
import { invokeOrThrow } from '../src-main/cli/invoke'

const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000)
const HISTORY = 10_000

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-privacy-'))
  const core = await createCore({ dataDir: dir, host: 'cli' })
  try {
    mkdirSync(join(dir, 'batch-uploads'))
    const list = join(dir, 'batch-uploads', 'lista.csv')
    const { cpfs } = await writeCustomersCsv(join(dir, 'source.csv'), { rows: ROWS, unique: ROWS })
    copyFileSync(join(dir, 'source.csv'), list)
    rmSync(join(dir, 'source.csv'))
    await prepareJob(core.context, { inputPath: list, checks: ['alerts', 'score'] })
    for (let i = 0; i < HISTORY; i++)
      core.context.history.add({
        environment: 'sandbox',
        kind: 'score',
        identifier: cpfs[i % cpfs.length] ?? '',
        outcome: 'ok',
        summary: '870',
        errorCode: null,
        durationMs: 1,
        raw: null,
      })
    for (let i = 0; i < 20_000; i++) core.context.log.info('bench.line', { i })
    const subject = cpfs[Math.floor(cpfs.length / 2)] ?? ''
    const dbBefore = statSync(join(dir, 'sentinela.db')).size
    const t0 = performance.now()
    const report = await invokeOrThrow(core, 'privacy:report', { kind: 'cpf', value: subject })
    const t1 = performance.now()
    const erased = await invokeOrThrow(core, 'privacy:erase', { kind: 'cpf', value: subject, confirm: true })
    const t2 = performance.now()
    const dbAfter = statSync(join(dir, 'sentinela.db')).size
    const scanned = ROWS + HISTORY
    console.table([
      {
        step: 'report',
        ms: Math.round(t1 - t0),
        'rows/s': Math.round(scanned / ((t1 - t0) / 1000)),
        found: report.total,
      },
      {
        step: 'erase (incl. VACUUM)',
        ms: Math.round(t2 - t1),
        'rows/s': Math.round(scanned / ((t2 - t1) / 1000)),
        found: erased.total,
      },
    ])
    console.log(
      `database ${(dbBefore / 1e6).toFixed(1)} MB → ${(dbAfter / 1e6).toFixed(1)} MB after the erasure; WAL emptied: ${erased.storageClean}`,
    )
  } finally {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
