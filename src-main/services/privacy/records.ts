import type { Db } from '../../infra/store/db'
import { mentions } from '../../../src-shared/domain/privacy'

/*
 * Every table that can hold a person's data (issue #14), and how to tell a row is about them: the keyed hash for
 * history rows whose identifier was masked, the identifier's written forms in every other text column. Tables are
 * read row by row (iterate), so a million-row journal costs time, not memory.
 */

export type Place =
  | 'history'
  | 'batch_rows'
  | 'batch_keys'
  | 'batch_calls'
  | 'batch_sends'
  | 'mse_inbox'
  | 'mse_messages'
  | 'ussd_log'
  | 'ussd_scripts'
  | 'callbacks'
  | 'effects'
  | 'watch_lines'
  | 'cases'

export interface DbRecord {
  place: Place
  at: string | null
  /** What the row is, as a code with its parameters (words in the catalogs: privacy.what.*). */
  what: string
  params: Record<string, string | number>
  /** How to delete it: the row's key columns and values. */
  key: Record<string, string | number>
}

interface Simple {
  place: Place
  at: string
  columns: string[]
  what: (row: Record<string, unknown>) => { what: string; params: Record<string, string | number> }
  /** A column of keyed hashes of the people the row is about (its identifiers are masked or hashed). */
  hashes?: string
}

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''))

/** Tables with a rowid whose rows are wholly the person's once any column mentions them. */
const SIMPLE: Simple[] = [
  {
    place: 'mse_inbox',
    at: 'at',
    columns: ['anum', 'bnum', 'body'],
    what: (r) => ({ what: 'mse_inbox', params: { kind: str(r['kind']) } }),
  },
  {
    place: 'mse_messages',
    at: 'at',
    columns: ['target', 'text', 'receipt_params'],
    what: (r) => ({ what: 'mse_messages', params: { service: str(r['service']) } }),
  },
  {
    place: 'ussd_log',
    at: 'at',
    columns: ['msisdn', 'summary', 'detail'],
    what: (r) => ({ what: 'ussd_log', params: { kind: str(r['kind']), shortCode: str(r['short_code']) } }),
  },
  {
    place: 'ussd_scripts',
    at: 'created_at',
    columns: ['app_url', 'script'],
    what: () => ({ what: 'ussd_scripts', params: {} }),
  },
  {
    place: 'callbacks',
    at: 'at',
    columns: ['summary', 'body'],
    what: (r) => ({ what: 'callbacks', params: { provider: str(r['provider']), kind: str(r['kind']) } }),
  },
  {
    place: 'effects',
    at: 'started_at',
    columns: ['target', 'detail'],
    hashes: 'subjects',
    what: (r) => ({ what: 'effects', params: { operation: str(r['operation']), state: str(r['state']) } }),
  },
  {
    // Issue #17: a watched line (its changes go with it).
    place: 'watch_lines',
    at: 'added_at',
    columns: ['msisdn', 'cpf', 'label', 'known_events'],
    what: (r) => ({ what: 'watch_lines', params: { list: Number(r['list_id']) } }),
  },
  {
    // Issue #22: a case is wholly its person's — its evidence, the analyst's decisions and notes go with it.
    place: 'cases',
    at: 'opened_at',
    columns: ['cpf', 'phone', 'email', 'label'],
    hashes: 'subjects',
    what: (r) => ({ what: 'cases', params: { id: Number(r['id']), status: str(r['status']) } }),
  },
]

type Row = Record<string, unknown>

function* simpleRecords(db: Db, pattern: RegExp, hash: string): Generator<DbRecord> {
  for (const table of SIMPLE) {
    for (const row of db.prepare(`SELECT rowid AS _rowid, * FROM ${table.place}`).iterate() as IterableIterator<Row>) {
      const hashed = table.hashes !== undefined && str(row[table.hashes]).split(' ').includes(hash)
      if (!hashed && !table.columns.some((c) => mentions(pattern, row[c] as string | null))) continue
      yield { place: table.place, at: str(row[table.at]), ...table.what(row), key: { rowid: Number(row['_rowid']) } }
    }
  }
}

function* historyRecords(db: Db, pattern: RegExp, hash: string): Generator<DbRecord> {
  const rows = db
    .prepare('SELECT id, at, kind, outcome, masked, identifier, summary, raw, subject FROM history')
    .iterate() as IterableIterator<Row>
  for (const r of rows) {
    if (
      r['subject'] !== hash &&
      !['identifier', 'summary', 'raw'].some((c) => mentions(pattern, r[c] as string | null))
    )
      continue
    yield {
      place: 'history',
      at: str(r['at']),
      what: 'history',
      params: { kind: str(r['kind']), outcome: str(r['outcome']) },
      key: { id: Number(r['id']) },
    }
  }
}

