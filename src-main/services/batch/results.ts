import type { JobSummary } from '../../../src-shared/contract/batch'
import { z } from 'zod'
import {
  FactsSchema,
  memoRowDecider,
  policyHash,
  policyRef,
  ReasonSchema,
  ROW_VERDICTS,
  type Facts,
  type Policy,
  type PolicyRef,
  type Reason,
  type RowDecision,
  type RowVerdict,
} from '../../../src-shared/domain/policy'
import type { Db } from '../../infra/store/db'
import { rowFacts } from './facts'
import type { BatchJournal, JobRow } from './journal'

/*
 * The results grid, dashboard, exports and what-if read a materialised copy of every row's facts and decision
 * (SQLite). Sorting and filtering 100k+ rows is then an indexed query.
 *
 * What was decided stays decided (issue #22): once a job's decision set is recorded (./decisions.ts) its rows are
 * decided by that set's policy only — whatever policy is in force now. The copy is rebuilt when answers changed (a
 * resumed job, an LGPD erasure) under the same pinned policy; a job not decided yet (running, paused) is decided
 * provisionally under the policy in force, rows still waiting for an answer being *pendente*.
 */

/** Every row verdict (pendente included) at 0. */
export const zero = (): Record<RowVerdict, number> =>
  Object.fromEntries(ROW_VERDICTS.map((v) => [v, 0])) as Record<RowVerdict, number>

/** The policy that decided the job's stored results (none yet: version 0). */
export function decidedBy(job: JobRow): PolicyRef {
  return job.policy ? policyRef(job.policy) : { version: 0, hash: '' }
}

/** The policy a job's rows are decided by: its recorded set's once decided, else the one in force (provisional). */
export function policyOf(job: JobRow, inForce: Policy): Policy {
  return job.decisionSet !== null && job.policy ? job.policy : inForce
}

const CountRowSchema = z.object({ v: z.enum(ROW_VERDICTS), n: z.number() })

/** How many rows got each verdict in the stored results. */
export function verdictCounts(db: Db, job: JobRow): Record<RowVerdict, number> {
  const counts = zero()
  const rows = db
    .prepare('SELECT verdict AS v, COUNT(*) AS n FROM batch_results WHERE job_id = ? GROUP BY v')
    .all(job.id)
  for (const r of z.array(CountRowSchema).parse(rows)) counts[r.v] = r.n
  return counts
}

export function summary(journal: BatchJournal, job: JobRow): Omit<JobSummary, 'decided'> {
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
    policy: job.decisionSet !== null && job.policy ? policyRef(job.policy) : null,
  }
}

function answersStamp(journal: BatchJournal, job: JobRow): string {
  const c = journal.counts(job.id)
  return JSON.stringify([c.answered, c.failed, job.totalRows])
}

const stampOf = (answers: string, policy: Policy): string => `${answers}#${policyHash(policy)}`

/**
 * Makes the stored results current for the job's answers. A decided job keeps its own policy whatever `inForce` is;
 * an undecided one is decided provisionally by `inForce`. Returns the job as updated.
 */
export function materialise(db: Db, journal: BatchJournal, job: JobRow, inForce: Policy): JobRow {
  return rebuild(db, journal, job, policyOf(job, inForce))
}

/** The stored results decided by exactly `policy` (./decisions.ts adopts a new one through here). */
export function rebuild(db: Db, journal: BatchJournal, job: JobRow, policy: Policy): JobRow {
  const answers = answersStamp(journal, job)
  const stamp = stampOf(answers, policy)
  if (job.resultsStamp === stamp) return job
  const decider = memoRowDecider(policy)
  if (job.resultsStamp?.startsWith(`${answers}#`)) {
    // Same answers, another policy: re-decide from the stored facts.
    const update = db.prepare('UPDATE batch_results SET verdict = ?, reasons = ? WHERE job_id = ? AND row_no = ?')
    const rows = z
      .array(z.object({ row_no: z.number(), facts: z.string() }))
      .parse(db.prepare('SELECT row_no, facts FROM batch_results WHERE job_id = ?').all(job.id))
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

/** The input part of the job's rows (issue #22 item 3): the header's width, and whether any row is wider. */
export function inputLayout(db: Db, job: JobRow): { width: number; extra: boolean } {
  const width = job.header?.length ?? 0
  const wider = db
    .prepare('SELECT 1 AS x FROM batch_rows WHERE job_id = ? AND json_array_length(fields) > ? LIMIT 1')
    .get(job.id, width)
  return { width, extra: wider !== undefined }
}

const reasonsJson = (reasons: Reason[]): string => (reasons.length ? JSON.stringify(reasons) : '[]')

export interface StoredRow {
  rowNo: number
  fields: string[]
  facts: Facts
  decision: RowDecision
}

const StoredSchema = z.object({
  fields: z.array(z.string()),
  facts: FactsSchema,
  reasons: z.array(ReasonSchema),
  verdict: z.enum(ROW_VERDICTS),
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

/** Rows that wait for an analyst: "revisar", or a decided row with an effect of unknown outcome (resultado incerto). */
const FOR_REVIEW = `AND (r.verdict = 'revisar' OR (r.verdict != 'pendente' AND r.statuses LIKE '%"unknown"%'))`

/**
 * Every materialised row in input order, with its original fields, a page at a time (exports); with `forReview`, only
 * the rows an analyst must look at (the review queue).
 */
export function* storedRows(db: Db, job: JobRow, options: { forReview?: boolean } = {}): Generator<StoredRow> {
  const ref = decidedBy(job)
  const select = db.prepare(
    `SELECT r.row_no, b.fields, r.verdict, r.reasons, r.facts FROM batch_results r
       JOIN batch_rows b ON b.job_id = r.job_id AND b.row_no = r.row_no
     WHERE r.job_id = ? AND r.row_no >= ? ${options.forReview ? FOR_REVIEW : ''} ORDER BY r.row_no LIMIT 2000`,
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
    verdict: "CASE r.verdict WHEN 'recusar' THEN 0 WHEN 'revisar' THEN 1 WHEN 'aprovar' THEN 2 ELSE 3 END, r.row_no",
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
