import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/*
 * Personal data at rest (issue #14, LGPD): the data folder is 0700 and every file Sentinela writes in it — SQLite and
 * its WAL/SHM, logs, uploads, exports, settings — is 0600, whatever the umask and whatever already exists there.
 * The process writes with umask 077 from the start; what an older version or another tool left is tightened.
 */

const DIR_MODE = 0o700
const FILE_MODE = 0o600

/** New files and folders of this process are private from now on (exports, uploads, SQLite's WAL and SHM). */
export function privateUmask(): void {
  if (process.platform !== 'win32') process.umask(0o077)
}

/** The data folder and everything below it: folders 0700, files 0600 (symbolic links are left alone). */
export function tightenDataDir(dataDir: string): void {
  if (process.platform === 'win32') return // ACLs of the user's profile folder already keep it private
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE })
  const walk = (path: string, depth: number): void => {
    const info = lstatSync(path)
    if (info.isSymbolicLink()) return
    if (info.isDirectory()) {
      if ((info.mode & 0o777) !== DIR_MODE) chmodSync(path, DIR_MODE)
      if (depth < 4) for (const name of readdirSync(path)) walk(join(path, name), depth + 1)
    } else if ((info.mode & 0o777) !== FILE_MODE) chmodSync(path, FILE_MODE)
  }
  walk(dataDir, 0)
}

/** A file SQLite may have just created (the WAL and SHM appear on the first write). */
export function tightenFile(path: string): void {
  if (process.platform !== 'win32' && existsSync(path) && (lstatSync(path).mode & 0o777) !== FILE_MODE)
    chmodSync(path, FILE_MODE)
}
