import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { envWithoutSessionBus, filesContaining } from '../helpers/cli'
import { startKeyring } from '../helpers/keyring'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'

const CANARY = 'CANARY-9c1d-secret-never-written'
const CLARO = JSON.stringify({ key: 'cli-key-0000beef', secret: CANARY, customerId: 'ACME' })

describe('sentinela credentials (built CLI, real keychain per test)', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()
  const cli = h.cli

  it('sets from stdin, lists hints only, replaces, deletes — and the canary is nowhere on disk or in output', async () => {
    const set = await cli(['credentials', 'set', 'claro'], CLARO)
    expect(set).toMatchObject({ code: 0, stdout: expect.stringContaining('key …beef') })
    const list = await cli(['--json', 'credentials', 'list'])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toMatchObject({
      environment: 'sandbox',
      items: [{ name: 'claro', hint: 'key …beef', status: 'ok' }],
    })
    const replaced = await cli(
      ['credentials', 'set', 'claro'],
      JSON.stringify({ key: 'cli-key-0000cafe', secret: CANARY, customerId: 'ACME' }),
    )
    expect(replaced.stdout).toContain('key …cafe')
    expect((await cli(['credentials', 'list'])).stdout).toMatch(/^claro\s+key …cafe\s+\d{4}-/m)
    expect(await cli(['credentials', 'delete', 'claro'])).toMatchObject({ code: 0 })
    expect((await cli(['credentials', 'list'])).stdout).toContain('Nenhuma credencial')
    const all = [set, list, replaced].map((r) => r.stdout + r.stderr).join('\n')
    expect(all).not.toContain(CANARY)
    expect(filesContaining(h.dataDir, CANARY)).toEqual([])
  })

  it('honours --env', async () => {
    await cli(
      ['--env', 'producao', 'credentials', 'set', 'clearsale'],
      JSON.stringify({ username: 'prod.user.01', password: CANARY }),
    )
    expect(JSON.parse((await cli(['--json', 'credentials', 'list'])).stdout)).toMatchObject({ items: [] })
    expect(JSON.parse((await cli(['--json', '--env', 'producao', 'credentials', 'list'])).stdout)).toMatchObject({
      environment: 'producao',
      items: [{ name: 'clearsale', hint: 'username …r.01' }],
    })
  })

  it('refuses secrets on the command line, before reading anything, with exit 2', async () => {
    const run = await cli(['credentials', 'set', 'claro', CLARO])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Não passe segredos na linha de comando')
    expect(run.stderr).not.toContain(CANARY)
    expect(JSON.parse((await cli(['--json', 'credentials', 'list'])).stdout).items).toEqual([])
  })

  it('exits 2 with a field-level message for invalid JSON or an incomplete credential', async () => {
    expect(await cli(['credentials', 'set', 'claro'], '{not json')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('JSON'),
    })
    const incomplete = await cli(['credentials', 'set', 'claro'], JSON.stringify({ key: CANARY }))
    expect(incomplete.code).toBe(2)
    expect(incomplete.stderr).toMatch(/value\.secret/)
    expect(incomplete.stderr).not.toContain(CANARY)
    expect(await cli(['credentials', 'delete', 'mse:SMS_TEXT'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Nenhuma credencial'),
    })
  })

  it('without a session bus: exit 2, the actionable message, nothing written anywhere', async () => {
    const env = { ...envWithoutSessionBus(), HOME: h.keyring.home }
    const list = await cli(['credentials', 'list'], undefined, env)
    expect(list.code).toBe(2)
    expect(list.stderr).toContain('Chaveiro do sistema indisponível: não há sessão D-Bus')
    for (const hint of ['Linux:', 'macOS:', 'Windows:', 'dbus-run-session']) expect(list.stderr).toContain(hint)
    const set = await cli(['credentials', 'set', 'claro'], CLARO, env)
    expect(set.code).toBe(2)
    expect(filesContaining(h.dataDir, CANARY)).toEqual([])
    expect(filesContaining(h.keyring.home, CANARY)).toEqual([])
    // …and the real keychain, reachable again, holds nothing either.
    expect(JSON.parse((await cli(['--json', 'credentials', 'list'])).stdout).items).toEqual([])
  })

  it('with a keyring daemon but no unlocked keyring: exit 2 and says it is locked', async () => {
    const locked = await startKeyring({ unlock: false })
    try {
      const run = await cli(['credentials', 'set', 'claro'], CLARO, locked.env)
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('o chaveiro está bloqueado')
      expect(filesContaining(locked.home, CANARY)).toEqual([])
    } finally {
      await locked.stop()
    }
  })

  it('without a Secret Service on the bus: exit 2 and says what is missing', async () => {
    // A session bus that can activate nothing (no service dirs), so org.freedesktop.secrets has no owner.
    const config = join(h.dataDir, 'bare-bus.conf')
    writeFileSync(
      config,
      '<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>' +
        '<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>',
    )
    const bus = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    const address = await new Promise<string>((resolve) =>
      bus.stdout.once('data', (c: Buffer) => resolve(c.toString().trim())),
    )
    try {
      const run = await cli(['credentials', 'list'], undefined, {
        ...envWithoutSessionBus(),
        HOME: h.keyring.home,
        DBUS_SESSION_BUS_ADDRESS: address,
      })
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('nenhum serviço de chaveiro')
    } finally {
      bus.kill()
    }
  })
})
