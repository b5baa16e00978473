// better-sqlite3 for Electron's ABI, built into .electron-native/ so node_modules keeps Node's build for the CLI,
// `serve` and the tests. `npm start` points the app at it through SENTINELA_SQLITE_BINDING; packaged apps get
// their own rebuild from electron-builder (npmRebuild) and need neither.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const root = join(import.meta.dirname, '..')
const nativeDir = join(root, '.electron-native')
const moduleDir = join(nativeDir, 'node_modules', 'better-sqlite3')
export const electronSqliteBinding = join(moduleDir, 'build', 'Release', 'better_sqlite3.node')

export async function ensureElectronSqlite() {
  const electronVersion = require('electron/package.json').version
  const sqliteVersion = require('better-sqlite3/package.json').version
  const stamp = join(nativeDir, 'built-for')
  const wanted = `electron ${electronVersion} / better-sqlite3 ${sqliteVersion}`
  if (existsSync(electronSqliteBinding) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted)
    return electronSqliteBinding

  process.stderr.write(
    `Sentinela: compilando better-sqlite3 para o Electron ${electronVersion} / building better-sqlite3 for Electron…\n`,
  )
  rmSync(nativeDir, { recursive: true, force: true })
  mkdirSync(dirname(moduleDir), { recursive: true })
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), moduleDir, { recursive: true })
  rmSync(join(moduleDir, 'build'), { recursive: true, force: true })
  writeFileSync(
    join(nativeDir, 'package.json'),
    JSON.stringify({
      name: 'sentinela-electron-native',
      private: true,
      dependencies: { 'better-sqlite3': sqliteVersion },
    }),
  )
  const { rebuild } = await import('@electron/rebuild')
  await rebuild({ buildPath: nativeDir, electronVersion, onlyModules: ['better-sqlite3'], force: true })
  writeFileSync(stamp, wanted)
  return electronSqliteBinding
}
