import { z } from 'zod'
import {
  policyHash,
  policyLabel,
  policyRef,
  PolicySchema,
  ROW_VERDICTS,
  type Policy,
  type PolicyRef,
  type RowVerdict,
} from '../../../src-shared/domain/policy'
import type { Db } from '../../infra/store/db'
import { AppFailure } from '../../infra/errors'
import type { PolicyLog } from '../policy/log'
import type { BatchJournal, JobRow } from './journal'
import { rebuild, storedRows, verdictCounts, type StoredRow } from './results'

/*
 * A batch's decisions are a record (issue #22 item 1). When a job finishes, its verdicts, reasons and the policy that
 * made them are recorded as decision set 1; saving another policy later never touches them. Only an explicit
 * adoption ("Adotar esta política para este lote", `screen --rescore JOB --adopt`) re-decides a finished job: the
 * previous set's verdicts are kept (batch_results_prior), the new set names who, when and why, and the adoption goes
 * to the policy log. Rows waiting for an analyst are handed to the review queue (Casos) each time a set is recorded.
 */

export type DecisionKind = 'finished' | 'adopted'

export interface DecisionSet {
  setNo: number
  kind: DecisionKind
  decidedAt: string
  who: string
  reason: string | null
  policy: PolicyRef
  policyName: string
  counts: Record<RowVerdict, number>
}

/** Where rows that need an analyst go (the cases module). */
export interface ReviewQueue {
  /** Rows of a decided job; those already queued from this job are skipped. */
  fromBatch(job: JobRow, rows: Iterable<StoredRow>, at: Date): number
}

const SetRowSchema = z.object({
  set_no: z.number(),
  kind: z.enum(['finished', 'adopted']),
  decided_at: z.string(),
  who: z.string(),
  reason: z.string().nullable(),
  policy: z.string(),
  counts: z.string(),
})

const CountsSchema = z.partialRecord(z.enum(ROW_VERDICTS), z.number())

function decisionSet(raw: unknown): DecisionSet {
  const r = SetRowSchema.parse(raw)
  const policy = PolicySchema.parse(JSON.parse(r.policy))
  const counts = CountsSchema.parse(JSON.parse(r.counts))
  return {
    setNo: r.set_no,
    kind: r.kind,
    decidedAt: r.decided_at,
    who: r.who,
    reason: r.reason,
    policy: policyRef(policy),
    policyName: policy.name,
    counts: Object.fromEntries(ROW_VERDICTS.map((v) => [v, counts[v] ?? 0])) as Record<RowVerdict, number>,
  }
}

export const isFinished = (job: JobRow): boolean => job.status === 'done' || job.status === 'cancelled'

export class BatchDecisions {
  constructor(
    private readonly deps: { db: Db; journal: BatchJournal; policyLog: PolicyLog; reviews?: ReviewQueue | undefined },
  ) {}

  /** The job's decision sets, oldest first. */
  sets(jobId: number): DecisionSet[] {
    return this.deps.db
      .prepare('SELECT * FROM batch_decisions WHERE job_id = ? ORDER BY set_no')
      .all(jobId)
      .map(decisionSet)
  }

  current(job: JobRow): DecisionSet | null {
    if (job.decisionSet === null) return null
    const r = this.deps.db
      .prepare('SELECT * FROM batch_decisions WHERE job_id = ? AND set_no = ?')
      .get(job.id, job.decisionSet)
    return r ? decisionSet(r) : null
  }

  /**
   * The job finished (or stopped): its verdicts are recorded under `policy` — unless a set exists already (a job
   * resumed after it was decided, an erasure): then its rows are decided again by that set's own policy, which
   * changes no decided row and decides the ones that were pending.
   */
  conclude(job: JobRow, policy: Policy, who: string, at = new Date()): JobRow {
    const { db, journal } = this.deps
    // IMMEDIATE: read the job and write its set under one write lock (the app and a CLI may both reach it).
    return db
      .transaction(() => {
        const fresh = journal.job(job.id) ?? job
        if (fresh.decisionSet !== null && fresh.policy) {
          const kept = rebuild(db, journal, fresh, fresh.policy)
          this.setCounts(kept)
          this.queue(kept, at)
          return kept
        }
        const decided = { ...rebuild(db, journal, fresh, policy), decisionSet: 1 }
        this.insertSet(decided, { setNo: 1, kind: 'finished', who, reason: null, policy, at })
        this.queue(decided, at)
        return decided
      })
      .immediate()
  }

