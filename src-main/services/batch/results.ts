import type { JobSummary } from '../../../src-shared/contract/batch'
import { z } from 'zod'
import {
  FactsSchema,
  memoDecider,
  policyHash,
  policyRef,
  ReasonSchema,
  VERDICTS,
  type Decision,
  type Facts,
  type Policy,
  type PolicyRef,
  type Reason,
  type Verdict,
} from '../../../src-shared/domain/policy'
import type { Db } from '../../infra/store/db'
import type { CallResult } from './checks'
import { rowFacts } from './facts'
import type { BatchJournal, JobRow } from './journal'

/*
 * The results grid, dashboard, exports and what-if read a materialised copy of every row's facts and decision
 * (SQLite), rebuilt when answers were added since; when only the policy changed, rows are re-decided from their
 * stored facts without touching the journal. Sorting and filtering 100k+ rows is then an indexed query.
 */

/** Every verdict at 0. */
export const zero = (): Record<Verdict, number> =>
  Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>

/** The policy that decided the job's stored results (none yet: version 0). */
export function decidedBy(job: JobRow): PolicyRef {
  return job.policy ? policyRef(job.policy) : { version: 0, hash: '' }
}

/** How many rows got each verdict in the stored results. */
export function verdictCounts(db: Db, job: JobRow): Record<Verdict, number> {
  const counts = zero()
  for (const r of db
    .prepare('SELECT verdict AS v, COUNT(*) AS n FROM batch_results WHERE job_id = ? GROUP BY v')
    .all(job.id) as { v: Verdict; n: number }[])
    counts[r.v] = r.n
  return counts
}

export function summary(journal: BatchJournal, job: JobRow): JobSummary {
  const c = journal.counts(job.id)
  return {
    id: job.id,
    name: job.name,
    createdAt: job.createdAt,
    status: job.status,
    checks: job.spec.checks,
    totalRows: job.totalRows,
    invalidRows: job.invalidRows,
    importProblem: job.importProblem,
    unique: c.unique,
    answered: c.answered,
    failed: c.failed,
    policy: job.policy ? policyRef(job.policy) : null,
  }
}

function answersStamp(journal: BatchJournal, job: JobRow): string {
  const c = journal.counts(job.id)
  return JSON.stringify([c.answered, c.failed, job.totalRows])
}

const stampOf = (answers: string, policy: Policy): string => `${answers}#${policyHash(policy)}`

/**
 * Makes the stored results current for these answers and this policy. Returns the job as updated (its policy is
 * the one that decided the rows).
 */
export function materialise(db: Db, journal: BatchJournal, job: JobRow, policy: Policy): JobRow {
  const answers = answersStamp(journal, job)
  const stamp = stampOf(answers, policy)
  if (job.resultsStamp === stamp) return job
  const decider = memoDecider(policy)
  if (job.resultsStamp?.startsWith(`${answers}#`)) {
    // Same answers, another policy: re-decide from the stored facts.
    const update = db.prepare('UPDATE batch_results SET verdict = ?, reasons = ? WHERE job_id = ? AND row_no = ?')
    const rows = db.prepare('SELECT row_no, facts FROM batch_results WHERE job_id = ?').all(job.id) as {
      row_no: number
      facts: string
    }[]
    db.transaction(() => {
      for (const r of rows) {
        const d = decider(r.facts)
        update.run(d.verdict, reasonsJson(d.reasons), job.id, r.row_no)
      }
    })()
  } else {
    const insert = db.prepare(
      'INSERT INTO batch_results (job_id, row_no, verdict, reasons, score, statuses, facts) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    db.transaction(() => {
      db.prepare('DELETE FROM batch_results WHERE job_id = ?').run(job.id)
      for (const row of rowFacts(journal, job)) {
        const facts = JSON.stringify(row.facts)
        const d = decider(facts)
        const score = row.facts.outcomes.score
        const statuses = Object.fromEntries(Object.entries(row.facts.outcomes).map(([check, o]) => [check, o.status]))
        insert.run(
          job.id,
          row.rowNo,
          d.verdict,
          reasonsJson(d.reasons),
          score?.status === 'answered' ? score.answer.score : null,
          JSON.stringify(statuses),
          facts,
        )
      }
    })()
  }
  journal.setResults(job.id, stamp, policy)
  return { ...job, resultsStamp: stamp, policy }
}

const reasonsJson = (reasons: Reason[]): string => (reasons.length ? JSON.stringify(reasons) : '[]')

export interface StoredRow {
  rowNo: number
  fields: string[]
  facts: Facts
  decision: Decision
}

const StoredSchema = z.object({
  fields: z.array(z.string()),
  facts: FactsSchema,
  reasons: z.array(ReasonSchema),
  verdict: z.enum(VERDICTS),
})

function stored(
  r: { row_no: number; fields: string; verdict: string; reasons: string; facts: string },
  ref: PolicyRef,
): StoredRow {
  const s = StoredSchema.parse({
    fields: JSON.parse(r.fields),
    facts: JSON.parse(r.facts),
    reasons: JSON.parse(r.reasons),
    verdict: r.verdict,
  })
  return {
    rowNo: r.row_no,
    fields: s.fields,
    facts: s.facts,
    decision: { verdict: s.verdict, reasons: s.reasons, policy: ref },
  }
}