function* batchRecords(db: Db, pattern: RegExp): Generator<DbRecord> {
  const jobs = new Map(
    (
      db.prepare('SELECT id, name, created_at FROM batch_jobs').all() as {
        id: number
        name: string
        created_at: string
      }[]
    ).map((j) => [j.id, j]),
  )
  const job = (id: unknown) => jobs.get(Number(id)) ?? { id: Number(id), name: '', created_at: '' }
  const calls = new Map<string, DbRecord>()
  const call = (jobId: number, check: string, key: string, at: string): void => {
    const j = job(jobId)
    calls.set(JSON.stringify([jobId, check, key]), {
      place: 'batch_calls',
      at,
      what: 'batch_calls',
      params: { job: j.id, name: j.name, check },
      key: { job_id: jobId, check_name: check, key },
    })
  }
  // A row of the person's goes whole; its other identifiers' answers go too unless another row still uses them.
  const freed: { job: number; check: string; key: string }[] = []
  for (const r of db
    .prepare('SELECT job_id, row_no, line, fields, keys FROM batch_rows')
    .iterate() as IterableIterator<Row>) {
    if (!mentions(pattern, r['fields'] as string) && !mentions(pattern, r['keys'] as string)) continue
    const j = job(r['job_id'])
    for (const [check, key] of Object.entries(JSON.parse(str(r['keys'])) as Record<string, string>))
      freed.push({ job: j.id, check, key })
    yield {
      place: 'batch_rows',
      at: j.created_at,
      what: 'batch_rows',
      params: { job: j.id, name: j.name, line: Number(r['line']) },
      key: { job_id: j.id, row_no: Number(r['row_no']) },
    }
  }
  for (const r of db
    .prepare('SELECT job_id, check_name, key, result, at FROM batch_calls')
    .iterate() as IterableIterator<Row>) {
    if (mentions(pattern, r['key'] as string) || mentions(pattern, r['result'] as string | null))
      call(Number(r['job_id']), str(r['check_name']), str(r['key']), str(r['at']))
  }
  const answered = db.prepare('SELECT at FROM batch_calls WHERE job_id = ? AND check_name = ? AND key = ?')
  for (const f of freed) {
    if (f.key.startsWith('!') || calls.has(JSON.stringify([f.job, f.check, f.key]))) continue
    if (usedByOthers(db, pattern, f)) continue
    const found = answered.get(f.job, f.check, f.key) as { at: string } | undefined
    if (found) call(f.job, f.check, f.key, found.at)
    else {
      const j = job(f.job)
      yield {
        place: 'batch_keys',
        at: j.created_at,
        what: 'batch_keys',
        params: { job: j.id, name: j.name, check: f.check },
        key: { job_id: f.job, check_name: f.check, key: f.key },
      }
    }
  }
  yield* calls.values()
  for (const r of db
    .prepare('SELECT job_id, check_name, key, started_at FROM batch_sends')
    .iterate() as IterableIterator<Row>) {
    if (!mentions(pattern, r['key'] as string)) continue
    const j = job(r['job_id'])
    yield {
      place: 'batch_sends',
      at: str(r['started_at']),
      what: 'batch_sends',
      params: { job: j.id, name: j.name, check: str(r['check_name']) },
      key: { job_id: j.id, check_name: str(r['check_name']), key: str(r['key']) },
    }
  }
}

/** Whether a row not about the person still uses this identifier for this check (then its answer stays). */
function usedByOthers(db: Db, pattern: RegExp, f: { job: number; check: string; key: string }): boolean {
  const rows = db
    .prepare("SELECT fields, keys FROM batch_rows WHERE job_id = ? AND json_extract(keys, '$.' || ?) = ?")
    .iterate(f.job, f.check, f.key) as IterableIterator<Row>
  for (const r of rows)
    if (!mentions(pattern, r['fields'] as string) && !mentions(pattern, r['keys'] as string)) return true
  return false
}

/** Every row about the person, in every table. */
export function findRecords(db: Db, pattern: RegExp, hash: string): DbRecord[] {
  return [...historyRecords(db, pattern, hash), ...batchRecords(db, pattern), ...simpleRecords(db, pattern, hash)]
}

/**
 * Deletes the rows found (one transaction): a batch row with its result, an answer with its key. The jobs touched
 * are re-counted and their materialised results rebuilt on next read.
 */
export function deleteRecords(db: Db, records: readonly DbRecord[]): void {
  const del = (table: string, key: Record<string, string | number>): void => {
    const cols = Object.keys(key)
    db.prepare(`DELETE FROM ${table} WHERE ${cols.map((c) => `${c} = ?`).join(' AND ')}`).run(
      ...cols.map((c) => key[c]),
    )
  }
  const recount = db.prepare(
    `UPDATE batch_jobs SET total_rows = (SELECT COUNT(*) FROM batch_rows WHERE job_id = @id),
       invalid_rows = (SELECT COUNT(*) FROM batch_rows WHERE job_id = @id AND (problem IS NOT NULL OR keys LIKE '%"!%')),
       results_stamp = NULL WHERE id = @id`,
  )
  db.transaction(() => {
    const jobs = new Set<number>()
    for (const r of records) {
      del(r.place, r.key)
      if (r.place === 'batch_rows') {
        del('batch_results', r.key)
        // Issue #22: the verdicts earlier decision sets gave the row, and its link to a case, go with it.
        del('batch_results_prior', r.key)
        del('case_links', r.key)
      }
      if (r.place === 'batch_calls') del('batch_keys', r.key)
      if (r.place === 'watch_lines') del('watch_changes', { line_id: Number(r.key['rowid']) })
      if (r.place === 'cases') {
        del('case_events', { case_id: Number(r.key['rowid']) })
        del('case_links', { case_id: Number(r.key['rowid']) })
      }
      if (r.place.startsWith('batch_')) jobs.add(Number(r.key['job_id']))
    }
    for (const id of jobs) recount.run({ id })
  })()
}

/**
 * Leaves no copy of deleted rows in the database files: secure_delete (on since open) zeroes freed cells; the WAL,
 * which still holds the pages as they were written, is checkpointed and truncated; VACUUM rebuilds the file without
 * free pages. Returns false when another connection kept the WAL from being emptied (close the other window).
 */
export function scrubDatabase(db: Db): boolean {
  const truncate = (): boolean => (db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]?.busy === 0
  const first = truncate()
  db.exec('VACUUM')
  return truncate() && first
}
