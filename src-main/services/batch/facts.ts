import { CHECKS, type Check } from '../../../src-shared/domain/batch'
import {
  alertFacts,
  dataTrustFacts,
  failureOutcome,
  lineFacts,
  PENDING,
  type Facts,
  type Outcome,
} from '../../../src-shared/domain/policy/facts'
import type { CallResult } from './checks'
import type { BatchJournal, CallRecord, JobRow } from './journal'

/*
 * A batch row → the facts the policy decides on: per asked check, the journaled answer (or why there is none).
 * An identifier that could not be read is "not run" with its reason; a check without an answer yet (the batch was
 * cancelled or is still running) is "not run: pending" — never silently approved.
 */

export function outcomeOfCall(check: Check, key: string | undefined, call: CallRecord | null): Outcome {
  if (key === undefined) return { status: 'not_run', code: PENDING }
  if (key.startsWith('!')) return { status: 'not_run', code: key.slice(1) }
  if (!call) return { status: 'not_run', code: PENDING }
  if (!call.ok) return failureOutcome(check, call.code ?? 'internal')
  const r = call.result as CallResult
  // Journals written before the fix may hold a ClearSale 404 as "not found": it is a wrong route (seed 004).
  if ('notFound' in r)
    return check === 'datatrust'
      ? failureOutcome(check, 'clearsale.not_found')
      : { status: 'not_found', code: 'claro.not_found' }
  switch (r.check) {
    case 'alerts':
      return { status: 'answered', answer: alertFacts(r.events, new Date(call.at ?? Date.now())) }
    case 'score':
      return { status: 'answered', answer: { score: r.score } }
    case 'datatrust':
      return dataTrustFacts(r.score === null ? null : { Score: { Value: r.score }, Insights: r.insights })
    case 'line':
      return { status: 'answered', answer: lineFacts(r.parameters) }
  }
  return { status: 'failed', code: 'internal' }
}

export interface RowFacts {
  rowNo: number
  fields: string[]
  keys: Partial<Record<Check, string>>
  facts: Facts
}

/**
 * The rows of a job with their facts, in input order, a page at a time (answers shared by rows read once): every
 * row, or `limit` rows from row `from` (the live grid's page).
 */
export function* rowFacts(
  journal: BatchJournal,
  job: JobRow,
  range: {
    from?: number
    limit?: number
    /** Answers shared by rows kept (a list where every key is unique: off). */ shared?: boolean
  } = {},
): Generator<RowFacts> {
  let left = range.limit ?? Infinity
  const checks = CHECKS.filter((c) => job.spec.checks.includes(c))
  const memo = new Map<string, Outcome>()
  const outcome = (check: Check, key: string | undefined): Outcome => {
    if (key === undefined || key.startsWith('!')) return outcomeOfCall(check, key, null)
    if (range.shared === false) return outcomeOfCall(check, key, journal.call(job.id, check, key))
    const id = `${check}\u0000${key}`
    let o = memo.get(id)
    if (!o) {
      if (memo.size > 50_000) memo.clear()
      o = outcomeOfCall(check, key, journal.call(job.id, check, key))
      memo.set(id, o)
    }
    return o
  }
  for (let from = range.from ?? 1; ;) {
    const page = journal.rows(job.id, from, Math.min(2000, left))
    if (page.length === 0) return
    for (const row of page) {
      if (left-- <= 0) return
      const outcomes: Facts['outcomes'] = {}
      for (const check of checks) Object.assign(outcomes, { [check]: outcome(check, row.keys[check]) })
      yield {
        rowNo: row.rowNo,
        fields: row.fields,
        keys: row.keys,
        facts: { checks, outcomes, inputProblem: row.problem },
      }
    }
    from = (page[page.length - 1]?.rowNo ?? from) + 1
  }
}