/** Every materialised row in input order, with its original fields, a page at a time (exports). */
export function* storedRows(db: Db, job: JobRow): Generator<StoredRow> {
  const ref = decidedBy(job)
  const select = db.prepare(
    `SELECT r.row_no, b.fields, r.verdict, r.reasons, r.facts FROM batch_results r JOIN batch_rows b ON b.job_id = r.job_id AND b.row_no = r.row_no
     WHERE r.job_id = ? AND r.row_no >= ? ORDER BY r.row_no LIMIT 2000`,
  )
  for (let from = 1; ;) {
    const page = select.all(job.id, from) as {
      row_no: number
      fields: string
      verdict: string
      reasons: string
      facts: string
    }[]
    if (page.length === 0) return
    for (const r of page) yield stored(r, ref)
    from = (page[page.length - 1]?.row_no ?? from) + 1
  }
}

export interface PageQuery {
  offset: number
  limit: number
  verdict?: string | undefined
  status?: string | undefined
  flag?: string | undefined
  sort: 'row' | 'verdict' | 'score'
  /** Rows from this number on (the row drawer reads one). */
  rowFrom?: number | undefined
}

export function page(db: Db, job: JobRow, q: PageQuery): { total: number; rows: StoredRow[] } {
  const where = ['r.job_id = ?']
  const args: unknown[] = [job.id]
  if (q.rowFrom !== undefined) {
    where.push('r.row_no >= ?')
    args.push(q.rowFrom)
  }
  if (q.verdict) {
    where.push('r.verdict = ?')
    args.push(q.verdict)
  }
  if (q.status) {
    where.push('r.statuses LIKE ?')
    args.push(`%":"${q.status.replace(/[^a-z_]/g, '')}"%`)
  }
  if (q.flag) {
    // An Alerta event type (SIMCARD_CHANGED, …) among the row's answers.
    where.push('r.facts LIKE ?')
    args.push(`%"name":"${q.flag.replace(/[^A-Z_]/g, '')}"%`)
  }
  const order = {
    row: 'r.row_no',
    verdict: "CASE r.verdict WHEN 'recusar' THEN 0 WHEN 'revisar' THEN 1 ELSE 2 END, r.row_no",
    score: 'r.score IS NULL, r.score, r.row_no',
  }[q.sort]
  const clause = where.join(' AND ')
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM batch_results r WHERE ${clause}`).get(...args) as { n: number })
    .n
  const rows = db
    .prepare(
      `SELECT r.row_no, b.fields, r.verdict, r.reasons, r.facts FROM batch_results r JOIN batch_rows b ON b.job_id = r.job_id AND b.row_no = r.row_no WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...args, q.limit, q.offset) as {
    row_no: number
    fields: string
    verdict: string
    reasons: string
    facts: string
  }[]
  const ref = decidedBy(job)
  return { total, rows: rows.map((r) => stored(r, ref)) }
}

/** Event ages, as keys the screen words (batch.ageBuckets). */
const AGE_BUCKETS: [string, number][] = [
  ['d1', 1],
  ['d7', 7],
  ['d30', 30],
  ['d90', 90],
  ['older', Infinity],
]

export function stats(db: Db, job: JobRow) {
  const verdicts = verdictCounts(db, job)
  const histogram = Array.from({ length: 10 }, (_, i) => ({ from: i * 100, count: 0 }))
  for (const r of db.prepare('SELECT score FROM batch_results WHERE job_id = ? AND score IS NOT NULL').all(job.id) as {
    score: number
  }[]) {
    const bin = histogram[Math.min(9, Math.max(0, Math.floor(r.score / 100)))]
    if (bin) bin.count++
  }
  const flags: Record<string, number> = {}
  const ages = AGE_BUCKETS.map(([bucket]) => ({ bucket, count: 0 }))
  for (const r of db
    .prepare("SELECT result, at FROM batch_calls WHERE job_id = ? AND check_name = 'alerts' AND ok = 1")
    .all(job.id) as { result: string; at: string }[]) {
    const result = JSON.parse(r.result) as CallResult
    if (!('events' in result)) continue
    for (const e of result.events) {
      flags[e.eventName] = (flags[e.eventName] ?? 0) + 1
      // The event's age when it was read (the verdicts' reference time, too).
      const days = (Date.parse(r.at) - Date.parse(e.timestamp)) / 86_400_000
      const i = AGE_BUCKETS.findIndex(([, max]) => days <= max)
      const bucket = ages[i < 0 ? ages.length - 1 : i]
      if (bucket) bucket.count++
    }
  }
  const statuses: Record<string, Record<string, number>> = {}
  for (const r of db
    .prepare('SELECT statuses, COUNT(*) AS n FROM batch_results WHERE job_id = ? GROUP BY statuses')
    .all(job.id) as { statuses: string; n: number }[]) {
    for (const [check, status] of Object.entries(JSON.parse(r.statuses) as Record<string, string>)) {
      const byCheck = (statuses[check] ??= {})
      byCheck[status] = (byCheck[status] ?? 0) + r.n
    }
  }
  return { verdicts, scoreHistogram: histogram, flags, eventsByAge: ages, statuses }
}
