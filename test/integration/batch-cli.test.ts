import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { request } from 'undici'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BIN } from '../helpers/cli'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'
import { writeCustomersCsv } from '../helpers/customers'
import { createClaroSandbox } from '../../src-main/providers/claro/sandbox'
import { createClearSaleSandbox } from '../../src-main/providers/clearsale/sandbox'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { SandboxKnobsSchema } from '../../src-shared/domain/settings'

/* `sentinela screen` killed with SIGKILL halfway, then run again: complete output, no answered call repeated. */
describe('sentinela screen (built CLI)', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()
  let claro: SandboxServer
  beforeEach(async () => {
    claro = await startSandboxServer(createClaroSandbox(), () => SandboxKnobsSchema.parse({ latencyMs: 5 }))
  })
  afterEach(() => claro.close())

  const answered = (): { key: string }[] => {
    let db: Database.Database | null = null
    try {
      db = new Database(join(h.dataDir, 'sentinela.db'), { readonly: true, fileMustExist: true })
      return db.prepare("SELECT key FROM batch_calls WHERE check_name = 'score' AND ok = 1").all() as { key: string }[]
    } catch {
      return [] // not created yet, or the tables not migrated yet
    } finally {
      db?.close()
    }
  }

  it('kill -9 at about half, then the same command: every row once, in order, and no answered identifier called again', async () => {
    const input = join(h.dataDir, 'lista.csv')
    const out = join(h.dataDir, 'saida.csv')
    await writeCustomersCsv(input, { rows: 1500, unique: 1200 })
    const args = [
      BIN,
      '--data-dir',
      h.dataDir,
      '--endpoint',
      `claro=${claro.url}`,
      'screen',
      input,
      '--checks',
      'score',
      '--out',
      out,
      '--concurrency',
      '4',
      '--rate',
      'claro=300',
      '--columns',
      'codes',
    ]
    await request(`${claro.url}/__sandbox/arrivals?on=1`, { method: 'POST' }).then((r) => r.body.dump())

    const child = spawn(process.execPath, args, { env: h.keyring.env, stdio: 'ignore' })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    await vi.waitFor(() => expect(answered().length).toBeGreaterThanOrEqual(600), { timeout: 10_000, interval: 25 })
    child.kill('SIGKILL')
    await exited
    const before = new Set(answered().map((r) => r.key))
    expect(before.size).toBeGreaterThan(0)
    expect(before.size).toBeLessThan(1200)

    await request(`${claro.url}/__sandbox/arrivals?on=1`, { method: 'POST' }).then((r) => r.body.dump())
    const again = spawn(process.execPath, args, { env: h.keyring.env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    again.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    expect(await new Promise((resolve) => again.once('exit', resolve))).toBe(0)
    expect(stderr).toContain('retomado (')

    const second = (await request(`${claro.url}/__sandbox/arrivals`).then((r) => r.body.json())) as {
      path: string
      body: string
    }[]
    const calledAgain = second
      .filter((a) => a.path === '/customers/v1/scores')
      .map((a) => (JSON.parse(a.body) as { data: { customer: { idCpf: string } } }).data.customer.idCpf)
    expect(calledAgain.filter((cpf) => before.has(cpf))).toEqual([])
    expect(new Set(calledAgain).size).toBe(1200 - before.size)

    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n')
    expect(lines).toHaveLength(1501)
    expect(lines.slice(1).map((l) => Number(/^"Cliente (\d+)"/.exec(l)?.[1]))).toEqual(
      Array.from({ length: 1500 }, (_, i) => i),
    )
    expect(lines.slice(1).every((l) => /;ok;\d+;/.test(l))).toBe(true)
  })

  it('kill -9 of a Data Trust screen mid-run, then the same command: each document POSTed once in total', async () => {
    const clearsale = await startSandboxServer(createClearSaleSandbox(), () =>
      SandboxKnobsSchema.parse({ latencyMs: 40 }),
    )
    try {
      const input = join(h.dataDir, 'dt.csv')
      const out = join(h.dataDir, 'dt-out.csv')
      await writeCustomersCsv(input, { rows: 240, unique: 240 })
      const args = [
        BIN,
        '--data-dir',
        h.dataDir,
        '--endpoint',
        `clearsale=${clearsale.url}`,
        'screen',
        input,
        '--checks',
        'datatrust',
        '--out',
        out,
        '--concurrency',
        '6',
        '--rate',
        'clearsale=200',
        '--timeout-ms',
        '1500',
      ]
      await request(`${clearsale.url}/__sandbox/arrivals?on=1`, { method: 'POST' }).then((r) => r.body.dump())
      const answeredDt = (): number => {
        let db: Database.Database | null = null
        try {
          db = new Database(join(h.dataDir, 'sentinela.db'), { readonly: true, fileMustExist: true })
          return (
            db.prepare("SELECT COUNT(*) AS n FROM batch_calls WHERE check_name = 'datatrust'").get() as { n: number }
          ).n
        } catch {
          return 0
        } finally {
          db?.close()
        }
      }
      const child = spawn(process.execPath, args, { env: h.keyring.env, stdio: 'ignore' })
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      await vi.waitFor(() => expect(answeredDt()).toBeGreaterThanOrEqual(80), { timeout: 10_000, interval: 25 })
      child.kill('SIGKILL')
      await exited
      expect(answeredDt()).toBeLessThan(240)

      const again = spawn(process.execPath, args, { env: h.keyring.env, stdio: ['ignore', 'ignore', 'pipe'] })
      let stderr = ''
      again.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      expect(await new Promise((resolve) => again.once('exit', resolve)), stderr).toBe(0)
      const all = (await request(`${clearsale.url}/__sandbox/arrivals`).then((r) => r.body.json())) as {
        path: string
        body: string
      }[]
      const documents = all
        .filter((a) => a.path === '/products/v1/datatrust')
        .map((a) => (JSON.parse(a.body) as { Document: string }).Document)
      expect(documents).toHaveLength(240)
      expect(new Set(documents).size).toBe(240)
      const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n')
      expect(lines).toHaveLength(241)
      // Every row got its transaction (answered), the ones killed in flight included.
      expect(lines.slice(1).filter((l) => /;Respondida;/.test(l))).toHaveLength(240)
    } finally {
      await clearsale.close()
    }
  })
})