  /** A finished job re-decided by `policy`, explicitly: a new set, the previous verdicts kept, the act logged. */
  adopt(
    job: JobRow,
    policy: Policy,
    act: { who: string; reason: string; inForce: Policy },
    at = new Date(),
  ): { job: JobRow; set: DecisionSet; changed: number } {
    const { db, journal, policyLog } = this.deps
    if (!isFinished(job)) throw new AppFailure('batch.not_finished', { id: job.id, status: job.status })
    const reason = act.reason.trim()
    if (reason.length < 3) throw new AppFailure('batch.adopt_reason')
    // A policy that was never recorded gets the next version of the log: "v5" names one set of rules everywhere.
    const versioned = { ...policy, version: policyLog.versionFor(policy, act.inForce) }
    return db
      .transaction(() => {
        const before = journal.job(job.id) ?? job
        const previousPolicy = before.policy ?? act.inForce
        // The policy that decided the job already: nothing to adopt, nothing to log.
        if (before.decisionSet !== null && policyHash(previousPolicy) === policyHash(policy))
          throw new AppFailure('batch.adopt_same', { id: job.id, label: policyLabel(policyRef(previousPolicy)) })
        const decidedBefore = before.decisionSet !== null ? before : this.conclude(before, previousPolicy, act.who, at)
        const setNo = decidedBefore.decisionSet ?? 1
        db.prepare(
          `INSERT INTO batch_results_prior (job_id, set_no, row_no, verdict, reasons)
         SELECT job_id, ?, row_no, verdict, reasons FROM batch_results WHERE job_id = ?`,
        ).run(setNo, job.id)
        const after = { ...rebuild(db, journal, decidedBefore, versioned), decisionSet: setNo + 1 }
        this.insertSet(after, { setNo: setNo + 1, kind: 'adopted', who: act.who, reason, policy: versioned, at })
        policyLog.record({
          who: act.who,
          reason,
          kind: 'job',
          jobId: job.id,
          policy: versioned,
          previous: previousPolicy,
          at,
        })
        const changed = z.object({ n: z.number() }).parse(
          db
            .prepare(
              `SELECT COUNT(*) AS n FROM batch_results r JOIN batch_results_prior p
               ON p.job_id = r.job_id AND p.row_no = r.row_no AND p.set_no = ?
             WHERE r.job_id = ? AND p.verdict != r.verdict`,
            )
            .get(setNo, job.id),
        ).n
        this.queue(after, at)
        const set = this.current(after)
        if (!set) throw new AppFailure('internal')
        return { job: after, set, changed }
      })
      .immediate()
  }

  private insertSet(
    job: JobRow,
    s: { setNo: number; kind: DecisionKind; who: string; reason: string | null; policy: Policy; at: Date },
  ): void {
    const { db } = this.deps
    db.prepare(
      `INSERT INTO batch_decisions (job_id, set_no, decided_at, kind, who, reason, policy, counts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      job.id,
      s.setNo,
      s.at.toISOString(),
      s.kind,
      s.who,
      s.reason,
      JSON.stringify(s.policy),
      JSON.stringify(verdictCounts(db, job)),
    )
    db.prepare('UPDATE batch_jobs SET decision_set = ? WHERE id = ?').run(s.setNo, job.id)
  }

  private setCounts(job: JobRow): void {
    this.deps.db
      .prepare('UPDATE batch_decisions SET counts = ? WHERE job_id = ? AND set_no = ?')
      .run(JSON.stringify(verdictCounts(this.deps.db, job)), job.id, job.decisionSet)
  }

  private queue(job: JobRow, at: Date): void {
    this.deps.reviews?.fromBatch(job, storedRows(this.deps.db, job, { forReview: true }), at)
  }
}
