import { randomUUID } from 'node:crypto'
import type { Db } from './db'

/**
 * This data folder's installation id (issue #24), made on first use and kept in its database: the `source` of its
 * webhook events and the keychain name of its webhook secret, so two data folders on one machine never collide.
 */
export function installationId(db: Db): string {
  const read = (): string | undefined =>
    (db.prepare(`SELECT value FROM app_meta WHERE key = 'installation_id'`).get() as { value: string } | undefined)
      ?.value
  const existing = read()
  if (existing) return existing
  db.prepare(`INSERT OR IGNORE INTO app_meta (key, value) VALUES ('installation_id', ?)`).run(randomUUID())
  return read() ?? ''
}
