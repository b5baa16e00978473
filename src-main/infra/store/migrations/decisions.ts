/* Issue #22: decisions that stay decided, the policy log, Casos. */
export const DECISION_MIGRATIONS: readonly string[] = [
  // Issue #22: what was decided stays decided. A finished batch keeps the decision set it was decided with (the
  // policy whole, who, when); saving a policy never touches it, an explicit adoption starts a new set and keeps the
  // previous verdicts. Every change of the policy in force, and every adoption, is logged with who and why.
  `CREATE TABLE batch_decisions (
     job_id INTEGER NOT NULL,
     set_no INTEGER NOT NULL,
     decided_at TEXT NOT NULL,
     kind TEXT NOT NULL,
     who TEXT NOT NULL,
     reason TEXT,
     policy TEXT NOT NULL,
     counts TEXT NOT NULL,
     PRIMARY KEY (job_id, set_no)
   ) WITHOUT ROWID;
   CREATE TABLE batch_results_prior (
     job_id INTEGER NOT NULL,
     set_no INTEGER NOT NULL,
     row_no INTEGER NOT NULL,
     verdict TEXT NOT NULL,
     reasons TEXT NOT NULL,
     PRIMARY KEY (job_id, set_no, row_no)
   ) WITHOUT ROWID;
   ALTER TABLE batch_jobs ADD COLUMN decision_set INTEGER;
   INSERT INTO batch_decisions (job_id, set_no, decided_at, kind, who, reason, policy, counts)
     SELECT id, 1, created_at, 'finished', '', NULL, policy, '{}' FROM batch_jobs
     WHERE status IN ('done', 'cancelled') AND policy IS NOT NULL AND name NOT LIKE 'watch:%';
   UPDATE batch_jobs SET decision_set = 1
     WHERE status IN ('done', 'cancelled') AND policy IS NOT NULL AND name NOT LIKE 'watch:%';
   CREATE TABLE policy_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     who TEXT NOT NULL,
     reason TEXT NOT NULL,
     kind TEXT NOT NULL,
     job_id INTEGER,
     version INTEGER NOT NULL,
     hash TEXT NOT NULL,
     policy TEXT NOT NULL,
     previous TEXT,
     changes TEXT NOT NULL
   );`,
  // Issue #22: Casos — what waits for an analyst, one open case per person, and the analyst's decisions, append-only
  // (case_events). A batch row belongs to at most one case (case_links), so its export reads the decision. A Data
  // Trust transaction sent for a person is remembered by its id (effects.result_ref): Cliente reuses it.
  `CREATE TABLE cases (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     environment TEXT NOT NULL,
     opened_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     status TEXT NOT NULL,
     origin TEXT NOT NULL,
     cpf TEXT NOT NULL DEFAULT '',
     phone TEXT NOT NULL DEFAULT '',
     email TEXT NOT NULL DEFAULT '',
     cep TEXT NOT NULL DEFAULT '',
     label TEXT NOT NULL DEFAULT '',
     subjects TEXT NOT NULL DEFAULT '',
     machine_verdict TEXT NOT NULL,
     reasons TEXT NOT NULL,
     rules TEXT NOT NULL,
     policy_version INTEGER NOT NULL,
     policy_hash TEXT NOT NULL,
     decision TEXT,
     decision_reason TEXT,
     decided_by TEXT,
     decided_at TEXT,
     evidence INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX cases_queue ON cases(environment, status, opened_at);
   CREATE INDEX cases_rules ON cases(environment, status, rules);
   CREATE INDEX cases_origin ON cases(environment, status, origin, opened_at);
   CREATE INDEX cases_policy ON cases(environment, status, policy_hash, policy_version);
   CREATE INDEX cases_cpf ON cases(environment, cpf) WHERE cpf != '';
   CREATE INDEX cases_phone ON cases(environment, phone, cpf) WHERE phone != '';
   CREATE TABLE case_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     case_id INTEGER NOT NULL,
     at TEXT NOT NULL,
     kind TEXT NOT NULL,
     who TEXT,
     source TEXT,
     ref TEXT,
     verdict TEXT,
     reason TEXT,
     note TEXT,
     policy_version INTEGER,
     policy_hash TEXT,
     data TEXT
   );
   CREATE INDEX case_events_case ON case_events(case_id, id);
   CREATE TABLE case_links (
     job_id INTEGER NOT NULL,
     row_no INTEGER NOT NULL,
     case_id INTEGER NOT NULL,
     PRIMARY KEY (job_id, row_no)
   ) WITHOUT ROWID;
   CREATE INDEX case_links_case ON case_links(case_id);
   ALTER TABLE effects ADD COLUMN result_ref TEXT;`,
]
