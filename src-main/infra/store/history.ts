import type { HistoryFilter, HistoryRow } from '../../../src-shared/contract/history'
import type { RawAnswer } from '../../../src-shared/contract/lookup'
import type { Environment } from '../../../src-shared/domain/environment'
import { maskCpf } from '../../../src-shared/domain/cpf'
import { maskMsisdn } from '../../../src-shared/domain/phone'
import type { Redactor } from '../redact'
import type { Db } from './db'
import { z } from 'zod'
import { ReasonSchema, type Reason } from '../../../src-shared/domain/policy/decide'
import type { PolicyRef, Verdict } from '../../../src-shared/domain/policy/schema'
import { subjectsIn, type Subject } from '../../../src-shared/domain/privacy'

export interface HistoryEntry {
  environment: Environment
  kind: HistoryRow['kind']
  /** Normalised identifier (digits); masked here when the masking setting is on. */
  identifier: string
  outcome: HistoryRow['outcome']
  summary: string
  errorCode: string | null
  durationMs: number
  raw: RawAnswer | null
  /** A customer check: its decision, kept with the policy that made it. */
  decision?: { verdict: Verdict; reasons: Reason[]; policy: PolicyRef } | undefined
}

interface DbRow {
  id: number
  at: string
  environment: Environment
  kind: HistoryRow['kind']
  identifier: string
  masked: number
  outcome: HistoryRow['outcome']
  summary: string
  error_code: string | null
  duration_ms: number
  raw: string | null
  verdict: Verdict | null
  reasons: string | null
  policy_version: number | null
  policy_hash: string | null
}

/** The person a row is about, for LGPD requests: an Alerta line or a CPF (a Data Trust result id is nobody). */
function subjectOf(kind: HistoryRow['kind'], identifier: string): Subject | null {
  if (kind === 'alerts') return /^55\d{11}$/.test(identifier) ? { kind: 'phone', value: identifier } : null
  return /^\d{11}$/.test(identifier) ? { kind: 'cpf', value: identifier } : null
}

const MASKERS: Record<HistoryRow['kind'], (id: string) => string> = {
  alerts: maskMsisdn,
  score: maskCpf,
  datatrust: maskCpf,
  customer: maskCpf,
}

function toRow(r: DbRow): HistoryRow {
  return {
    id: r.id,
    at: r.at,
    environment: r.environment,
    kind: r.kind,
    identifier: r.identifier,
    masked: r.masked === 1,
    outcome: r.outcome,
    summary: r.summary,
    errorCode: r.error_code,
    durationMs: r.duration_ms,
    verdict: r.verdict,
    reasons: r.reasons ? z.array(ReasonSchema).parse(JSON.parse(r.reasons)) : null,
    policy: r.policy_hash && r.policy_version !== null ? { version: r.policy_version, hash: r.policy_hash } : null,
  }
}

/** Every lookup, kept locally: masked identifiers when the setting says so, secrets never, old rows purged. */
export class HistoryStore {
  constructor(
    private readonly db: Db,
    private readonly redactor: Redactor,
    private readonly policy: { mask: () => boolean; retentionDays: () => number; hash: (subject: Subject) => string },
  ) {}

  add(entry: HistoryEntry, now = new Date()): HistoryRow {
    const mask = this.policy.mask()
    const shown = mask ? MASKERS[entry.kind](entry.identifier) : entry.identifier
    let raw = entry.raw ? JSON.stringify(this.redactor.value(entry.raw)) : null
    // With masking on, the identifier must not survive inside the raw answer either.
    if (raw && mask) raw = raw.split(entry.identifier).join(shown)
    const d = entry.decision
    // Reason parameters never hold identifiers (scores, event names, cause codes), so they are kept as they are.
    const reasons = d ? JSON.stringify(d.reasons) : null
    // A keyed hash, never the identifier: a masked row stays findable for the person's LGPD request (issue #14) —
    // and for each other person its answer names (a Data Trust answer's AreaCode + Phone and Email, issue #23).
    const subject = subjectOf(entry.kind, entry.identifier)
    const subjects = [...new Set([...(subject ? [subject] : []), ...subjectsIn(entry.raw)].map(this.policy.hash))]
    const info = this.db
      .prepare(
        `INSERT INTO history (at, environment, kind, identifier, masked, outcome, summary, error_code, duration_ms, raw, verdict, reasons, policy_version, policy_hash, subject, subjects)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        now.toISOString(),
        entry.environment,
        entry.kind,
        shown,
        mask ? 1 : 0,
        entry.outcome,
        entry.summary,
        entry.errorCode,
        entry.durationMs,
        raw,
        d?.verdict ?? null,
        reasons,
        d?.policy.version ?? null,
        d?.policy.hash ?? null,
        subject ? this.policy.hash(subject) : null,
        subjects.join(' ') || null,
      )
    return {
      id: Number(info.lastInsertRowid),
      at: now.toISOString(),
      environment: entry.environment,
      kind: entry.kind,
      identifier: shown,
      masked: mask,
      outcome: entry.outcome,
      summary: entry.summary,
      errorCode: entry.errorCode,
      durationMs: entry.durationMs,
      verdict: d?.verdict ?? null,
      reasons: d?.reasons ?? null,
      policy: d?.policy ?? null,
    }
  }

  list(filter: HistoryFilter): { rows: HistoryRow[]; total: number } {
    const where: string[] = []
    const args: (string | number)[] = []
    const when = (value: string | undefined, sql: string, arg: (v: string) => string = (v) => v): void => {
      if (value === undefined || value === '') return
      where.push(sql)
      args.push(arg(value))
    }
    when(filter.kind, 'kind = ?')
    when(filter.outcome, 'outcome = ?')
    when(filter.environment, 'environment = ?')
    when(filter.search, "identifier LIKE ? ESCAPE '\\'", (v) => `%${v.replace(/[\\%_]/g, '\\$&')}%`)
    when(filter.from, 'at >= ?')
    when(filter.to, 'at <= ?')
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM history ${clause}`).get(...args) as { n: number }).n
    const rows = this.db
      .prepare(`SELECT * FROM history ${clause} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...args, filter.limit, filter.offset) as DbRow[]
    return { rows: rows.map(toRow), total }
  }

  get(id: number): (HistoryRow & { raw: RawAnswer | null }) | null {
    const row = this.db.prepare('SELECT * FROM history WHERE id = ?').get(id) as DbRow | undefined
    return row ? { ...toRow(row), raw: row.raw ? (JSON.parse(row.raw) as RawAnswer) : null } : null
  }

  /** The keyed hash of the person a row is about (a masked row is found through it, issue #14/#22). */
  subjectOf(id: number): string | null {
    const r = this.db.prepare('SELECT subject FROM history WHERE id = ?').get(id) as
      { subject: string | null } | undefined
    return r?.subject ?? null
  }

  /** LGPD retention: deletes rows older than the retention setting. Returns how many went. */
  purge(now = new Date()): number {
    const cutoff = new Date(now.getTime() - this.policy.retentionDays() * 86_400_000).toISOString()
    return this.db.prepare('DELETE FROM history WHERE at < ?').run(cutoff).changes
  }

  clear(): number {
    return this.db.prepare('DELETE FROM history').run().changes
  }
}
