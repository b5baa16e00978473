import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCore, type Core } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { invokeOrThrow } from '../../src-main/cli/invoke'
import { DEFAULT_POLICY, type Policy } from '../../src-shared/domain/policy'
import { writeCustomersCsv } from '../helpers/customers'
import { tempDir } from '../helpers/tmp'

/*
 * Issue #22 acceptance: what was decided stays decided. A finished batch keeps its verdicts, counts and export when a
 * stricter policy is saved — even after the app restarts; only an explicit adoption (after the what-if) re-decides
 * it, keeping the previous set and adding a line to the policy log.
 */

const dirs: ReturnType<typeof tempDir>[] = []
const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
  dirs.splice(0).forEach((d) => d.cleanup())
})

async function open(dataDir: string): Promise<Core> {
  const core = await createCore({ dataDir, host: 'cli', log: silentLogger })
  cores.push(core)
  return core
}

async function close(core: Core): Promise<void> {
  cores.splice(cores.indexOf(core), 1)
  await core.close()
}

async function upload(core: Core, path: string): Promise<string> {
  const { uploadId } = await invokeOrThrow(core, 'batch:upload-begin', { name: 'clientes.csv' })
  const bytes = readFileSync(path)
  await invokeOrThrow(core, 'batch:upload-chunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') })
  await invokeOrThrow(core, 'batch:upload-end', { uploadId, name: 'clientes.csv' })
  return uploadId
}

/** Everything an analyst can see of a job: every grid row, the counts, a fresh export's bytes (minus its file name). */
async function observe(core: Core, jobId: number) {
  const rows = await invokeOrThrow(core, 'batch:rows', { jobId, offset: 0, limit: 1000 })
  const stats = await invokeOrThrow(core, 'batch:stats', { jobId })
  const exported = await invokeOrThrow(core, 'batch:export', { jobId, format: 'csv', delimiter: ';' })
  const csv = exported.saved ? readFileSync(exported.path, 'utf8') : ''
  const job = (await invokeOrThrow(core, 'batch:jobs', {})).find((j) => j.id === jobId)
  return { rows, verdicts: stats.verdicts, csv, policy: job?.policy, decided: job?.decided }
}

const stricter = (base: Policy): Policy => ({
  ...base,
  name: 'Crédito restrito',
  rules: { ...base.rules, claro_score_low: { enabled: true, action: 'recusar', below: 700 } },
})

describe('a finished batch keeps what was decided', () => {
  it('saving a stricter policy and restarting changes nothing; adopting it through the what-if does, and is logged', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const input = join(dir.path, 'clientes.csv')
    await writeCustomersCsv(input, { rows: 60, unique: 50 })
    let core = await open(dir.path)
    const uploadId = await upload(core, input)
    const plan = await invokeOrThrow(core, 'batch:plan', { uploadId, checks: ['score'], mapping: { cpf: 1 } })
    const jobId = plan.job.id
    await invokeOrThrow(core, 'batch:start', { jobId, concurrency: 8, rate: { claro: 500 } })
    await vi.waitFor(
      async () =>
        expect((await invokeOrThrow(core, 'batch:jobs', {})).find((j) => j.id === jobId)?.decided).not.toBeNull(),
      { timeout: 20_000, interval: 20 },
    )
    const before = await observe(core, jobId)
    expect(before.decided).toMatchObject({ setNo: 1, kind: 'finished', policy: { version: 1 } })
    expect(before.verdicts['pendente']).toBe(0)
    // The sandbox's scores are spread over 0–1000: a line at 700 that refuses must change some verdicts.
    const simulated = await invokeOrThrow(core, 'batch:whatif', { jobId, policy: stricter(DEFAULT_POLICY), limit: 10 })
    expect(simulated.changed).toBeGreaterThan(0)

    await invokeOrThrow(core, 'policy:set', { policy: stricter(DEFAULT_POLICY), reason: 'comitê de dezembro' })
    expect((await observe(core, jobId)).rows).toEqual(before.rows)
    await close(core)
    core = await open(dir.path)
    const reloaded = await observe(core, jobId)
    expect(reloaded.rows).toEqual(before.rows)
    expect(reloaded.verdicts).toEqual(before.verdicts)
    expect(reloaded.csv).toBe(before.csv)
    expect(reloaded.policy).toEqual(before.policy)
    expect(core.context.settings.get().policy.version).toBe(2)

    // The what-if compares the job's own decision with the policy in force now; adopting it is the explicit act.
    const inForce = core.context.settings.get().policy
    const whatIf = await invokeOrThrow(core, 'batch:whatif', { jobId, policy: inForce, limit: 100 })
    expect(whatIf.policy.before.version).toBe(1)
    expect(whatIf.changed).toBe(simulated.changed)
    const unexplained = await core.router.invoke('batch:adopt', { jobId, policy: inForce, reason: '' })
    expect(unexplained).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    const adopted = await invokeOrThrow(core, 'batch:adopt', { jobId, policy: inForce, reason: 'lote de dezembro' })
    expect(adopted.changed).toBe(whatIf.changed)
    expect(adopted.job.decided).toMatchObject({ setNo: 2, kind: 'adopted', reason: 'lote de dezembro' })
    const after = await observe(core, jobId)
    expect(after.verdicts).toEqual(whatIf.after)
    expect(after.csv).not.toBe(before.csv)
    expect(after.csv).toContain('v2 · ')
    const sets = await invokeOrThrow(core, 'batch:decisions', { jobId })
    expect(sets.map((s) => [s.setNo, s.kind, s.policy.version])).toEqual([
      [1, 'finished', 1],
      [2, 'adopted', 2],
    ])
    expect(sets[0]?.counts).toEqual(before.verdicts)
    const log = await invokeOrThrow(core, 'policy:log', {})
    expect(log.map((e) => [e.kind, e.jobId, e.reason])).toEqual([
      ['job', jobId, 'lote de dezembro'],
      ['in_force', null, 'comitê de dezembro'],
    ])
    expect(log[0]?.changes).toContainEqual({ field: 'claro_score_low.below', before: 300, after: 700 })
  })

  it('a job still running is provisional: its unanswered rows read pendente, never revisar', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const input = join(dir.path, 'clientes.csv')
    await writeCustomersCsv(input, { rows: 30, unique: 30 })
    const core = await open(dir.path)
    const uploadId = await upload(core, input)
    const plan = await invokeOrThrow(core, 'batch:plan', { uploadId, checks: ['score'], mapping: { cpf: 1 } })
    const jobId = plan.job.id
    const rows = await invokeOrThrow(core, 'batch:rows', { jobId, offset: 0, limit: 100 })
    expect(rows.rows.map((r) => r.verdict)).toEqual(Array(30).fill('pendente'))
    expect(rows.header).toContain('Política')
    expect(rows.rows[0]?.cells[rows.header.indexOf('Política')]).toMatch(/\(provisória\)$/)
    const stats = await invokeOrThrow(core, 'batch:stats', { jobId })
    expect(stats.verdicts).toMatchObject({ pendente: 30, revisar: 0, aprovar: 0, recusar: 0 })
    const row = await invokeOrThrow(core, 'batch:row', { jobId, rowNo: 1 })
    expect(row.verdict).toBe('pendente')
    const exported = await invokeOrThrow(core, 'batch:export', { jobId, format: 'csv', delimiter: ';' })
    const csv = exported.saved ? readFileSync(exported.path, 'utf8') : ''
    const lines = csv.trimEnd().split('\r\n').slice(1)
    expect(lines).toHaveLength(30)
    expect(lines.every((l) => l.includes(';Pendente;') && !l.includes('Revisar'))).toBe(true)
  })
})
