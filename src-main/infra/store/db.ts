import Database from 'better-sqlite3'
import { join } from 'node:path'
import { tightenFile } from './private-files'
import { MIGRATIONS } from './migrations/index'

export type Db = Database.Database

/**
 * The local database (`<data-dir>/sentinela.db`, WAL). better-sqlite3 is ABI-specific: Node's build serves the
 * CLI, `serve` and tests; the desktop app may point SENTINELA_SQLITE_BINDING at an Electron build (README).
 */
export function openDatabase(dataDir: string): Db {
  const nativeBinding = process.env['SENTINELA_SQLITE_BINDING']
  const db = new Database(join(dataDir, 'sentinela.db'), nativeBinding ? { nativeBinding } : {})
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  // Erased rows are overwritten, not left in free pages (LGPD erasure, issue #14).
  db.pragma('secure_delete = ON')
  migrate(db)
  // The WAL and SHM exist once WAL mode is on: private like the database.
  for (const suffix of ['', '-wal', '-shm']) tightenFile(join(dataDir, `sentinela.db${suffix}`))
  return db
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? '')
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}
