import { z } from 'zod'
import type { Db } from '../../infra/store/db'
import { CaseRowSchema, type CaseRow } from './rows'

/* The review queue's reads (issue #22): the filtered, ordered list and what its filters offer. */

export interface CaseFilter {
  environment: string
  status: 'open' | 'decided' | 'all'
  origin?: string | undefined
  /** A rule that fired (`claro_score_low`, `not_found`, …). */
  rule?: string | undefined
  /** Cases opened before this instant (older than N days). */
  openedBefore?: string | undefined
  policyHash?: string | undefined
  sort: 'oldest' | 'newest'
  offset: number
  limit: number
}

const CountSchema = z.object({ n: z.number() })

export class CaseQueries {
  constructor(private readonly db: Db) {}

  list(filter: CaseFilter): { total: number; rows: CaseRow[] } {
    const where = ['environment = @environment']
    if (filter.status !== 'all') where.push('status = @status')
    if (filter.origin) where.push('origin = @origin')
    if (filter.rule) where.push("rules LIKE '% ' || @rule || ' %'")
    if (filter.openedBefore) where.push('opened_at < @openedBefore')
    if (filter.policyHash) where.push('policy_hash = @policyHash')
    const clause = where.join(' AND ')
    const params = {
      environment: filter.environment,
      status: filter.status,
      origin: filter.origin ?? null,
      rule: filter.rule ?? null,
      openedBefore: filter.openedBefore ?? null,
      policyHash: filter.policyHash ?? null,
    }
    const total = CountSchema.parse(this.db.prepare(`SELECT COUNT(*) AS n FROM cases WHERE ${clause}`).get(params)).n
    const order = filter.sort === 'oldest' ? 'opened_at, id' : 'opened_at DESC, id DESC'
    const rows = this.db
      .prepare(`SELECT * FROM cases WHERE ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: filter.limit, offset: filter.offset })
      .map((r) => CaseRowSchema.parse(r))
    return { total, rows }
  }

  /** The newest case of a person known only by a keyed hash (a masked history row). */
  bySubject(env: string, hash: string): CaseRow | null {
    const r = this.db
      .prepare(
        `SELECT * FROM cases WHERE environment = ? AND (' ' || subjects || ' ') LIKE '% ' || ? || ' %'
         ORDER BY id DESC LIMIT 1`,
      )
      .get(env, hash)
    return r ? CaseRowSchema.parse(r) : null
  }

  /** The rules that fired in open cases, for the queue's filter (distinct, counted). */
  openRules(env: string): { rule: string; count: number }[] {
    const counts = new Map<string, number>()
    const rows = this.db
      .prepare("SELECT rules, COUNT(*) AS n FROM cases WHERE environment = ? AND status = 'open' GROUP BY rules")
      .all(env)
    for (const r of z.array(z.object({ rules: z.string(), n: z.number() })).parse(rows))
      for (const rule of r.rules.split(' ').filter(Boolean)) counts.set(rule, (counts.get(rule) ?? 0) + r.n)
    return [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count)
  }

  /** The policies that decided open cases' latest evidence, counted (the queue's policy filter). */
  openPolicies(env: string): { version: number; hash: string; count: number }[] {
    const rows = this.db
      .prepare(
        `SELECT policy_version AS version, policy_hash AS hash, COUNT(*) AS count FROM cases
         WHERE environment = ? AND status = 'open' GROUP BY policy_hash ORDER BY policy_version DESC`,
      )
      .all(env)
    return z.array(z.object({ version: z.number(), hash: z.string(), count: z.number() })).parse(rows)
  }
}
