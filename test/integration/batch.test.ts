import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'undici'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { writeCustomersCsv } from '../helpers/customers'
import { createClaroSandbox } from '../../src-main/providers/claro/sandbox'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { SandboxKnobsSchema, type SandboxKnobs } from '../../src-shared/domain/settings'
import { BatchJournal, type JobRow } from '../../src-main/services/batch/journal'
import { purgeBatches } from '../../src-main/services/batch/files'
import { DEFAULT_RUN_OPTIONS, type Progress, type RunOptions } from '../../src-main/services/batch/runner'
import { exportJob, prepareJob, runJob } from '../../src-main/services/batch/service'
import { UPLOAD_CHUNK_BYTES } from '../../src-shared/contract/batch'
import { createCore } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'

/* Batch screening against a Claro sandbox the test controls (issue #8 acceptance: dedupe, faults, limits). */
const knobs: SandboxKnobs = SandboxKnobsSchema.parse({})
let claro: SandboxServer
const h = coreWithPrivateKeychain({ host: 'cli', endpoints: {} })
beforeEach(async () => {
  Object.assign(knobs, SandboxKnobsSchema.parse({}))
  claro = await startSandboxServer(createClaroSandbox(), () => knobs)
  ;(h.core.context as { endpoints: Record<string, string> }).endpoints['claro'] = claro.url
})
afterEach(() => claro.close())

const options = (patch: Partial<RunOptions> = {}): RunOptions => ({
  ...structuredClone(DEFAULT_RUN_OPTIONS),
  concurrency: { claro: 16, clearsale: 4, mse: 4 },
  rate: { claro: 2000, clearsale: 10, mse: 10 },
  timeoutMs: 2000,
  ...patch,
})
const sandbox = (path: string, method = 'POST') =>
  request(`${claro.url}${path}`, { method }).then((r) => r.body.json() as Promise<unknown>)

