import type { Db } from '../../infra/store/db'
import { mentions, sureSubjectsIn, type Subject, type SubjectKind } from '../../../src-shared/domain/privacy'

/*
 * Every table that can hold a person's data (issue #14), and how to tell a row is about them: the keyed hashes of
 * every identifier a row names (masked or not), the identifier's written forms in every text column. Tables are read
 * row by row (iterate), so a million-row journal costs time, not memory. A row found also says which other people it
 * names in clear (issue #23: the phone and e-mail seen with a CPF), for the erasure to offer them.
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
  | 'settings'

export interface DbRecord {
  place: Place
  at: string | null
  /** What the row is, as a code with its parameters (words in the catalogs: privacy.what.*). */
  what: string
  params: Record<string, string | number>
  /** How to delete it: the row's key columns and values. */
  key: Record<string, string | number>
  /** The identifiers the row names in clear, and a masked one's face (`529.***.***-25`): people seen with the person. */
  carries?: { subjects: Subject[]; masked: { kind: SubjectKind; shown: string }[] }
}

interface Simple {
  place: Place
  at: string
  columns: string[]
  what: (row: Record<string, unknown>) => { what: string; params: Record<string, string | number> }
  /** A column of keyed hashes of the people the row is about (its identifiers are masked or hashed). */
  hashes?: string
  /** Columns naming the row's people in clear: the others seen with the person. */
  carries?: string[]
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
    carries: ['msisdn', 'cpf'],
    what: (r) => ({ what: 'watch_lines', params: { list: Number(r['list_id']) } }),
  },
  {
    // Issue #22: a case is wholly its person's — its evidence, the analyst's decisions and notes go with it.
    place: 'cases',
    at: 'opened_at',
    columns: ['cpf', 'phone', 'email', 'label'],
    hashes: 'subjects',
    carries: ['cpf', 'phone', 'email'],
    what: (r) => ({ what: 'cases', params: { id: Number(r['id']), status: str(r['status']) } }),
  },
]

type Row = Record<string, unknown>

/** Whether a column of space-separated keyed hashes names one of the people. */
const hashed = (column: unknown, hashes: ReadonlySet<string>): boolean =>
  str(column)
    .split(' ')
    .some((h) => hashes.has(h))

/** A JSON column as a value to read identifiers from (text that is not JSON is read as a string). */
function json(text: unknown): unknown {
  try {
    return JSON.parse(str(text)) as unknown
  } catch {
    return text
  }
}

function* simpleRecords(db: Db, pattern: RegExp, hashes: ReadonlySet<string>): Generator<DbRecord> {
  for (const table of SIMPLE) {
    for (const row of db.prepare(`SELECT rowid AS _rowid, * FROM ${table.place}`).iterate() as IterableIterator<Row>) {
      const byHash = table.hashes !== undefined && hashed(row[table.hashes], hashes)
      if (!byHash && !table.columns.some((c) => mentions(pattern, row[c] as string | null))) continue
      const carries = table.carries && {
        subjects: sureSubjectsIn(Object.fromEntries(table.carries.map((c) => [c, str(row[c])]))),
        masked: [],
      }
      yield {
        place: table.place,
        at: str(row[table.at]),
        ...table.what(row),
        key: { rowid: Number(row['_rowid']) },
        ...(carries ? { carries } : {}),
      }
    }
  }
}

/** The kind of a history row's main identifier (an Alerta line; a CPF for the others). */
const historyKind = (kind: unknown): SubjectKind => (kind === 'alerts' ? 'phone' : 'cpf')

function* historyRecords(db: Db, pattern: RegExp, hashes: ReadonlySet<string>): Generator<DbRecord> {
  const rows = db
    .prepare('SELECT id, at, kind, outcome, masked, identifier, summary, raw, subject, subjects FROM history')
    .iterate() as IterableIterator<Row>
  for (const r of rows) {
    if (
      !hashes.has(str(r['subject'])) &&
      !hashed(r['subjects'], hashes) &&
      !['identifier', 'summary', 'raw'].some((c) => mentions(pattern, r[c] as string | null))
    )
      continue
    const kind = historyKind(r['kind'])
    const masked = r['masked'] === 1
    yield {
      place: 'history',
      at: str(r['at']),
      what: 'history',
      params: { kind: str(r['kind']), outcome: str(r['outcome']) },
      key: { id: Number(r['id']) },
      carries: {
        subjects: sureSubjectsIn({ raw: json(r['raw']), ...(masked ? {} : { [kind]: str(r['identifier']) }) }),
        masked: masked ? [{ kind, shown: str(r['identifier']) }] : [],
      },
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
    const keys = JSON.parse(str(r['keys'])) as Record<string, string>
    for (const [check, key] of Object.entries(keys)) freed.push({ job: j.id, check, key })
    yield {
      place: 'batch_rows',
      at: j.created_at,
      what: 'batch_rows',
      params: { job: j.id, name: j.name, line: Number(r['line']) },
      key: { job_id: j.id, row_no: Number(r['row_no']) },
      // The row's keys name its CPF and phone by check (alerts: the line, score: the CPF); its fields, the e-mail.
      carries: {
        subjects: sureSubjectsIn({ fields: json(r['fields']), cpf: keys['score'], phone: keys['alerts'] }),
        masked: [],
      },
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

/** Every row about the people (their written forms, their keyed hashes), in every table. */
export function findRecords(db: Db, pattern: RegExp, hashes: ReadonlySet<string>): DbRecord[] {
  return [...historyRecords(db, pattern, hashes), ...batchRecords(db, pattern), ...simpleRecords(db, pattern, hashes)]
}
