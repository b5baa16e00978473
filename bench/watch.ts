/*
 * npm run bench:watch — a watchlist pass (issue #17), through the CLI as a server would run it:
 *  100k lines (Alerta) against the sandbox at 50 ms latency, `sentinela watch run --once` timed from start to exit
 *  (import of the pass, the calls, the comparison of every line, the changes recorded). Printed: the pass's time
 *  against the provider-bound ideal — the calls made divided by min(rate limit, concurrency / latency); target
 *  ≥ 0.95 — and the process's peak RSS (target < 300 MB). BENCH_WATCH_LINES shrinks the run for a quick look.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { writeCustomersCsv } from '../test/helpers/customers'
import { BIN, startSandbox, watchPeakRss } from './common'

const LATENCY_MS = 50
const LINES = Number(process.env['BENCH_WATCH_LINES'] ?? 100_000)
const CONCURRENCY = 60
const RATE = 1000

function cli(
  dataDir: string,
  claro: string,
  args: string[],
): Promise<{ code: number | null; out: string; peakMb: number; seconds: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, '--endpoint', `claro=${claro}`, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const peak = watchPeakRss(child.pid)
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  return new Promise((resolve) =>
    child.once('exit', (code) =>
      resolve({ code, out, peakMb: peak.stop() / 1024, seconds: (performance.now() - started) / 1000 }),
    ),
  )
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-watch-'))
  const sandbox = await startSandbox(join(dir, 'sandbox'), LATENCY_MS)
  try {
    const data = join(dir, 'data')
    const input = join(dir, 'carteira.csv')
    await writeCustomersCsv(input, { rows: LINES, unique: LINES })
    const added = await cli(data, sandbox.claro, [
      '--json',
      'watch',
      'add',
      input,
      '--checks',
      'alerts',
      '--every',
      '1440',
    ])
    if (added.code !== 0) throw new Error(`watch add failed (${added.code})`)
    const pace = ['--concurrency', String(CONCURRENCY), '--rate', `claro=${RATE}`]
    const first = await cli(data, sandbox.claro, ['--json', 'watch', 'run', '--once', ...pace])
    if (first.code !== 0) throw new Error(`watch run failed (${first.code})`)
    const [pass] = JSON.parse(first.out) as { pass: number; asked: number; changes: unknown[] }[]
    const calls = pass?.asked ?? 0
    const ideal = calls / Math.min(RATE, CONCURRENCY / (LATENCY_MS / 1000))
    // The pass as the database saw it: opened (before its list is imported) to its changes committed.
    const db = new Database(join(data, 'sentinela.db'), { readonly: true })
    const row = db.prepare('SELECT started_at, finished_at FROM watch_passes WHERE id = ?').get(pass?.pass) as {
      started_at: string
      finished_at: string
    }
    db.close()
    const passSeconds = (Date.parse(row.finished_at) - Date.parse(row.started_at)) / 1000
    const rows = [
      ['lines', String(LINES)],
      ['Alerta calls (unique phones)', String(calls)],
      ['provider-bound ideal', `${ideal.toFixed(1)} s`],
      ['pass: opened → changes recorded', `${passSeconds.toFixed(1)} s`],
      ['ratio to ideal (target ≥ 0.95)', (ideal / passSeconds).toFixed(3)],
      ['process, start to exit', `${first.seconds.toFixed(1)} s (ratio ${(ideal / first.seconds).toFixed(3)})`],
      ['peak RSS (target < 300 MB)', `${first.peakMb.toFixed(0)} MB`],
      ['baseline changes', String(pass?.changes.length ?? 0)],
    ]
    for (const [k, v] of rows) console.log(`${(k ?? '').padEnd(34)} ${v}`)
  } finally {
    sandbox.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
