import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach } from 'vitest'
import { ROOT, runBuiltCli, type CliRun } from './cli'
import { startKeyring, type Keyring } from './keyring'
import { tempDir } from './tmp'
import { need } from './need'

/** Whether `npm run build` ran. */
export const CLI_BUILT = existsSync(join(ROOT, 'out/main/cli.js')) && existsSync(join(ROOT, 'out/renderer/index.html'))

/**
 * In a suite that runs the built CLI: fails it, saying what to do, when the build is missing — never a silent skip
 * (`npm test` always builds first).
 */
export function requireBuiltCli(): void {
  beforeAll(() => {
    if (!CLI_BUILT)
      throw new Error(
        'the built CLI is missing (out/main/cli.js, out/renderer): run `npm run build` first — `npm test` does',
      )
  })
}

export interface CliHarness {
  readonly keyring: Keyring
  readonly dataDir: string
  /** The built CLI with this test's data dir and keychain (or another environment, e.g. without a bus). */
  cli(args: string[], stdin?: string, env?: NodeJS.ProcessEnv): Promise<CliRun>
}

/** Each test: its own real keychain (a fresh bus + gnome-keyring) and its own data dir. */
export function cliWithPrivateKeychain(): CliHarness {
  const state: { keyring?: Keyring; dir?: ReturnType<typeof tempDir> } = {}
  beforeEach(async () => {
    state.keyring = await startKeyring()
    state.dir = tempDir()
  })
  afterEach(async () => {
    await state.keyring?.stop()
    state.dir?.cleanup()
  })
  return {
    get keyring() {
      return need(state.keyring)
    },
    get dataDir() {
      return need(state.dir).path
    },
    cli(args, stdin, env) {
      return runBuiltCli(['--data-dir', need(state.dir).path, ...args], {
        env: env ?? need(state.keyring).env,
        ...(stdin === undefined ? {} : { stdin }),
      })
    },
  }
}
