// Where the Electron binary would be, without triggering the electron package's own download on require.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export function electronBinary(env = process.env) {
  const require = createRequire(import.meta.url)
  let pkgDir
  try {
    pkgDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(pkgDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist')
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH) return null
  const binary = join(distDir, relative || 'electron')
  return existsSync(binary) ? binary : null
}
