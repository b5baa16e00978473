import { z } from 'zod'
import {
  memoRowDecider,
  policyRef,
  ROW_VERDICTS,
  type Policy,
  type PolicyRef,
  type RowVerdict,
} from '../../../src-shared/domain/policy'
import type { Db } from '../../infra/store/db'
import type { JobRow } from './journal'
import { decidedBy, zero } from './results'

/* What-if (issue #12): a finished job's rows re-decided under another policy from their stored facts alone. */

export interface WhatIf {
  changed: number
  before: Record<RowVerdict, number>
  after: Record<RowVerdict, number>
  policy: { before: PolicyRef; after: PolicyRef }
  rows: { rowNo: number; before: RowVerdict; after: RowVerdict; reasons: string[] }[]
  truncated: boolean
}

const ChunkSchema = z.array(z.object({ row_no: z.number(), verdict: z.enum(ROW_VERDICTS), facts: z.string() }))

/**
 * The same rows under another policy, from the stored facts only: not a single provider call. Distinct cases are
 * decided once (GROUP BY facts); the rows that change are listed in input order, up to `limit`.
 */
export function whatIf(db: Db, job: JobRow, candidate: Policy, limit: number): WhatIf {
  const decider = memoRowDecider(candidate)
  const before = zero()
  const after = zero()
  const changedFacts: string[] = []
  let changed = 0
  const groups = z
    .array(z.object({ facts: z.string(), verdict: z.enum(ROW_VERDICTS), n: z.number() }))
    .parse(
      db
        .prepare('SELECT facts, verdict, COUNT(*) AS n FROM batch_results WHERE job_id = ? GROUP BY facts, verdict')
        .all(job.id),
    )
  for (const g of groups) {
    const next = decider(g.facts).verdict
    before[g.verdict] += g.n
    after[next] += g.n
    if (next !== g.verdict) {
      changed += g.n
      changedFacts.push(g.facts)
    }
  }
  const rows: WhatIf['rows'] = []
  if (changedFacts.length > 0 && limit > 0) {
    // The changed cases are few distinct facts strings; their rows come back in input order.
    const wanted = new Set(changedFacts)
    const select = db.prepare(
      'SELECT row_no, verdict, facts FROM batch_results WHERE job_id = ? AND row_no > ? ORDER BY row_no LIMIT 5000',
    )
    for (let from = 0; rows.length < limit;) {
      const chunk = ChunkSchema.parse(select.all(job.id, from))
      if (chunk.length === 0) break
      for (const r of chunk) {
        if (!wanted.has(r.facts)) continue
        const d = decider(r.facts)
        rows.push({ rowNo: r.row_no, before: r.verdict, after: d.verdict, reasons: d.reasons.map((x) => x.code) })
        if (rows.length >= limit) break
      }
      from = chunk[chunk.length - 1]?.row_no ?? from
    }
  }
  return {
    changed,
    before,
    after,
    policy: { before: decidedBy(job), after: policyRef(candidate) },
    rows,
    truncated: rows.length < changed,
  }
}
