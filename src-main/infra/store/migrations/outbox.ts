/* Issue #24: alarms that are never lost. */
export const OUTBOX_MIGRATIONS: readonly string[] = [
  // Facts about this data folder itself: its installation id (the `source` of its events, the name of its webhook
  // secret in the keychain — two folders on one machine never share either).
  `CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // An abandoned delivery is a state of its own, listed and sent again on request; a retry opens a new 24 h window.
  `ALTER TABLE watch_deliveries ADD COLUMN abandoned_at TEXT;`,
  `ALTER TABLE watch_deliveries ADD COLUMN window_from TEXT;`,
  // What the old schedule gave up on after 12 attempts, silently, becomes visible.
  `UPDATE watch_deliveries SET abandoned_at = created_at WHERE delivered_at IS NULL AND attempts >= 12;`,
]
