import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import keytar from 'keytar'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../../src-main/app'
import { KEYCHAIN_SERVICE } from '../../src-main/infra/credentials/store'
import { silentLogger } from '../../src-main/infra/log'
import { startKeyring, useKeyringInThisProcess, type Keyring } from './keyring'
import { tempDir } from './tmp'
import { need } from './need'

export interface Harness {
  readonly core: Core
  readonly dataDir: string
  readonly keyring: Keyring
}

/**
 * A real keychain for this test file (libsecret keeps one session bus per process, and vitest gives each file its
 * own process), emptied before every test, and a fresh core with its own data dir per test.
 */
export function coreWithPrivateKeychain(
  options: { settings?: Record<string, unknown> } & Partial<CoreOptions> = {},
): Harness {
  const state: { core?: Core; dir?: ReturnType<typeof tempDir>; keyring?: Keyring } = {}
  beforeAll(async () => {
    state.keyring = await startKeyring()
    useKeyringInThisProcess(state.keyring)
  })
  afterAll(() => state.keyring?.stop())
  beforeEach(async () => {
    for (const { account } of await keytar.findCredentials(KEYCHAIN_SERVICE))
      await keytar.deletePassword(KEYCHAIN_SERVICE, account)
    state.dir = tempDir()
    if (options.settings) writeFileSync(join(state.dir.path, 'settings.json'), JSON.stringify(options.settings))
    const { settings: _settings, ...coreOptions } = options
    state.core = await createCore({ dataDir: state.dir.path, host: 'cli', log: silentLogger, ...coreOptions })
  })
  afterEach(async () => {
    await state.core?.close()
    state.dir?.cleanup()
  })
  return {
    get core() {
      return need(state.core)
    },
    get dataDir() {
      return need(state.dir).path
    },
    get keyring() {
      return need(state.keyring)
    },
  }
}
