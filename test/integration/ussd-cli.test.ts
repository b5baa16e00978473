import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'
import { DEMO_BALANCE_SCRIPT, SEED_MENU, SEED_MENU_SCREENS } from '../helpers/ussd-samples'
import { buildUssdRequest } from '../../src-shared/domain/ussd-xml'
import { createMseSandbox } from '../../src-main/providers/mse/sandbox'
import { DEMO_APP_PATH } from '../../src-main/providers/mse/sandbox/ussd'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { SandboxKnobsSchema } from '../../src-shared/domain/settings'

/* `sentinela ussd preview` and `sentinela ussd replay` (issue #7 CLI), against the sandbox's demo application. */
describe('sentinela ussd (built CLI)', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()
  let sandbox: SandboxServer
  beforeAll(async () => {
    sandbox = await startSandboxServer(createMseSandbox(), () => SandboxKnobsSchema.parse({}))
  })
  afterAll(() => sandbox.close())
  const file = (name: string, text: string): string => {
    const path = join(h.dataDir, name)
    writeFileSync(path, text)
    return path
  }

  it('preview prints one block per handset page, as §6.4.18 pages the seed example', async () => {
    const xml = buildUssdRequest(
      { profile: 'P_USSD', password: 'x', msisdn: '1199998888', short_code: '100', mode: 'async' },
      SEED_MENU,
    )
    const run = await h.cli(['ussd', 'preview', file('menu.xml', xml)])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      `--- tela 1 de 2 ---\n${SEED_MENU_SCREENS[0]}\n--- tela 2 de 2 ---\n${SEED_MENU_SCREENS[1]}\n`,
    )
    const reserved = await h.cli([
      '--json',
      'ussd',
      'preview',
      file(
        'bad.xml',
        '<command><menu><title>T</title><options><option><index>9</index><subtitle>x</subtitle></option></options></menu></command>',
      ),
    ])
    expect(reserved.code).toBe(1)
    expect(JSON.parse(reserved.stdout).problems).toMatchObject([{ level: 'error', code: 'index_reserved' }])
    expect((await h.cli(['ussd', 'preview', file('broken.xml', '<command><menu>')])).code).toBe(2)
    expect((await h.cli(['ussd', 'preview', join(h.dataDir, 'missing.xml')])).code).toBe(2)
  })

  it('replay exits 0 when every screen matches and 1 with the differing screen when the app changed', async () => {
    const app = `${sandbox.url}${DEMO_APP_PATH}`
    const script = file('saldo.json', JSON.stringify(DEMO_BALANCE_SCRIPT))
    const green = await h.cli(['ussd', 'replay', script, '--app', app])
    expect(green.code).toBe(0)
    expect(
      green.stdout
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('igual')),
    ).toBe(true)
    await request(`${sandbox.url}/__sandbox/ussd-demo?variant=b`).then((r) => r.body.dump())
    const red = await h.cli(['ussd', 'replay', script, '--app', app])
    expect(red.code).toBe(1)
    expect(red.stdout).toContain('DIFERENTE 3. 1234')
    expect(red.stdout).toContain('R$ 12,50')
    expect((await h.cli(['ussd', 'replay', file('nope.json', '{"version":1}'), '--app', app])).code).toBe(2)
    expect((await h.cli(['ussd', 'replay', script, '--app', 'ftp://x'])).code).toBe(2)
  })
})
