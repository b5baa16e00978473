import type { Check } from '../../../src-shared/domain/batch'
import type { Db } from '../../infra/store/db'
import {
  change,
  line,
  list,
  pass,
  type KnownEvent,
  type Row,
  type WatchChange,
  type WatchLine,
  type Watchlist,
  type WatchPass,
} from './rows'

/* Issue #17: watchlists, their lines (what was known at the last pass), the changes found — SQL only (./diff.ts
 * says what a change is, ./pass.ts how a pass runs). */

export type { KnownEvent, WatchChange, WatchLine, Watchlist, WatchPass } from './rows'

/** A line's state after a pass (./diff.ts). */
export interface LineUpdate {
  lineId: number
  status: 'answered' | 'not_found'
  score: number | null
  events: KnownEvent[] | null
}

export interface NewChange {
  lineId: number
  kind: WatchChange['kind']
  eventName?: string | null
  eventAt?: string | null
  detail?: WatchChange['detail']
  severity: WatchChange['severity']
  baseline: boolean
  /** What makes it the same change when a resumed pass finds it again. */
  dedupe: string
}

export class WatchStore {
  constructor(private readonly db: Db) {}

  createList(input: { name: string; environment: string; checks: Check[]; everyMinutes: number }): Watchlist {
    const r = this.db
      .prepare(
        'INSERT INTO watchlists (name, environment, checks, every_minutes, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
      )
      .get(input.name, input.environment, JSON.stringify(input.checks), input.everyMinutes, new Date().toISOString())
    return list(r as Row)
  }

  lists(): Watchlist[] {
    return (this.db.prepare('SELECT * FROM watchlists ORDER BY id').all() as Row[]).map(list)
  }

  list(id: number): Watchlist | null {
    const r = this.db.prepare('SELECT * FROM watchlists WHERE id = ?').get(id) as Row | undefined
    return r ? list(r) : null
  }

  /** The list, its lines, passes and changes: gone. */
  removeList(id: number): boolean {
    return this.db.transaction(() => {
      for (const table of ['watch_changes', 'watch_passes', 'watch_lines'])
        this.db.prepare(`DELETE FROM ${table} WHERE list_id = ?`).run(id)
      return this.db.prepare('DELETE FROM watchlists WHERE id = ?').run(id).changes > 0
    })()
  }

