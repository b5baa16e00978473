import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from './db'

/*
 * One retention setting covers every table and file with personal data (LGPD, issue #14): besides the history and
 * the batches (purged with their own stores), the MO/MMS inbox, the USSD log, the MSE messages sent and their
 * receipts, the stored callback bodies, single-call effects, and any uploaded list or export left in the data folder.
 */

const TABLES: { table: string; column: string }[] = [
  { table: 'mse_inbox', column: 'at' },
  { table: 'ussd_log', column: 'at' },
  { table: 'mse_messages', column: 'at' },
  { table: 'callbacks', column: 'at' },
  { table: 'effects', column: 'started_at' },
  // Issue #17: the changes a watchlist found (its lines are the analyst's portfolio, kept while the list is).
  { table: 'watch_changes', column: 'detected_at' },
  { table: 'watch_passes', column: 'started_at' },
]

const FOLDERS = ['batch-uploads', 'batch-exports', 'watch']

export function purgePersonalData(db: Db, dataDir: string, cutoff: Date): Record<string, number> {
  const removed: Record<string, number> = {}
  const iso = cutoff.toISOString()
  db.transaction(() => {
    for (const { table, column } of TABLES)
      removed[table] = db.prepare(`DELETE FROM ${table} WHERE ${column} < ?`).run(iso).changes
  })()
  for (const folder of FOLDERS) {
    const dir = join(dataDir, folder)
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      continue // the folder was never created
    }
    let n = 0
    for (const name of names) {
      const path = join(dir, name)
      if (statSync(path).mtime < cutoff) {
        rmSync(path, { force: true })
        n++
      }
    }
    removed[folder] = n
  }
  return removed
}
