import { homedir } from 'node:os'
import { join } from 'node:path'

/** Electron's userData folder is `<appData>/<productName>`; the CLI and `serve` default to the same place. */
const PRODUCT_NAME = 'Sentinela'

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = homedir()
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), PRODUCT_NAME)
}

/** `--data-dir DIR` / `--data-dir=DIR` on the command line, else SENTINELA_DATA_DIR, else null. */
export function dataDirFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1] ?? null
    if (arg?.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || null
  }
  return env['SENTINELA_DATA_DIR'] || null
}