  /** Adds lines; one already on the list (same phone and CPF) is kept as it is. Returns how many were new. */
  addLines(listId: number, lines: { msisdn: string; cpf: string; label: string }[]): number {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO watch_lines (list_id, msisdn, cpf, label, added_at) VALUES (?, ?, ?, ?, ?)',
    )
    const at = new Date().toISOString()
    return this.db.transaction(() =>
      lines.reduce((n, l) => n + insert.run(listId, l.msisdn, l.cpf, l.label, at).changes, 0),
    )()
  }

  removeLine(listId: number, lineId: number): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM watch_changes WHERE list_id = ? AND line_id = ?').run(listId, lineId)
      return this.db.prepare('DELETE FROM watch_lines WHERE list_id = ? AND id = ?').run(listId, lineId).changes > 0
    })()
  }

  lineCount(listId: number): number {
    return this.count('SELECT COUNT(*) AS n FROM watch_lines WHERE list_id = ?', listId)
  }

  private count(sql: string, id: number): number {
    return (this.db.prepare(sql).get(id) as { n: number }).n
  }

  /** The lines of a list, in id order, a page at a time. */
  *lines(listId: number): Generator<WatchLine> {
    const page = this.db.prepare('SELECT * FROM watch_lines WHERE list_id = ? AND id > ? ORDER BY id LIMIT 2000')
    for (let after = 0; ;) {
      const rows = page.all(listId, after) as Row[]
      if (rows.length === 0) return
      for (const r of rows) yield line(r)
      after = rows[rows.length - 1]?.['id'] as number
    }
  }

  delivery(changeId: number): { attempts: number; deliveredAt: string | null; abandonedAt: string | null } | null {
    const sql =
      'SELECT attempts, delivered_at AS deliveredAt, abandoned_at AS abandonedAt FROM watch_deliveries WHERE change_id = ?'
    type Found = { attempts: number; deliveredAt: string | null; abandonedAt: string | null }
    return (this.db.prepare(sql).get(changeId) as Found | undefined) ?? null
  }

  change(id: number): WatchChange | null {
    const r = this.db.prepare('SELECT * FROM watch_changes WHERE id = ?').get(id) as Row | undefined
    return r ? change(r) : null
  }

  line(id: number): WatchLine | null {
    const r = this.db.prepare('SELECT * FROM watch_lines WHERE id = ?').get(id) as Row | undefined
    return r ? line(r) : null
  }

  openPass(listId: number): WatchPass | null {
    const r = this.db
      .prepare('SELECT * FROM watch_passes WHERE list_id = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1')
      .get(listId) as Row | undefined
    return r ? pass(r) : null
  }

  lastPass(listId: number): WatchPass | null {
    const r = this.db
      .prepare('SELECT * FROM watch_passes WHERE list_id = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1')
      .get(listId) as Row | undefined
    return r ? pass(r) : null
  }

  startPass(listId: number, lines: number): WatchPass {
    const r = this.db
      .prepare('INSERT INTO watch_passes (list_id, started_at, lines) VALUES (?, ?, ?) RETURNING *')
      .get(listId, new Date().toISOString(), lines)
    return pass(r as Row)
  }

  setPassJob(passId: number, jobId: number): void {
    this.db.prepare('UPDATE watch_passes SET job_id = ? WHERE id = ?').run(jobId, passId)
  }

  /**
   * One transaction: every line's new state and the changes (one already recorded is ignored), then the pass
   * closed — a process killed before it commits finds the pass open and does it again; after, nothing repeats.
   * `work` streams the lines through `apply`, so a 100k-line pass never holds them all in memory.
   */
  finishPass(
    passId: number,
    at: string,
    work: (apply: (update: LineUpdate | null, changes: readonly NewChange[]) => void) => void,
    /** Runs in the same transaction with the changes recorded (the webhook queue). */
    after: (added: readonly WatchChange[]) => void = () => undefined,
  ): WatchChange[] {
    const update = this.db.prepare(
      `UPDATE watch_lines SET checked_at = ?, last_status = ?, last_score = COALESCE(?, last_score),
         known_events = COALESCE(?, known_events), baseline_at = COALESCE(baseline_at, ?) WHERE id = ?`,
    )
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO watch_changes
         (list_id, line_id, pass_id, kind, event_name, event_at, detail, severity, baseline, detected_at, dedupe)
       SELECT list_id, id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM watch_lines WHERE id = ? RETURNING *`,
    )
    return this.db.transaction(() => {
      const added: WatchChange[] = []
      work((u, changes) => {
        if (u)
          update.run(
            at,
            u.status,
            u.score,
            u.events ? JSON.stringify(u.events) : null,
            u.status === 'answered' ? at : null,
            u.lineId,
          )
        for (const c of changes) {
          const r = insert.get(
            passId,
            c.kind,
            c.eventName ?? null,
            c.eventAt ?? null,
            c.detail ? JSON.stringify(c.detail) : null,
            c.severity,
            c.baseline ? 1 : 0,
            at,
            c.dedupe,
            c.lineId,
          ) as Row | undefined
          if (r) added.push(change(r))
        }
      })
      this.db.prepare('UPDATE watch_passes SET finished_at = ?, changes = ? WHERE id = ?').run(at, added.length, passId)
      after(added)
      return added
    })()
  }

  changes(filter: { since?: string; listId?: number; unreadOnly?: boolean; limit?: number } = {}): WatchChange[] {
    const where: string[] = []
    const args: unknown[] = []
    if (filter.since) {
      where.push('detected_at >= ?')
      args.push(filter.since)
    }
    if (filter.listId !== undefined) {
      where.push('list_id = ?')
      args.push(filter.listId)
    }
    if (filter.unreadOnly) where.push('read_at IS NULL')
    const sql = `SELECT * FROM watch_changes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY (read_at IS NULL) DESC, id DESC LIMIT ?`
    return (this.db.prepare(sql).all(...args, filter.limit ?? 500) as Row[]).map(change)
  }

  /** Every change on the lines of one person (by phone or CPF), newest first (a case's watch timeline). */
  changesForPerson(msisdn: string, cpf: string, limit = 200): WatchChange[] {
    const sql = `SELECT c.* FROM watch_changes c JOIN watch_lines l ON l.id = c.line_id
      WHERE (? != '' AND l.msisdn = ?) OR (? != '' AND l.cpf = ?) ORDER BY c.id DESC LIMIT ?`
    return (this.db.prepare(sql).all(msisdn, msisdn, cpf, cpf, limit) as Row[]).map(change)
  }

  setActive(id: number, active: boolean): void {
    this.db.prepare('UPDATE watchlists SET active = ? WHERE id = ?').run(active ? 1 : 0, id)
  }

  unread(listId: number): number {
    return this.count('SELECT COUNT(*) AS n FROM watch_changes WHERE list_id = ? AND read_at IS NULL', listId)
  }

  markRead(ids: number[]): number {
    const mark = this.db.prepare('UPDATE watch_changes SET read_at = ? WHERE id = ? AND read_at IS NULL')
    const at = new Date().toISOString()
    return this.db.transaction(() => ids.reduce((n, id) => n + mark.run(at, id).changes, 0))()
  }
}
