import type { Db } from '../../infra/store/db'
import type { CallResult } from './checks'
import type { JobRow } from './journal'
import { verdictCounts } from './results'

/* The Lote dashboard's figures (issue #8 "Results"): verdicts, scores, flags by type, events by age, outcomes. */

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
