import { z } from 'zod'
import {
  policyChanges,
  policyHash,
  policyRef,
  PolicyRefSchema,
  PolicySchema,
  type Policy,
  type PolicyChange,
  type PolicyRef,
} from '../../../src-shared/domain/policy'
import type { Db } from '../../infra/store/db'

/*
 * The policy log (issue #22 item 2): every change of the policy in force (Configurações, `policy set`) and every
 * adoption of a policy for one finished batch, with when, who, a required reason and what changed. Append-only. It
 * also hands out versions: a policy gets the version it was first recorded with, a new one the next number after
 * every version ever recorded — so "v4" names one set of rules on every surface.
 */

export type PolicyLogKind = 'in_force' | 'job'

const ChangeSchema = z.object({
  field: z.string(),
  before: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  after: z.union([z.string(), z.number(), z.boolean(), z.null()]),
})

const RowSchema = z.object({
  id: z.number(),
  at: z.string(),
  who: z.string(),
  reason: z.string(),
  kind: z.enum(['in_force', 'job']),
  job_id: z.number().nullable(),
  version: z.number(),
  hash: z.string(),
  policy: z.string(),
  previous: z.string().nullable(),
  changes: z.string(),
})

export interface PolicyLogEntry {
  id: number
  at: string
  who: string
  reason: string
  kind: PolicyLogKind
  jobId: number | null
  policy: Policy
  ref: PolicyRef
  previous: PolicyRef | null
  changes: PolicyChange[]
}

function entry(raw: unknown): PolicyLogEntry {
  const r = RowSchema.parse(raw)
  return {
    id: r.id,
    at: r.at,
    who: r.who,
    reason: r.reason,
    kind: r.kind,
    jobId: r.job_id,
    policy: PolicySchema.parse(JSON.parse(r.policy)),
    ref: { version: r.version, hash: r.hash },
    previous: r.previous === null ? null : PolicyRefSchema.parse(JSON.parse(r.previous)),
    changes: z.array(ChangeSchema).parse(JSON.parse(r.changes)),
  }
}

export class PolicyLog {
  constructor(private readonly db: Db) {}

  /** The version `policy` is known by: its first recorded one (same rules), else one past every version seen. */
  versionFor(policy: Policy, inForce: Policy): number {
    const hash = policyHash(policy)
    if (policyHash(inForce) === hash) return inForce.version
    const known = this.db.prepare('SELECT version FROM policy_log WHERE hash = ? ORDER BY id LIMIT 1').get(hash)
    if (known) return z.object({ version: z.number() }).parse(known).version
    const max = z
      .object({ v: z.number().nullable() })
      .parse(this.db.prepare('SELECT MAX(version) AS v FROM policy_log').get()).v
    return Math.max(max ?? 0, inForce.version, policy.version) + 1
  }

  record(input: {
    who: string
    reason: string
    kind: PolicyLogKind
    jobId?: number | null
    policy: Policy
    previous: Policy | null
    at?: Date
  }): PolicyLogEntry {
    const ref = policyRef(input.policy)
    const row = this.db
      .prepare(
        `INSERT INTO policy_log (at, who, reason, kind, job_id, version, hash, policy, previous, changes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        (input.at ?? new Date()).toISOString(),
        input.who,
        input.reason,
        input.kind,
        input.jobId ?? null,
        ref.version,
        ref.hash,
        JSON.stringify(input.policy),
        input.previous ? JSON.stringify(policyRef(input.previous)) : null,
        JSON.stringify(policyChanges(input.previous, input.policy)),
      )
    return entry(row)
  }

  /** An act that did not take effect (the settings file could not be written) leaves no line. */
  retract(id: number): void {
    this.db.prepare('DELETE FROM policy_log WHERE id = ?').run(id)
  }

  /** Newest first. */
  list(limit = 200): PolicyLogEntry[] {
    return this.db.prepare('SELECT * FROM policy_log ORDER BY id DESC LIMIT ?').all(limit).map(entry)
  }
}
