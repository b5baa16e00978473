/*
 * npm run bench:batch — batch screening (issue #8), printed as a table:
 *  (a) 100k rows × 2 checks (Alerta + Score) against the sandbox at 50 ms latency: calls/s divided by the ideal
 *      min(rate limit, concurrency / latency). Target ≥ 0.95.
 *  (b) a 1M-row CSV through the CLI (`sentinela screen`): peak RSS of the process. Target < 400 MB.
 *  (c) in the same run, the seeds' sample-code approach (one request at a time, a new token per call) on the same
 *      sandbox: Sentinela's speed-up over it.
 *  (d) what-if on the finished 100k-row job of (a): re-deciding every row under another policy from the stored
 *      answers (no provider call), as `screen --rescore` does (every changed row listed). Target < 2 s.
 * The sandbox runs in its own process (`sentinela sandbox`), as a remote provider would, so the measured process
 * is only Sentinela. BENCH_ROWS, BENCH_BIG_ROWS and BENCH_SEED_CALLS shrink the run for a quick look.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'undici'
import { createCore } from '../src-main/app'
import { silentLogger } from '../src-main/infra/log'
import { DEFAULT_RUN_OPTIONS } from '../src-main/services/batch/runner'
import { prepareJob, runJob } from '../src-main/services/batch/service'
import { BatchJournal } from '../src-main/services/batch/journal'
import { materialise } from '../src-main/services/batch/results'
import { whatIf } from '../src-main/services/batch/whatif'
import { DEFAULT_POLICY, type Policy } from '../src-shared/domain/policy'
import { writeCustomersCsv } from '../test/helpers/customers'
import { BIN, startSandbox, watchPeakRss } from './common'

const LATENCY_MS = 50
const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000)
const BIG_ROWS = Number(process.env['BENCH_BIG_ROWS'] ?? 1_000_000)
const SEED_CALLS = Number(process.env['BENCH_SEED_CALLS'] ?? 200)
const CONCURRENCY = 60
const RATE = 1000

/** (a) the engine alone: calls per second over the run phase. */
interface Rescore {
  buildSeconds: number
  rescoreSeconds: number
  adoptSeconds: number
  changed: number
}

async function throughput(
  dir: string,
  claro: string,
): Promise<{ calls: number; seconds: number; perSecond: number; ideal: number; rescore: Rescore }> {
  const input = join(dir, 'a.csv')
  await writeCustomersCsv(input, { rows: ROWS, unique: ROWS })
  const core = await createCore({ dataDir: join(dir, 'a-data'), host: 'cli', log: silentLogger, endpoints: { claro } })
  try {
    const job = await prepareJob(core.context, { inputPath: input, checks: ['score', 'alerts'] })
    const options = {
      ...structuredClone(DEFAULT_RUN_OPTIONS),
      concurrency: { claro: CONCURRENCY, clearsale: 1, mse: 1 },
      rate: { claro: RATE, clearsale: 1, mse: 1 },
    }
    const started = performance.now()
    await runJob(core.context, job, options).done
    const seconds = (performance.now() - started) / 1000
    // The calls actually made: unique identifiers per check (phones repeat in the generated list).
    const counts = new BatchJournal(core.context.db).counts(job.id)
    const calls =
      Object.values(counts.answered).reduce((a, b) => a + b, 0) +
      Object.values(counts.failed).reduce((a, b) => a + b, 0)
    return {
      calls,
      seconds,
      perSecond: calls / seconds,
      ideal: Math.min(RATE, CONCURRENCY / (LATENCY_MS / 1000)),
      rescore: rescore(core, job.id),
    }
  } finally {
    await core.close()
  }
}

/** (d) the results built once (what the grid and exports read), then the same job under a stricter policy. */
function rescore(core: Awaited<ReturnType<typeof createCore>>, jobId: number): Rescore {
  const db = core.context.db
  const journal = new BatchJournal(db)
  const job = journal.job(jobId)
  if (!job) throw new Error(`job ${jobId} vanished`)
  let started = performance.now()
  const built = materialise(db, journal, job, DEFAULT_POLICY)
  const buildSeconds = (performance.now() - started) / 1000
  const strict: Policy = {
    ...DEFAULT_POLICY,
    rules: { ...DEFAULT_POLICY.rules, claro_score_low: { enabled: true, action: 'revisar', below: 600 } },
  }
  started = performance.now()
  const result = whatIf(db, built, strict, Number.MAX_SAFE_INTEGER)
  const rescoreSeconds = (performance.now() - started) / 1000
  started = performance.now()
  materialise(db, journal, built, strict)
  const adoptSeconds = (performance.now() - started) / 1000
  return { buildSeconds, rescoreSeconds, adoptSeconds, changed: result.changed }
}

/** (b) the CLI on a million rows: peak RSS read from /proc (VmHWM) while it runs. */
async function bigFile(
  dir: string,
  claro: string,
): Promise<{ rows: number; seconds: number; peakMb: number; outRows: number }> {
  const input = join(dir, 'big.csv')
  await writeCustomersCsv(input, { rows: BIG_ROWS, unique: 2000 })
  const out = join(dir, 'big-out.csv')
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [
      BIN,
      '--data-dir',
      join(dir, 'b-data'),
      '--endpoint',
      `claro=${claro}`,
      'screen',
      input,
      '--checks',
      'score',
      '--out',
      out,
      '--concurrency',
      String(CONCURRENCY),
      '--rate',
      `claro=${RATE}`,
    ],
    {
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  )
  const peak = watchPeakRss(child.pid)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  const peakKb = peak.stop()
  if (code !== 0) throw new Error(`screen exited ${code}`)
  let outRows = -1
  for (const c of readFileSync(out)) if (c === 0x0a) outRows++
  return { rows: BIG_ROWS, seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024, outRows }
}

