import type { JobSummary } from '../../src-shared/contract/batch'
import type { Rules } from '../../src-shared/domain/verdict'
import type { Db } from '../core/store/db'
import type { CallResult } from './checks'
import { resultHeader, resultRows } from './export'
import type { BatchJournal, JobRow } from './journal'

/*
 * The results grid and dashboard read a materialised copy of the export rows (SQLite), rebuilt when answers were
 * added since: sorting and filtering 100k+ rows is then an indexed query, not a scan in the renderer.
 */

const built = new Map<number, string>()

export function summary(journal: BatchJournal, job: JobRow): JobSummary {
  const c = journal.counts(job.id)
  return { id: job.id, name: job.name, createdAt: job.createdAt, status: job.status, checks: job.spec.checks, totalRows: job.totalRows, invalidRows: job.invalidRows, importProblem: job.importProblem, unique: c.unique, answered: c.answered, failed: c.failed }
}

/**
 * `refresh` (a new query from the top, the dashboard) checks whether answers or rules changed since the last build;
 * the pages that follow while scrolling read what is built, without counting or rebuilding.
 */
export function materialise(db: Db, journal: BatchJournal, job: JobRow, rules: Rules, refresh: boolean): void {
  if (!refresh && built.has(job.id)) return
  const c = journal.counts(job.id)
  const stamp = JSON.stringify([c.answered, c.failed, rules, job.totalRows])
  if (built.get(job.id) === stamp) return
  const insert = db.prepare('INSERT INTO batch_results (job_id, row_no, verdict, score, statuses, cells, problem) VALUES (?, ?, ?, ?, ?, ?, ?)')
  db.transaction(() => {
    db.prepare('DELETE FROM batch_results WHERE job_id = ?').run(job.id)
    const scoreAt = resultHeader(job).indexOf('score')
    for (const row of resultRows(journal, job, rules)) {
      const cells = [...row.fields, ...row.results]
      const score = scoreAt >= 0 ? Number(cells[scoreAt]) : NaN
      insert.run(job.id, row.rowNo, row.verdict, Number.isFinite(score) && cells[scoreAt] !== '' ? score : null, JSON.stringify(row.statuses), JSON.stringify(cells), row.problem)
    }
  })()
  built.set(job.id, stamp)
}

export function page(db: Db, job: JobRow, q: { offset: number; limit: number; verdict?: string | undefined; status?: string | undefined; flag?: string | undefined; sort: 'row' | 'verdict' | 'score' }) {
  const where = ['job_id = ?']
  const args: unknown[] = [job.id]
  if (q.verdict) {
    where.push(q.verdict === '-' ? "verdict = ''" : 'verdict = ?')
    if (q.verdict !== '-') args.push(q.verdict)
  }
  if (q.status) {
    where.push('statuses LIKE ?')
    args.push(`%"${q.status.replace(/["%_]/g, '')}%`)
  }
  if (q.flag) {
    // An Alerta event type (SIMCARD_CHANGED, …) among the row's answers.
    where.push('cells LIKE ?')
    args.push(`%${q.flag.replace(/[^A-Z_]/g, '')}%`)
  }
  const order = { row: 'row_no', verdict: "CASE verdict WHEN 'recusar' THEN 0 WHEN 'revisar' THEN 1 WHEN 'aprovar' THEN 2 ELSE 3 END, row_no", score: 'score IS NULL, score, row_no' }[q.sort]
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM batch_results WHERE ${where.join(' AND ')}`).get(...args) as { n: number }).n
  const rows = (
    db.prepare(`SELECT row_no, verdict, statuses, cells, problem FROM batch_results WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as {
      row_no: number
      verdict: string
      statuses: string
      cells: string
      problem: string
    }[]
  ).map((r) => ({ rowNo: r.row_no, verdict: r.verdict, problem: r.problem, statuses: JSON.parse(r.statuses) as Record<string, string>, cells: JSON.parse(r.cells) as string[] }))
  return { header: resultHeader(job), total, rows }
}

const AGE_BUCKETS: [string, number][] = [['≤ 1 dia', 1], ['≤ 7 dias', 7], ['≤ 30 dias', 30], ['≤ 90 dias', 90], ['> 90 dias', Infinity]]

export function stats(db: Db, job: JobRow) {
  const verdicts = Object.fromEntries((db.prepare("SELECT CASE verdict WHEN '' THEN '-' ELSE verdict END AS v, COUNT(*) AS n FROM batch_results WHERE job_id = ? GROUP BY v").all(job.id) as { v: string; n: number }[]).map((r) => [r.v, r.n]))
  const histogram = Array.from({ length: 10 }, (_, i) => ({ from: i * 100, count: 0 }))
  for (const r of db.prepare('SELECT score FROM batch_results WHERE job_id = ? AND score IS NOT NULL').all(job.id) as { score: number }[]) {
    const bin = histogram[Math.min(9, Math.max(0, Math.floor(r.score / 100)))]
    if (bin) bin.count++
  }
  const flags: Record<string, number> = {}
  const ages = AGE_BUCKETS.map(([bucket]) => ({ bucket, count: 0 }))
  const now = Date.now()
  for (const r of db.prepare("SELECT result FROM batch_calls WHERE job_id = ? AND check_name = 'alerts' AND ok = 1").all(job.id) as { result: string }[]) {
    const result = JSON.parse(r.result) as CallResult
    if (!('events' in result)) continue
    for (const e of result.events) {
      flags[e.eventName] = (flags[e.eventName] ?? 0) + 1
      const days = (now - Date.parse(e.timestamp)) / 86_400_000
      const i = AGE_BUCKETS.findIndex(([, max]) => days <= max)
      const bucket = ages[i < 0 ? ages.length - 1 : i]
      if (bucket) bucket.count++
    }
  }
  const statuses: Record<string, Record<string, number>> = {}
  for (const r of db.prepare('SELECT statuses FROM batch_results WHERE job_id = ?').all(job.id) as { statuses: string }[]) {
    for (const [check, status] of Object.entries(JSON.parse(r.statuses) as Record<string, string>)) {
      const kind = status.split(':')[0] || '-'
      const byCheck = (statuses[check] ??= {})
      byCheck[kind] = (byCheck[kind] ?? 0) + 1
    }
  }
  return { verdicts, scoreHistogram: histogram, flags, eventsByAge: ages, statuses }
}
