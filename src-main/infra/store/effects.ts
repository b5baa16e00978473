import type { Db } from './db'
import { subjectsIn, type Subject } from '../../../src-shared/domain/privacy'

/*
 * Single calls that cost money or change the world (domain/operations), journaled as "sending" before the request
 * leaves and settled when it is known how it ended. A fingerprint (a hash of operation + payload, never a secret)
 * lets the next send of the same thing see that an earlier one may have gone through.
 */

export type EffectState = 'sending' | 'done' | 'failed' | 'unknown' | 'resent'

export interface EffectRow {
  id: number
  startedAt: string
  operation: string
  target: string
  state: EffectState
}

/** Longer than any request may take: a "sending" row this old belongs to a process that died mid-call. */
const ORPHAN_AFTER_MS = 10 * 60_000

export class EffectJournal {
  constructor(
    private readonly db: Db,
    /** Keyed hash of a person: the people a send is about stay findable for LGPD requests (issue #14). */
    private readonly hash: (subject: Subject) => string,
  ) {}

  begin(
    entry: { environment: string; operation: string; fingerprint: string; target: string; payload?: unknown },
    now = new Date(),
  ): number {
    const subjects = [...new Set(subjectsIn(entry.payload).map(this.hash))].join(' ') || null
    const info = this.db
      .prepare(
        "INSERT INTO effects (started_at, environment, operation, fingerprint, target, state, subjects) VALUES (?, ?, ?, ?, ?, 'sending', ?)",
      )
      .run(now.toISOString(), entry.environment, entry.operation, entry.fingerprint, entry.target, subjects)
    return Number(info.lastInsertRowid)
  }

  settle(
    id: number,
    state: Exclude<EffectState, 'sending'>,
    detail: string | null = null,
    now = new Date(),
    /** What the effect made (a Data Trust transaction id): a later identical send may reuse it (issue #22). */
    resultRef: string | null = null,
  ): void {
    this.db
      .prepare('UPDATE effects SET state = ?, settled_at = ?, detail = ?, result_ref = ? WHERE id = ?')
      .run(state, now.toISOString(), detail, resultRef, id)
  }

  /** The newest send of the same thing that went through within `withinMs`, with what it made. */
  lastDone(fingerprint: string, withinMs: number, now = new Date()): { startedAt: string; resultRef: string } | null {
    const since = new Date(now.getTime() - withinMs).toISOString()
    const r = this.db
      .prepare(
        `SELECT started_at, result_ref FROM effects WHERE fingerprint = ? AND started_at >= ? AND state = 'done'
           AND result_ref IS NOT NULL ORDER BY id DESC LIMIT 1`,
      )
      .get(fingerprint, since) as { started_at: string; result_ref: string } | undefined
    return r ? { startedAt: r.started_at, resultRef: r.result_ref } : null
  }

  /** An earlier send of the same thing whose outcome is not known (or still in flight) within `withinMs`. */
  unsettled(fingerprint: string, withinMs: number, now = new Date()): EffectRow | null {
    const since = new Date(now.getTime() - withinMs).toISOString()
    const r = this.db
      .prepare(
        "SELECT id, started_at, operation, target, state FROM effects WHERE fingerprint = ? AND started_at >= ? AND state IN ('sending', 'unknown') ORDER BY id DESC LIMIT 1",
      )
      .get(fingerprint, since) as
      { id: number; started_at: string; operation: string; target: string; state: EffectState } | undefined
    return r ? { id: r.id, startedAt: r.started_at, operation: r.operation, target: r.target, state: r.state } : null
  }

  /** The analyst chose to send again: the earlier uncertain send is closed as such. */
  supersede(fingerprint: string): void {
    this.db
      .prepare("UPDATE effects SET state = 'resent' WHERE fingerprint = ? AND state IN ('sending', 'unknown')")
      .run(fingerprint)
  }

  /** Sends a killed process left in flight become "unknown"; returns them (for a notice). */
  orphans(now = new Date()): EffectRow[] {
    const before = new Date(now.getTime() - ORPHAN_AFTER_MS).toISOString()
    const rows = this.db
      .prepare(
        "SELECT id, started_at, operation, target, state FROM effects WHERE state = 'sending' AND started_at < ?",
      )
      .all(before) as { id: number; started_at: string; operation: string; target: string; state: EffectState }[]
    this.db
      .prepare(
        "UPDATE effects SET state = 'unknown', detail = 'process_ended' WHERE state = 'sending' AND started_at < ?",
      )
      .run(before)
    return rows.map((r) => ({
      id: r.id,
      startedAt: r.started_at,
      operation: r.operation,
      target: r.target,
      state: 'unknown',
    }))
  }
}