/**
 * (e) the UI path of an export (issue #15): `sentinela serve` on (b)'s data folder exports the 1M-row job
 * (`batch:export`, written to disk as it is built) and streams it to the browser (`GET /api/download/…`). Peak RSS of
 * the serve process, which holds what the desktop's main process would.
 */
async function uiExport(dir: string): Promise<{ peakMb: number; bytes: number; seconds: number }> {
  const child = spawn(process.execPath, [BIN, '--data-dir', join(dir, 'b-data'), 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const url = await new Promise<URL>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out)
      if (match) resolve(new URL(match[0]))
    })
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)))
  })
  const peak = watchPeakRss(child.pid)
  const headers = { 'x-sentinela-token': url.searchParams.get('token') ?? '', 'content-type': 'application/json' }
  const invoke = async (channel: string, payload: unknown): Promise<unknown> => {
    const res = await request(`${url.origin}/api/invoke`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ channel, payload }),
    })
    const answer = (await res.body.json()) as { ok: boolean; data?: unknown }
    if (!answer.ok) throw new Error(JSON.stringify(answer))
    return answer.data
  }
  try {
    const started = performance.now()
    const jobs = (await invoke('batch:jobs', {})) as { id: number }[]
    const exported = (await invoke('batch:export', { jobId: jobs[0]?.id ?? 0, format: 'csv' })) as { download: string }
    const res = await request(`${url.origin}${exported.download}`, { headers })
    let bytes = 0
    for await (const chunk of res.body) bytes += (chunk as Buffer).length
    return { peakMb: peak.stop() / 1024, bytes, seconds: (performance.now() - started) / 1000 }
  } finally {
    peak.stop()
    child.kill('SIGTERM')
  }
}

/** (c) the seeds' samples: for each CPF, ask a token, then the score, one at a time. */
async function seedsApproach(claro: string): Promise<{ calls: number; seconds: number; perSecond: number }> {
  const basic = Buffer.from('sentinela-sandbox-key:sentinela-sandbox-secret').toString('base64')
  const started = performance.now()
  for (let i = 0; i < SEED_CALLS; i++) {
    const token = await request(`${claro}/oauth2/v1/token`, {
      method: 'POST',
      headers: { 'x-client-auth': `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    })
    const { access_token } = (await token.body.json()) as { access_token: string }
    const score = await request(`${claro}/customers/v1/scores`, {
      method: 'POST',
      headers: {
        'x-client-auth': `Bearer ${access_token}`,
        'X-CustomerID': 'SENTINELA_SANDBOX',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ data: { customer: { idCpf: '52998224725' } } }),
    })
    await score.body.dump()
  }
  const seconds = (performance.now() - started) / 1000
  return { calls: SEED_CALLS, seconds, perSecond: SEED_CALLS / seconds }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-batch-'))
  writeFileSync(join(dir, 'settings.json'), '{}')
  const sandbox = await startSandbox(join(dir, 'sandbox'), LATENCY_MS)
  try {
    const a = await throughput(dir, sandbox.claro)
    const b = await bigFile(dir, sandbox.claro)
    const e = await uiExport(dir)
    const c = await seedsApproach(sandbox.claro)
    const row = (name: string, value: string, target: string) =>
      console.log(`${name.padEnd(62)} ${value.padStart(22)}   ${target}`)
    console.log(
      `\nbench:batch — sandbox in its own process, latency ${LATENCY_MS} ms, concurrency ${CONCURRENCY}, rate ${RATE}/s (Node ${process.versions.node})\n`,
    )
    row('measure', 'value', 'target')
    row(
      `(a) ${ROWS.toLocaleString('en')} rows × 2 checks: ${a.calls.toLocaleString('en')} calls`,
      `${a.perSecond.toFixed(0)} /s (${a.seconds.toFixed(1)} s)`,
      '',
    )
    row(`(a) ideal min(rate ${RATE}, ${CONCURRENCY} / ${LATENCY_MS} ms)`, `${a.ideal.toFixed(0)} /s`, '')
    row('(a) throughput ÷ ideal', (a.perSecond / a.ideal).toFixed(3), '≥ 0.95')
    row(`(b) ${b.rows.toLocaleString('en')}-row CSV through the CLI: peak RSS`, `${b.peakMb.toFixed(0)} MB`, '< 400 MB')
    row(
      '(b) wall time, rows written',
      `${b.seconds.toFixed(1)} s, ${b.outRows.toLocaleString('en')}`,
      `${b.rows.toLocaleString('en')} rows`,
    )
    row(
      `(e) the same job exported through the browser host (UI path): peak RSS`,
      `${e.peakMb.toFixed(0)} MB`,
      '< 300 MB',
    )
    row('(e) export + streamed download', `${e.seconds.toFixed(1)} s, ${(e.bytes / 1e6).toFixed(0)} MB`, '')
    row(`(c) seeds' samples (token per call, one at a time): calls/s`, `${c.perSecond.toFixed(1)} /s`, '')
    row("(c) Sentinela speed-up over the seeds' samples", `${(a.perSecond / c.perSecond).toFixed(1)}×`, '')
    row(
      `(d) results of (a) built once (facts + verdicts, ${ROWS.toLocaleString('en')} rows)`,
      `${a.rescore.buildSeconds.toFixed(2)} s`,
      '',
    )
    row(
      `(d) what-if / rescore under a stricter policy (${a.rescore.changed.toLocaleString('en')} rows change)`,
      `${a.rescore.rescoreSeconds.toFixed(2)} s`,
      '< 2 s',
    )
    row('(d) adopting that policy: every row re-decided and stored', `${a.rescore.adoptSeconds.toFixed(2)} s`, '')
  } finally {
    sandbox.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
