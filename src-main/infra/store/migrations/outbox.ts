/* Issue #24: alarms that are never lost. */
export const OUTBOX_MIGRATIONS: readonly string[] = [
  // Facts about this data folder itself: its installation id (the `source` of its events, the name of its webhook
  // secret in the keychain — two folders on one machine never share either).
  `CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
]