describe('batch screening', () => {
  it('10k rows with 30 % repeated identifiers: one call per unique identifier, every row out once and in order', async () => {
    const input = join(h.dataDir, 'clientes.csv')
    await writeCustomersCsv(input, { rows: 10_000, unique: 7_000 })
    const job = await prepareJob(h.core.context, { inputPath: input, checks: ['score'] })
    expect(job).toMatchObject({
      status: 'ready',
      totalRows: 10_000,
      invalidRows: 0,
      sniffed: { delimiter: ';', encoding: 'utf-8' },
    })
    expect(await runJob(h.core.context, job, options()).done).toBe('done')
    const stats = (await sandbox('/__sandbox/stats', 'GET')) as Record<string, number>
    expect(stats['POST /customers/v1/scores']).toBe(7_000)
    const out = join(h.dataDir, 'out.csv')
    expect(
      (
        await exportJob(h.core.context, job, out, {
          policy: h.core.context.settings.get().policy,
          columns: 'codes',
          delimiter: ';',
        })
      ).rows,
    ).toBe(10_000)
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n')
    expect(lines).toHaveLength(10_001)
    expect(lines[0]?.startsWith('\uFEFFNome;CPF;')).toBe(true)
    expect(lines.slice(1).map((l) => Number(/^"Cliente (\d+)"/.exec(l)?.[1]))).toEqual(
      Array.from({ length: 10_000 }, (_, i) => i),
    )
    expect(lines.slice(1).every((l) => l.includes(';ok;'))).toBe(true)
  })

  it('with 500s, hangs past the timeout, 429s and a 401 mid-run: every row ends ok or failed with a reason, the rate is never exceeded', async () => {
    const input = join(h.dataDir, 'faults.csv')
    await writeCustomersCsv(input, { rows: 300, unique: 300 })
    Object.assign(knobs, { errorRate: 0.05, rateLimitPerSecond: 30 })
    await request(`${claro.url}/__sandbox/faults?hangRate=0.02&hangMs=1500`, { method: 'POST' })
    await sandbox('/__sandbox/arrivals?on=1')
    const job = await prepareJob(h.core.context, { inputPath: input, checks: ['score'] })
    // When Sentinela puts each Score request on the wire (its HTTP client, the last step before the socket). The
    // sandbox runs in this process: a busy event loop (a journal write, a GC) makes it see requests sent apart as one
    // burst, so the rate is judged where Sentinela controls it; the sandbox confirms no request went around it.
    const http = h.core.context.http
    const sent: number[] = []
    const send = http.send.bind(http)
    const spy = vi.spyOn(http, 'send').mockImplementation((provider, req) => {
      if (req.url.endsWith('/customers/v1/scores')) sent.push(performance.now())
      return send(provider, req)
    })
    const run = runJob(
      h.core.context,
      job,
      options({ rate: { claro: 40, clearsale: 10, mse: 10 }, timeoutMs: 500, maxAttempts: 6 }),
    )
    setTimeout(() => void request(`${claro.url}/__sandbox/revoke-tokens`, { method: 'POST' }), 2000)
    expect(await run.done).toBe('done')
    spy.mockRestore()
    const stats = (await sandbox('/__sandbox/stats', 'GET')) as Record<string, number>
    expect(stats['simulated 500']).toBeGreaterThan(0)
    expect(stats['simulated 429']).toBeGreaterThan(0)
    expect(stats['simulated hang']).toBeGreaterThan(0)
    expect(stats['POST /oauth2/v1/token']).toBeGreaterThanOrEqual(2) // renewed after the revocation
    const journal = new BatchJournal(h.core.context.db)
    const counts = journal.counts(job.id)
    expect((counts.answered['score'] ?? 0) + (counts.failed['score'] ?? 0)).toBe(300)
    for (const row of journal.rows(job.id, 1, 300)) {
      const call = journal.call(job.id, 'score', row.keys.score ?? '')
      expect(call?.ok === true || (call?.ok === false && (call.reason ?? '').length > 0)).toBe(true)
    }
    const arrivals = ((await sandbox('/__sandbox/arrivals', 'GET')) as { t: number; path: string }[]).filter(
      (a) => a.path === '/customers/v1/scores',
    )
    // Every request the provider received was one Sentinela sent through its limiter (none went around it)…
    expect(arrivals.length).toBe(sent.length)
    // … and never more than 40 of them started in any one second.
    const worst = Math.max(...sent.map((t) => sent.filter((s) => s >= t && s < t + 1000).length))
    expect(worst).toBeLessThanOrEqual(40)
  })

  it('pausing: "paused" is said once the requests on the wire have answered, with the final count; resuming finishes every row once', async () => {
    const input = join(h.dataDir, 'pausa.csv')
    await writeCustomersCsv(input, { rows: 300, unique: 300 })
    knobs.latencyMs = 50
    const job = await prepareJob(h.core.context, { inputPath: input, checks: ['score'] })
    const events: Progress[] = []
    const { runner, done } = runJob(
      h.core.context,
      job,
      options({ concurrency: { claro: 8, clearsale: 4, mse: 4 }, rate: { claro: 1000, clearsale: 10, mse: 10 } }),
      (p) => events.push(p),
    )
    const scoreCalls = async () =>
      ((await sandbox('/__sandbox/stats', 'GET')) as Record<string, number>)['POST /customers/v1/scores'] ?? 0
    await vi.waitFor(async () => expect(await scoreCalls()).toBeGreaterThanOrEqual(20), {
      timeout: 10_000,
      interval: 5,
    })
    runner.pause()
    await vi.waitFor(() => expect(events.at(-1)?.status).toBe('paused'), { timeout: 10_000, interval: 5 })
    const paused = events.at(-1) as Progress
    // Every request that left has answered and is counted; none is on the wire, so nothing moves until resumed.
    expect(await scoreCalls()).toBe(paused.done + paused.failed)
    expect(paused.remaining).toBeGreaterThan(0)
    runner.resume()
    expect(await done).toBe('done')
    expect(await scoreCalls()).toBe(300)
    expect(events.at(-1)).toMatchObject({ status: 'done', done: 300, remaining: 0 })
  })

  it('while a run is paused mid-way, the grid in file order is decided from the journal page by page, without rebuilding every result', async () => {
    const input = join(h.dataDir, 'ao-vivo.csv')
    await writeCustomersCsv(input, { rows: 400, unique: 400 })
    knobs.latencyMs = 20
    const job = await prepareJob(h.core.context, { inputPath: input, checks: ['score'] })
    const events: Progress[] = []
    const fast = options({
      concurrency: { claro: 4, clearsale: 4, mse: 4 },
      rate: { claro: 1000, clearsale: 10, mse: 10 },
    })
    const { runner, done } = runJob(h.core.context, job, fast, (p) => events.push(p))
    await vi.waitFor(() => expect(events.at(-1)?.done ?? 0).toBeGreaterThanOrEqual(40), {
      timeout: 10_000,
      interval: 5,
    })
    runner.pause()
    await vi.waitFor(() => expect(events.at(-1)?.status).toBe('paused'), { timeout: 10_000, interval: 5 })
    const answered = (events.at(-1) as Progress).done
    const invoke = h.core.router.invoke.bind(h.core.router)
    const page = (await invoke('batch:rows', { jobId: job.id, offset: 0, limit: 400 })) as {
      ok: true
      data: { total: number; rows: { rowNo: number; verdict: string; reasons: { code: string }[] }[] }
    }
    expect(page.data.total).toBe(400)
    expect(page.data.rows.map((r) => r.rowNo)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1))
    // Rows whose score landed are decided on it; the others say their check is still pending — never approved.
    const pending = page.data.rows.filter((r) => r.reasons.some((x) => x.code === 'score.not_run:pending'))
    expect(pending.length).toBe(400 - answered)
    expect(pending.every((r) => r.verdict !== 'aprovar')).toBe(true)
    const materialised = h.core.context.db
      .prepare('SELECT COUNT(*) AS n FROM batch_results WHERE job_id = ?')
      .get(job.id)
    expect(materialised).toEqual({ n: 0 })
    runner.resume()
    expect(await done).toBe('done')
  })

  it('an app closed mid-run resumes the batch when it opens again, without repeating an answered call', async () => {
    const dir = join(h.dataDir, 'app')
    const input = join(h.dataDir, 'app.csv')
    await writeCustomersCsv(input, { rows: 120, unique: 120 })
    const open = async () => {
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ callbacks: { bindAddress: '127.0.0.1', port: 0 } }))
      return createCore({
        dataDir: dir,
        host: 'browser',
        log: silentLogger,
        endpoints: { claro: claro.url },
        startCallbacks: true,
      })
    }
    mkdirSync(dir, { recursive: true })
    const first = await open()
    // An upload id that is not one of ours (a path, say) is refused.
    expect(
      await first.router.invoke('batch:plan', { uploadId: '../../etc/passwd', checks: ['score'], mapping: {} }),
    ).toMatchObject({ ok: false, error: { code: 'batch.input_missing' } })
    const job = await prepareJob(first.context, { inputPath: input, checks: ['score'] })
    expect(await first.router.invoke('batch:start', { jobId: job.id, concurrency: 2, rate: { claro: 40 } })).toEqual({
      ok: true,
      data: { started: true },
    })
    const stats = async () =>
      ((await sandbox('/__sandbox/stats', 'GET')) as Record<string, number>)['POST /customers/v1/scores'] ?? 0
    // Closed mid-run: once a few answers have landed, long before the 120 could (2 at a time, 40/s).
    await vi.waitFor(async () => expect(await stats()).toBeGreaterThanOrEqual(10), { timeout: 10_000, interval: 20 })
    await first.close()
    const before = await stats()
    expect(before).toBeGreaterThan(0)
    expect(before).toBeLessThan(120)

    const second = await open()
    try {
      const journal = new BatchJournal(second.context.db)
      await expect.poll(() => journal.job(job.id)?.status, { timeout: 15_000 }).toBe('done')
      expect(journal.counts(job.id).answered['score']).toBe(120)
      expect(await stats()).toBe(120)
    } finally {
      await second.close()
    }
  })

  it('a multi-megabyte list arrives in pieces under the payload limit, in order only', async () => {
    const input = join(h.dataDir, 'grande.csv')
    await writeCustomersCsv(input, { rows: 40_000, unique: 40_000 })
    const bytes = readFileSync(input)
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024)
    const invoke = h.core.router.invoke.bind(h.core.router)
    const begun = await invoke('batch:upload-begin', { name: 'grande.csv' })
    const uploadId = (begun as { ok: true; data: { uploadId: string } }).data.uploadId
    for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) {
      const piece = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES).toString('base64')
      expect(await invoke('batch:upload-chunk', { uploadId, offset, dataBase64: piece })).toMatchObject({
        ok: true,
        data: { bytes: Math.min(bytes.length, offset + UPLOAD_CHUNK_BYTES) },
      })
    }
    expect(await invoke('batch:upload-chunk', { uploadId, offset: 0, dataBase64: 'AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'batch.upload_order' },
    })
    const ended = await invoke('batch:upload-end', { uploadId, name: 'grande.csv' })
    expect(ended).toMatchObject({
      ok: true,
      data: {
        header: ['Nome', 'CPF', 'Telefone Celular', 'E-mail'],
        mapping: { cpf: 1, phone: 2, email: 3 },
        delimiter: ';',
        problem: null,
      },
    })
    const plan = await invoke('batch:plan', { uploadId, checks: ['score'], mapping: { cpf: 1, phone: 2 } })
    expect(plan).toMatchObject({
      ok: true,
      data: { job: { totalRows: 40_000, invalidRows: 0 }, callsByProvider: { claro: 40_000 } },
    })
  })

  it('LGPD retention: an old batch leaves with its rows, answers, uploaded list and exports', async () => {
    const ctx = h.core.context
    const invoke = h.core.router.invoke.bind(h.core.router)
    const { data } = (await invoke('batch:upload-begin', { name: 'lgpd.csv' })) as {
      ok: true
      data: { uploadId: string }
    }
    const csv = Buffer.from('Nome;CPF\nAna;529.982.247-25\n')
    await invoke('batch:upload-chunk', { uploadId: data.uploadId, offset: 0, dataBase64: csv.toString('base64') })
    await invoke('batch:upload-end', { uploadId: data.uploadId, name: 'lgpd.csv' })
    const plan = (await invoke('batch:plan', { uploadId: data.uploadId, checks: ['score'], mapping: { cpf: 1 } })) as {
      ok: true
      data: { job: { id: number } }
    }
    const jobId = plan.data.job.id
    const journal = new BatchJournal(ctx.db)
    await runJob(ctx, journal.job(jobId) as JobRow, options()).done
    const exported = (await invoke('batch:export', { jobId, format: 'csv' })) as { ok: true; data: { path: string } }
    const upload = (journal.job(jobId) as JobRow).inputPath
    expect(existsSync(upload) && existsSync(exported.data.path)).toBe(true)

    expect(purgeBatches(ctx, new Date())).toBe(0) // young: kept
    const later = new Date(Date.now() + (ctx.settings.get().historyRetentionDays + 1) * 86_400_000)
    expect(purgeBatches(ctx, later)).toBe(1)
    expect(journal.job(jobId)).toBeNull()
    expect(journal.call(jobId, 'score', '52998224725')).toBeNull()
    expect(journal.rows(jobId, 1, 10)).toEqual([])
    expect(existsSync(upload) || existsSync(exported.data.path)).toBe(false)
  })
})
