import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { requireBuiltCli } from '../helpers/cli-harness'
import { SandboxKnobsSchema, type SandboxKnobs } from '../../src-shared/domain/settings'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { createClearSaleSandbox } from '../../src-main/providers/clearsale/sandbox'
import { runBuiltCli } from '../helpers/cli'
import { startKeyring, type Keyring } from '../helpers/keyring'
import { tempDir } from '../helpers/tmp'

describe('sentinela lookup datatrust (built CLI)', () => {
  requireBuiltCli()
  let keyring: Keyring
  let dir: ReturnType<typeof tempDir>
  let sandbox: SandboxServer
  let knobs: SandboxKnobs
  beforeEach(async () => {
    keyring = await startKeyring()
    dir = tempDir()
    knobs = { ...SandboxKnobsSchema.parse({}), tokenLifetimeSeconds: 8 }
    sandbox = await startSandboxServer(createClearSaleSandbox(), () => knobs)
  })
  afterEach(async () => {
    await sandbox.close()
    await keyring.stop()
    dir.cleanup()
  })
  const cli = (args: string[]) =>
    runBuiltCli(
      ['--data-dir', dir.path, '--json', '--endpoint', `clearsale=${sandbox.url}`, 'lookup', 'datatrust', ...args],
      { env: keyring.env },
    )
  const auths = () => sandbox.stats()['POST /products/v1/authentication'] ?? 0

  it('prints the transaction with id and score at top level', async () => {
    const run = await cli([
      '--cpf',
      '529.982.247-25',
      '--phone',
      '(11) 91234-5678',
      '--email',
      'a@b.com',
      '--cep',
      '01310-100',
    ])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      id: expect.stringMatching(/^DT/),
      score: 91.5,
      Document: '52998224725',
      AreaCode: '11',
      Phone: '912345678',
    })
  })

  it("reads a transaction's result alone (GET …/{id}/result, seed 004)", async () => {
    const sent = JSON.parse((await cli(['--cpf', '111.444.777-35'])).stdout) as { id: string }
    const run = await runBuiltCli(
      [
        '--data-dir',
        dir.path,
        '--json',
        '--endpoint',
        `clearsale=${sandbox.url}`,
        'lookup',
        'datatrust-result',
        '--id',
        sent.id,
      ],
      { env: keyring.env },
    )
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      id: sent.id,
      score: 12.4,
      Score: { Value: 12.4 },
      Insights: expect.arrayContaining([expect.objectContaining({ Relevance: 'Alerta' })]),
    })
    expect(sandbox.stats()[`GET /products/v1/datatrust/${sent.id}/result`]).toBe(1)
    const missing = await runBuiltCli(
      [
        '--data-dir',
        dir.path,
        '--endpoint',
        `clearsale=${sandbox.url}`,
        'lookup',
        'datatrust-result',
        '--id',
        'DT-NAO-EXISTE',
      ],
      { env: keyring.env },
    )
    expect(missing.code).toBe(1)
  })

  it('exits 2 for an online transaction without --session-id or a bad CEP', async () => {
    expect(await cli(['--cpf', '529.982.247-25', '--type', '2'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('identificador do dispositivo'),
    })
    expect(await cli(['--cpf', '529.982.247-25', '--cep', '123'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('CEP'),
    })
  })

  it('calls across two CLI processes authenticate exactly once until the token expires, then exactly once more', async () => {
    for (const cpf of ['529.982.247-25', '111.444.777-35', '123.456.789-09'])
      expect((await cli(['--cpf', cpf])).code).toBe(0)
    for (const cpf of ['529.982.247-25', '111.444.777-35']) expect((await cli(['--cpf', cpf])).code).toBe(0)
    expect(auths()).toBe(1)
    // The token's 8 s pass without waiting: the sandbox (this process) and the next CLI processes (a preloaded
    // shifted clock) both see a time 8.1 s later.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 8_100)
      const later = {
        ...keyring.env,
        NODE_OPTIONS: `--require ${join(import.meta.dirname, '../helpers/shifted-clock.cjs')}`,
        SENTINELA_TEST_CLOCK_SHIFT_MS: '8100',
      }
      const run = (cpf: string) =>
        runBuiltCli(
          [
            '--data-dir',
            dir.path,
            '--json',
            '--endpoint',
            `clearsale=${sandbox.url}`,
            'lookup',
            'datatrust',
            '--cpf',
            cpf,
          ],
          { env: later },
        )
      for (const cpf of ['529.982.247-25', '111.444.777-35']) expect((await run(cpf)).code).toBe(0)
    } finally {
      vi.useRealTimers()
    }
    expect(auths()).toBe(2)
    expect(sandbox.stats()['POST /products/v1/datatrust']).toBe(7)
  })
})
