import type { Check } from '../../../src-shared/domain/batch'
import type { Db } from '../../infra/store/db'

/*
 * Issue #17: the watchlists, their lines (with what was known about each at the last pass) and the changes found.
 * SQL only; what a change is and how severe lives in ./diff.ts, how a pass runs in ./pass.ts.
 */

export interface Watchlist {
  id: number
  name: string
  environment: string
  checks: Check[]
  everyMinutes: number
  createdAt: string
  active: boolean
}

export interface KnownEvent {
  name: string
  at: string
}

export interface WatchLine {
  id: number
  listId: number
  msisdn: string
  cpf: string
  label: string
  addedAt: string
  baselineAt: string | null
  checkedAt: string | null
  lastStatus: string | null
  lastScore: number | null
  knownEvents: KnownEvent[]
}

export interface WatchChange {
  id: number
  listId: number
  lineId: number
  passId: number
  kind: 'event' | 'score' | 'unknown'
  eventName: string | null
  eventAt: string | null
  detail: { score?: number; previous?: number | null } | null
  severity: 'aprovar' | 'revisar' | 'recusar'
  baseline: boolean
  detectedAt: string
  readAt: string | null
}

export interface WatchPass {
  id: number
  listId: number
  jobId: number | null
  startedAt: string
  finishedAt: string | null
  lines: number
  changes: number
}

type Row = Record<string, unknown>

const list = (r: Row): Watchlist => ({
  id: r['id'] as number,
  name: r['name'] as string,
  environment: r['environment'] as string,
  checks: JSON.parse(r['checks'] as string) as Check[],
  everyMinutes: r['every_minutes'] as number,
  createdAt: r['created_at'] as string,
  active: r['active'] === 1,
})

const line = (r: Row): WatchLine => ({
  id: r['id'] as number,
  listId: r['list_id'] as number,
  msisdn: r['msisdn'] as string,
  cpf: r['cpf'] as string,
  label: r['label'] as string,
  addedAt: r['added_at'] as string,
  baselineAt: (r['baseline_at'] as string | null) ?? null,
  checkedAt: (r['checked_at'] as string | null) ?? null,
  lastStatus: (r['last_status'] as string | null) ?? null,
  lastScore: (r['last_score'] as number | null) ?? null,
  knownEvents: JSON.parse(r['known_events'] as string) as KnownEvent[],
})

const change = (r: Row): WatchChange => ({
  id: r['id'] as number,
  listId: r['list_id'] as number,
  lineId: r['line_id'] as number,
  passId: r['pass_id'] as number,
  kind: r['kind'] as WatchChange['kind'],
  eventName: (r['event_name'] as string | null) ?? null,
  eventAt: (r['event_at'] as string | null) ?? null,
  detail: r['detail'] ? (JSON.parse(r['detail'] as string) as WatchChange['detail']) : null,
  severity: r['severity'] as WatchChange['severity'],
  baseline: r['baseline'] === 1,
  detectedAt: r['detected_at'] as string,
  readAt: (r['read_at'] as string | null) ?? null,
})

const pass = (r: Row): WatchPass => ({
  id: r['id'] as number,
  listId: r['list_id'] as number,
  jobId: (r['job_id'] as number | null) ?? null,
  startedAt: r['started_at'] as string,
  finishedAt: (r['finished_at'] as string | null) ?? null,
  lines: r['lines'] as number,
  changes: r['changes'] as number,
})

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
    return (this.db.prepare('SELECT COUNT(*) AS n FROM watch_lines WHERE list_id = ?').get(listId) as { n: number }).n
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
   * One transaction: the lines' new state, the changes (a change already recorded is ignored) and the pass closed —
   * a process killed before it commits finds the pass open and does it again; after, nothing is repeated.
   */
  finishPass(
    passId: number,
    updates: { lineId: number; status: string; score: number | null; events: KnownEvent[] | null }[],
    changes: NewChange[],
    at: string,
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
      for (const u of updates)
        update.run(
          at,
          u.status,
          u.score,
          u.events ? JSON.stringify(u.events) : null,
          u.status === 'answered' ? at : null,
          u.lineId,
        )
      const added: WatchChange[] = []
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
      this.db.prepare('UPDATE watch_passes SET finished_at = ?, changes = ? WHERE id = ?').run(at, added.length, passId)
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

  markRead(ids: number[]): number {
    const mark = this.db.prepare('UPDATE watch_changes SET read_at = ? WHERE id = ? AND read_at IS NULL')
    const at = new Date().toISOString()
    return this.db.transaction(() => ids.reduce((n, id) => n + mark.run(at, id).changes, 0))()
  }
}
