import { isEffectCheck, type Check } from '../../../src-shared/domain/batch'
import type { Sniffed } from './input'
import type { Db } from '../../infra/store/db'
import type { Policy } from '../../../src-shared/domain/policy/schema'
import { toJob, type CallRecord, type JobRow, type JobSpec, type RawJob } from './job'

export type { CallRecord, JobRow, JobSpec } from './job'

/*
 * The batch journal (SQLite, WAL): the job, every input row (in order), the unique identifiers per check, every
 * answered call. An answer counts once written here: a process killed at any moment resumes, losing no row.
 */

/** An input row as imported: its fields, its damage (codes), its identifier per check (`!reason` when unreadable). */
export interface ImportedRow {
  rowNo: number
  line: number
  fields: string[]
  problem: string | null
  keys: Partial<Record<Check, string>>
}

/** Every table holding a job's data (issue #22 adds its decision sets and the verdicts they replaced). */
const JOB_TABLES = ['batch_rows', 'batch_keys', 'batch_calls', 'batch_results', 'batch_results_prior'].concat([
  'batch_decisions',
  'batch_sends',
  'batch_jobs',
])

export class BatchJournal {
  constructor(private readonly db: Db) {}

  create(job: { fingerprint: string; name: string; inputPath: string; spec: JobSpec }): JobRow {
    const info = this.db
      .prepare(
        "INSERT INTO batch_jobs (created_at, fingerprint, name, input_path, spec, status) VALUES (?, ?, ?, ?, ?, 'importing')",
      )
      .run(new Date().toISOString(), job.fingerprint, job.name, job.inputPath, JSON.stringify(job.spec))
    return this.job(Number(info.lastInsertRowid)) as JobRow
  }

  job(id: number): JobRow | null {
    const r = this.db.prepare('SELECT * FROM batch_jobs WHERE id = ?').get(id) as RawJob | undefined
    return r ? toJob(r) : null
  }

  /** The newest job for this fingerprint (same file, checks and mapping): what a re-run resumes. */
  byFingerprint(fingerprint: string): JobRow | null {
    const r = this.db
      .prepare('SELECT * FROM batch_jobs WHERE fingerprint = ? ORDER BY id DESC LIMIT 1')
      .get(fingerprint) as RawJob | undefined
    return r ? toJob(r) : null
  }

  /** The analyst's batches, newest first (a watchlist's passes are jobs too, named `watch:…`, and not listed). */
  list(limit = 50): JobRow[] {
    const sql = "SELECT * FROM batch_jobs WHERE name NOT LIKE 'watch:%' ORDER BY id DESC LIMIT ?"
    return (this.db.prepare(sql).all(limit) as RawJob[]).map(toJob)
  }

  /** The mapping detected at import is kept with the job (what its rows were read with). */
  setSpec(id: number, spec: JobSpec): void {
    this.db.prepare('UPDATE batch_jobs SET spec = ? WHERE id = ?').run(JSON.stringify(spec), id)
  }

  /** After the results were (re)built: what they were built from and the policy that decided them. */
  setResults(id: number, stamp: string, policy: Policy): void {
    this.db
      .prepare('UPDATE batch_jobs SET results_stamp = ?, policy = ? WHERE id = ?')
      .run(stamp, JSON.stringify(policy), id)
  }

  setStatus(id: number, status: JobRow['status']): void {
    this.db.prepare('UPDATE batch_jobs SET status = ? WHERE id = ?').run(status, id)
  }

