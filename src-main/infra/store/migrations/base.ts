/*
 * The database's schema, one step per entry, applied in order once (PRAGMA user_version counts them). A step is never
 * edited once shipped: later needs are new steps.
 */
export const BASE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE history (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     environment TEXT NOT NULL,
     kind TEXT NOT NULL,
     identifier TEXT NOT NULL,
     masked INTEGER NOT NULL,
     outcome TEXT NOT NULL,
     summary TEXT NOT NULL,
     error_code TEXT,
     duration_ms REAL NOT NULL,
     raw TEXT
   );
   CREATE INDEX history_at ON history(at);
   CREATE INDEX history_kind_at ON history(kind, at);`,
  `CREATE TABLE callbacks (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     provider TEXT NOT NULL,
     kind TEXT NOT NULL,
     summary TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX callbacks_at ON callbacks(at);`,
  `CREATE TABLE mse_messages (
     transaction_id TEXT PRIMARY KEY,
     at TEXT NOT NULL,
     service TEXT NOT NULL,
     target TEXT NOT NULL,
     text TEXT NOT NULL,
     receipt_at TEXT,
     receipt_status TEXT
   );`,
  `CREATE TABLE mse_inbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     kind TEXT NOT NULL,
     anum TEXT NOT NULL,
     bnum TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX mse_inbox_at ON mse_inbox(at);`,
  `CREATE TABLE ussd_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     kind TEXT NOT NULL,
     msisdn TEXT NOT NULL,
     short_code TEXT NOT NULL,
     summary TEXT NOT NULL,
     detail TEXT NOT NULL
   );
   CREATE TABLE ussd_scripts (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     created_at TEXT NOT NULL,
     app_url TEXT NOT NULL,
     script TEXT NOT NULL
   );
   ALTER TABLE mse_messages ADD COLUMN receipt_params TEXT;`,
  `CREATE TABLE batch_jobs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     created_at TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     name TEXT NOT NULL,
     input_path TEXT NOT NULL,
     spec TEXT NOT NULL,
     status TEXT NOT NULL,
     header TEXT,
     sniffed TEXT,
     total_rows INTEGER NOT NULL DEFAULT 0,
     invalid_rows INTEGER NOT NULL DEFAULT 0,
     import_problem TEXT
   );
   CREATE INDEX batch_jobs_fingerprint ON batch_jobs(fingerprint);
   CREATE TABLE batch_rows (
     job_id INTEGER NOT NULL,
     row_no INTEGER NOT NULL,
     line INTEGER NOT NULL,
     fields TEXT NOT NULL,
     problem TEXT,
     keys TEXT NOT NULL,
     PRIMARY KEY (job_id, row_no)
   ) WITHOUT ROWID;
   CREATE TABLE batch_keys (
     job_id INTEGER NOT NULL,
     check_name TEXT NOT NULL,
     key TEXT NOT NULL,
     PRIMARY KEY (job_id, check_name, key)
   ) WITHOUT ROWID;
   CREATE TABLE batch_calls (
     job_id INTEGER NOT NULL,
     check_name TEXT NOT NULL,
     key TEXT NOT NULL,
     ok INTEGER NOT NULL,
     result TEXT,
     code TEXT,
     reason TEXT,
     attempts INTEGER NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (job_id, check_name, key)
   ) WITHOUT ROWID;
   CREATE INDEX batch_calls_reuse ON batch_calls(check_name, key, at);`,
  `CREATE TABLE batch_results (
     job_id INTEGER NOT NULL,
     row_no INTEGER NOT NULL,
     verdict TEXT NOT NULL,
     score REAL,
     statuses TEXT NOT NULL,
     cells TEXT NOT NULL,
     problem TEXT NOT NULL,
     PRIMARY KEY (job_id, row_no)
   ) WITHOUT ROWID;
   CREATE INDEX batch_results_verdict ON batch_results(job_id, verdict);`,
  // Issue #12: results keep the decision's facts and reasons (re-decided without a provider call), the job the
  // policy that decided them; the materialised table is a cache, rebuilt on demand. History rows of a customer
  // check keep their verdict and the policy that made it.
  `DROP TABLE batch_results;
   CREATE TABLE batch_results (
     job_id INTEGER NOT NULL,
     row_no INTEGER NOT NULL,
     verdict TEXT NOT NULL,
     reasons TEXT NOT NULL,
     score REAL,
     statuses TEXT NOT NULL,
     facts TEXT NOT NULL,
     PRIMARY KEY (job_id, row_no)
   ) WITHOUT ROWID;
   CREATE INDEX batch_results_verdict ON batch_results(job_id, verdict);
   ALTER TABLE batch_jobs ADD COLUMN results_stamp TEXT;
   ALTER TABLE batch_jobs ADD COLUMN policy TEXT;
   ALTER TABLE history ADD COLUMN verdict TEXT;
   ALTER TABLE history ADD COLUMN reasons TEXT;
   ALTER TABLE history ADD COLUMN policy_version INTEGER;
   ALTER TABLE history ADD COLUMN policy_hash TEXT;`,
  // Issue #13: effects journaled as "sending" before their request leaves — in a batch (per identifier) and for
  // single calls — so a process killed mid-call never re-sends one blindly.
  `CREATE TABLE batch_sends (
     job_id INTEGER NOT NULL,
     check_name TEXT NOT NULL,
     key TEXT NOT NULL,
     started_at TEXT NOT NULL,
     PRIMARY KEY (job_id, check_name, key)
   ) WITHOUT ROWID;
   CREATE TABLE effects (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     started_at TEXT NOT NULL,
     environment TEXT NOT NULL,
     operation TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     target TEXT NOT NULL,
     state TEXT NOT NULL,
     settled_at TEXT,
     detail TEXT
   );
   CREATE INDEX effects_fingerprint ON effects(fingerprint, started_at);
   CREATE INDEX effects_state ON effects(state);`,
  // Issue #14 (LGPD): history rows findable by a keyed hash of their person; an anonymous line per erasure; every
  // export Sentinela wrote, wherever it went, so an erasure reaches it.
  `ALTER TABLE history ADD COLUMN subject TEXT;
   ALTER TABLE effects ADD COLUMN subjects TEXT;
   CREATE INDEX history_subject ON history(subject);
   CREATE TABLE privacy_audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     kind TEXT NOT NULL,
     removed TEXT NOT NULL
   );
   CREATE TABLE written_files (
     path TEXT PRIMARY KEY,
     at TEXT NOT NULL,
     job_id INTEGER
   );`,
  // Issue #17 (watchlists): lines re-checked on a cadence, each pass a batch job (the crash-safe journal), and the
  // changes found, unique per line and fact so a resumed pass never reports one twice.
  `CREATE TABLE watchlists (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL,
     environment TEXT NOT NULL,
     checks TEXT NOT NULL,
     every_minutes INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     active INTEGER NOT NULL DEFAULT 1
   );
   CREATE TABLE watch_lines (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     list_id INTEGER NOT NULL,
     msisdn TEXT NOT NULL,
     cpf TEXT NOT NULL,
     label TEXT NOT NULL,
     added_at TEXT NOT NULL,
     baseline_at TEXT,
     checked_at TEXT,
     last_status TEXT,
     last_score INTEGER,
     known_events TEXT NOT NULL DEFAULT '[]',
     UNIQUE (list_id, msisdn, cpf)
   );
   CREATE TABLE watch_passes (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     list_id INTEGER NOT NULL,
     job_id INTEGER,
     started_at TEXT NOT NULL,
     finished_at TEXT,
     lines INTEGER NOT NULL,
     changes INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE watch_changes (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     list_id INTEGER NOT NULL,
     line_id INTEGER NOT NULL,
     pass_id INTEGER NOT NULL,
     kind TEXT NOT NULL,
     event_name TEXT,
     event_at TEXT,
     detail TEXT,
     severity TEXT NOT NULL,
     baseline INTEGER NOT NULL,
     detected_at TEXT NOT NULL,
     read_at TEXT,
     dedupe TEXT NOT NULL UNIQUE
   );
   CREATE INDEX watch_changes_detected ON watch_changes(detected_at);
   CREATE INDEX watch_lines_list ON watch_lines(list_id);`,
  // Issue #17: each change queued for the team webhook in the pass's own transaction (enqueued once), with its
  // attempts; one never delivered stays here, listed.
  `CREATE TABLE watch_deliveries (
     change_id INTEGER PRIMARY KEY,
     created_at TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_at TEXT NOT NULL,
     delivered_at TEXT,
     last_error TEXT
   );`,
]