  /** A crashed import restarts from scratch: nothing is called before the import completes. */
  resetImport(id: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM batch_rows WHERE job_id = ?').run(id)
      this.db.prepare('DELETE FROM batch_keys WHERE job_id = ?').run(id)
      this.db
        .prepare(
          "UPDATE batch_jobs SET status = 'importing', total_rows = 0, invalid_rows = 0, import_problem = NULL WHERE id = ?",
        )
        .run(id)
    })()
  }

  importer(id: number): { add(rows: ImportedRow[]): void } {
    const insertRow = this.db.prepare(
      'INSERT INTO batch_rows (job_id, row_no, line, fields, problem, keys) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const insertKey = this.db.prepare('INSERT OR IGNORE INTO batch_keys (job_id, check_name, key) VALUES (?, ?, ?)')
    return {
      add: this.db.transaction((rows: ImportedRow[]) => {
        for (const r of rows) {
          insertRow.run(id, r.rowNo, r.line, JSON.stringify(r.fields), r.problem, JSON.stringify(r.keys))
          for (const [check, key] of Object.entries(r.keys)) if (!key.startsWith('!')) insertKey.run(id, check, key)
        }
      }),
    }
  }

  finishImport(
    id: number,
    info: { header: string[]; sniffed: Sniffed; totalRows: number; invalidRows: number; problem: string | null },
  ): void {
    this.db
      .prepare(
        "UPDATE batch_jobs SET status = 'ready', header = ?, sniffed = ?, total_rows = ?, invalid_rows = ?, import_problem = ? WHERE id = ?",
      )
      .run(
        JSON.stringify(info.header),
        JSON.stringify(info.sniffed),
        info.totalRows,
        info.invalidRows,
        info.problem,
        id,
      )
  }

  failImport(id: number, problem: string): void {
    this.db.prepare("UPDATE batch_jobs SET status = 'failed', import_problem = ? WHERE id = ?").run(problem, id)
  }

  /** Identifiers of a check still without a final answer, in a stable order, a page at a time. */
  pending(id: number, check: Check, limit: number, after: string): string[] {
    return (
      this.db
        .prepare(
          `SELECT k.key FROM batch_keys k
             LEFT JOIN batch_calls c ON c.job_id = k.job_id AND c.check_name = k.check_name AND c.key = k.key
             LEFT JOIN batch_sends s ON s.job_id = k.job_id AND s.check_name = k.check_name AND s.key = k.key
           WHERE k.job_id = ? AND k.check_name = ? AND c.key IS NULL AND s.key IS NULL AND k.key > ? ORDER BY k.key LIMIT ?`,
        )
        .all(id, check, after, limit) as { key: string }[]
    ).map((r) => r.key)
  }

  counts(id: number): {
    unique: Record<string, number>
    answered: Record<string, number>
    failed: Record<string, number>
  } {
    const group = (sql: string): Record<string, number> =>
      Object.fromEntries((this.db.prepare(sql).all(id) as { c: string; n: number }[]).map((r) => [r.c, r.n]))
    return {
      unique: group('SELECT check_name AS c, COUNT(*) AS n FROM batch_keys WHERE job_id = ? GROUP BY check_name'),
      answered: group(
        'SELECT check_name AS c, COUNT(*) AS n FROM batch_calls WHERE job_id = ? AND ok = 1 GROUP BY check_name',
      ),
      failed: group(
        'SELECT check_name AS c, COUNT(*) AS n FROM batch_calls WHERE job_id = ? AND ok = 0 GROUP BY check_name',
      ),
    }
  }

  /** An answer from an earlier job, younger than `hours`, for the same check and identifier. */
  reusable(check: Check, key: string, hours: number, jobId: number): CallRecord | null {
    if (hours <= 0) return null
    const since = new Date(Date.now() - hours * 3_600_000).toISOString()
    const r = this.db
      .prepare(
        'SELECT result, attempts, at FROM batch_calls WHERE check_name = ? AND key = ? AND ok = 1 AND at >= ? AND job_id != ? ORDER BY at DESC LIMIT 1',
      )
      .get(check, key, since, jobId) as { result: string; attempts: number; at: string } | undefined
    return r
      ? { ok: true, result: JSON.parse(r.result) as unknown, code: null, reason: 'reused', attempts: 0, at: r.at }
      : null
  }

  /** An effect's request is about to leave: written first, so a process killed mid-call knows it may have gone. */
  markSending(id: number, check: Check, key: string, at: Date): void {
    this.db
      .prepare('INSERT OR REPLACE INTO batch_sends (job_id, check_name, key, started_at) VALUES (?, ?, ?, ?)')
      .run(id, check, key, at.toISOString())
  }

  /** Effects a killed process left in flight: each must be reconciled before the run goes on. */
  inFlight(id: number): { check: Check; key: string; startedAt: string }[] {
    return (
      this.db.prepare('SELECT check_name, key, started_at FROM batch_sends WHERE job_id = ? ORDER BY key').all(id) as {
        check_name: Check
        key: string
        started_at: string
      }[]
    ).map((r) => ({ check: r.check_name, key: r.key, startedAt: r.started_at }))
  }

  clearSending(id: number, check: Check, key: string): void {
    this.db.prepare('DELETE FROM batch_sends WHERE job_id = ? AND check_name = ? AND key = ?').run(id, check, key)
  }

  /** Data Trust transactions this job already owns (a reconciliation must not adopt one of them for another row). */
  ownTransactions(id: number): Set<string> {
    const rows = this.db
      .prepare(
        "SELECT json_extract(result, '$.id') AS tx FROM batch_calls WHERE job_id = ? AND check_name = 'datatrust' AND ok = 1",
      )
      .all(id) as { tx: string | null }[]
    return new Set(rows.map((r) => r.tx).filter((t): t is string => typeof t === 'string'))
  }

  record(id: number, check: Check, key: string, call: CallRecord): void {
    const insert = () =>
      this.db
        .prepare(
          'INSERT OR REPLACE INTO batch_calls (job_id, check_name, key, ok, result, code, reason, attempts, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
          check,
          key,
          call.ok ? 1 : 0,
          call.ok ? JSON.stringify(call.result) : null,
          call.code,
          call.reason,
          call.attempts,
          call.at ?? new Date().toISOString(),
        )
    if (!isEffectCheck(check)) return void insert()
    // The answer (or the failure) is known: in the same transaction, the effect is no longer in flight.
    this.db.transaction(() => {
      insert()
      this.clearSending(id, check, key)
    })()
  }

  call(id: number, check: Check, key: string): CallRecord | null {
    const r = this.db
      .prepare(
        'SELECT ok, result, code, reason, attempts, at FROM batch_calls WHERE job_id = ? AND check_name = ? AND key = ?',
      )
      .get(id, check, key) as
      | { ok: number; result: string | null; code: string | null; reason: string | null; attempts: number; at: string }
      | undefined
    return r
      ? {
          ok: r.ok === 1,
          result: r.result ? (JSON.parse(r.result) as unknown) : null,
          code: r.code,
          reason: r.reason,
          attempts: r.attempts,
          at: r.at,
        }
      : null
  }

  /** Every input row in input order, a page at a time (exports and the grid). */
  rows(
    id: number,
    fromRow: number,
    limit: number,
  ): { rowNo: number; line: number; fields: string[]; problem: string | null; keys: Partial<Record<Check, string>> }[] {
    return (
      this.db
        .prepare(
          'SELECT row_no, line, fields, problem, keys FROM batch_rows WHERE job_id = ? AND row_no >= ? ORDER BY row_no LIMIT ?',
        )
        .all(id, fromRow, limit) as {
        row_no: number
        line: number
        fields: string
        problem: string | null
        keys: string
      }[]
    ).map((r) => ({
      rowNo: r.row_no,
      line: r.line,
      fields: JSON.parse(r.fields) as string[],
      problem: r.problem,
      keys: JSON.parse(r.keys) as Partial<Record<Check, string>>,
    }))
  }

  /** LGPD retention: batches older than the cutoff go whole (not a running one); returned for their files. */
  purge(cutoffIso: string): JobRow[] {
    const old = (
      this.db
        .prepare("SELECT * FROM batch_jobs WHERE created_at < ? AND status NOT IN ('running', 'importing')")
        .all(cutoffIso) as RawJob[]
    ).map(toJob)
    this.db.transaction(() => old.forEach((job) => this.remove(job.id)))()
    return old
  }

  /** A job with every row, key, answer and result. */
  remove(id: number): void {
    this.db.transaction(() => {
      for (const table of JOB_TABLES)
        this.db.prepare(`DELETE FROM ${table} WHERE ${table === 'batch_jobs' ? 'id' : 'job_id'} = ?`).run(id)
    })()
  }
}
