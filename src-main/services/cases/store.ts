import { z } from 'zod'
import { ANALYST_VERDICTS, type CASE_ORIGINS, CASE_STATUSES } from '../../../src-shared/domain/cases'
import type { Db } from '../../infra/store/db'
import type { Statement } from 'better-sqlite3'
import { CaseRowSchema, EventRowSchema, type CaseEventKind, type CaseRow, type EventRow } from './rows'

/*
 * The cases module's tables (issue #22 item 6), and nothing else touches them: `cases` (one row per case, its
 * current state kept beside the log for the queue's filters), `case_events` (append-only: evidence, decisions, notes,
 * reopenings) and `case_links` (a batch row → its case, for exports). Every row and JSON column is read back through
 * a schema; no cast.
 */

/** What the latest machine evidence says (the case's face in the queue), and who it is about. */
export interface CaseFace {
  at: string
  cpf: string
  phone: string
  email: string
  cep: string
  label: string
  subjects: string
  verdict: string
  reasons: string
  rules: string
  policyVersion: number
  policyHash: string
}

export interface NewCase extends CaseFace {
  environment: string
  origin: (typeof CASE_ORIGINS)[number]
}

export interface NewEvent {
  caseId: number
  at: string
  kind: CaseEventKind
  who?: string | null
  source?: string | null
  ref?: string | null
  verdict?: string | null
  reason?: string | null
  note?: string | null
  policyVersion?: number | null
  policyHash?: string | null
  data?: string | null
}

/**
 * The same person: the same CPF; or the same phone when one side has no CPF (a watched line, a list without CPFs).
 * Two different CPFs on one phone are two people — a family line, or a ring worth seeing as two cases. Each side is
 * its own indexed query (the partial indexes need `!= ''` said): an OR of the two would scan every case.
 */
const BY_CPF = `environment = @env AND cpf = @cpf AND cpf != ''`
/** A person with a CPF joins a phone's case only when that case has no CPF (index: environment, phone, cpf). */
const BY_PHONE_NO_CPF = `environment = @env AND phone = @phone AND phone != '' AND cpf = ''`
/** A person known only by a phone joins any case of that phone. */
const BY_PHONE = `environment = @env AND phone = @phone AND phone != ''`

export class CaseStore {
  private readonly statements: ReturnType<CaseStore['prepare']>

  constructor(private readonly db: Db) {
    this.statements = this.prepare()
  }

  private prepare() {
    const db = this.db
    return {
      openByCpf: db.prepare(`SELECT * FROM cases WHERE ${BY_CPF} AND status = 'open' ORDER BY id LIMIT 1`),
      openByPhoneNoCpf: db.prepare(`SELECT * FROM cases WHERE ${BY_PHONE_NO_CPF} AND status = 'open' LIMIT 1`),
      openByPhone: db.prepare(`SELECT * FROM cases WHERE ${BY_PHONE} AND status = 'open' ORDER BY id LIMIT 1`),
      latestByCpf: db.prepare(`SELECT * FROM cases WHERE ${BY_CPF} ORDER BY id DESC LIMIT 1`),
      latestByPhoneNoCpf: db.prepare(`SELECT * FROM cases WHERE ${BY_PHONE_NO_CPF} ORDER BY id DESC LIMIT 1`),
      latestByPhone: db.prepare(`SELECT * FROM cases WHERE ${BY_PHONE} ORDER BY id DESC LIMIT 1`),
      insertCase: db.prepare(
        `INSERT INTO cases (environment, opened_at, updated_at, status, origin, cpf, phone, email, cep, label, subjects,
           machine_verdict, reasons, rules, policy_version, policy_hash, evidence)
         VALUES (@environment, @at, @at, 'open', @origin, @cpf, @phone, @email, @cep, @label, @subjects,
           @verdict, @reasons, @rules, @policyVersion, @policyHash, 1) RETURNING id`,
      ),
      insertEvent: db.prepare(
        `INSERT INTO case_events (case_id, at, kind, who, source, ref, verdict, reason, note, policy_version,
           policy_hash, data)
         VALUES (@caseId, @at, @kind, @who, @source, @ref, @verdict, @reason, @note, @policyVersion, @policyHash, @data)
         RETURNING id`,
      ),
      machine: db.prepare(
        `UPDATE cases SET updated_at = @at, machine_verdict = @verdict, reasons = @reasons, rules = @rules,
           policy_version = @policyVersion, policy_hash = @policyHash, evidence = evidence + 1,
           cpf = CASE WHEN cpf = '' THEN @cpf ELSE cpf END, phone = CASE WHEN phone = '' THEN @phone ELSE phone END,
           email = CASE WHEN email = '' THEN @email ELSE email END, cep = CASE WHEN cep = '' THEN @cep ELSE cep END,
           label = CASE WHEN label = '' THEN @label ELSE label END, subjects = @subjects
         WHERE id = @id`,
      ),
      decided: db.prepare(
        `UPDATE cases SET status = 'decided', updated_at = @at, decision = @verdict, decision_reason = @reason,
           decided_by = @who, decided_at = @at WHERE id = @id`,
      ),
      reopened: db.prepare(
        `UPDATE cases SET status = 'open', updated_at = @at, decision = NULL, decision_reason = NULL,
           decided_by = NULL, decided_at = NULL WHERE id = @id`,
      ),
      touched: db.prepare('UPDATE cases SET updated_at = @at WHERE id = @id'),
      link: db.prepare('INSERT OR IGNORE INTO case_links (job_id, row_no, case_id) VALUES (?, ?, ?)'),
      linked: db.prepare('SELECT 1 AS x FROM case_links WHERE job_id = ? AND row_no = ?'),
      get: db.prepare('SELECT * FROM cases WHERE id = ?'),
      events: db.prepare('SELECT * FROM case_events WHERE case_id = ? ORDER BY id'),
      forRows: db.prepare(
        `SELECT l.row_no AS row_no, c.id AS id, c.status AS status, c.decision AS decision, c.decided_by AS decided_by,
           c.decided_at AS decided_at
         FROM case_links l JOIN cases c ON c.id = l.case_id
         WHERE l.job_id = ? AND l.row_no >= ? AND l.row_no < ?`,
      ),
      caseOfRow: db.prepare('SELECT case_id FROM case_links WHERE job_id = ? AND row_no = ?'),
    }
  }

  /** The person's open case in this environment (by CPF, else by phone), if any. */
  openFor(env: string, person: { cpf: string; phone: string }): CaseRow | null {
    const st = this.statements
    return this.first(st.openByCpf, person.cpf ? st.openByPhoneNoCpf : st.openByPhone, env, person)
  }

  /** The person's most recent case, open or decided. */
  latestFor(env: string, person: { cpf: string; phone: string }): CaseRow | null {
    const st = this.statements
    return this.first(st.latestByCpf, person.cpf ? st.latestByPhoneNoCpf : st.latestByPhone, env, person)
  }

  private first(
    byCpf: Statement,
    byPhone: Statement,
    env: string,
    person: { cpf: string; phone: string },
  ): CaseRow | null {
    const params = { env, cpf: person.cpf, phone: person.phone }
    const r = (person.cpf ? byCpf.get(params) : undefined) ?? (person.phone ? byPhone.get(params) : undefined)
    return r ? CaseRowSchema.parse(r) : null
  }

  create(input: NewCase): number {
    return CaseIdSchema.parse(this.statements.insertCase.get(input)).id
  }

  append(event: NewEvent): number {
    return CaseIdSchema.parse(
      this.statements.insertEvent.get({
        who: null,
        source: null,
        ref: null,
        verdict: null,
        reason: null,
        note: null,
        policyVersion: null,
        policyHash: null,
        data: null,
        ...event,
      }),
    ).id
  }

  /** The latest machine evidence becomes the case's face in the queue; identifiers it lacked are filled. */
  machine(update: CaseFace & { id: number }): void {
    this.statements.machine.run(update)
  }

  decided(id: number, at: string, verdict: string, reason: string, who: string): void {
    this.statements.decided.run({ id, at, verdict, reason, who })
  }

  reopened(id: number, at: string): void {
    this.statements.reopened.run({ id, at })
  }

  touched(id: number, at: string): void {
    this.statements.touched.run({ id, at })
  }

  link(jobId: number, rowNo: number, caseId: number): void {
    this.statements.link.run(jobId, rowNo, caseId)
  }

  linked(jobId: number, rowNo: number): boolean {
    return this.statements.linked.get(jobId, rowNo) !== undefined
  }

  caseOfRow(jobId: number, rowNo: number): number | null {
    const r = this.statements.caseOfRow.get(jobId, rowNo)
    return r ? z.object({ case_id: z.number() }).parse(r).case_id : null
  }

  get(id: number): CaseRow | null {
    const r = this.statements.get.get(id)
    return r ? CaseRowSchema.parse(r) : null
  }

  events(id: number): EventRow[] {
    return this.statements.events.all(id).map((r) => EventRowSchema.parse(r))
  }

  /** The cases of batch rows `from` ≤ row < `to` (an export reads a page at a time). */
  forRows(jobId: number, from: number, to: number) {
    return z
      .array(
        z.object({
          row_no: z.number(),
          id: z.number(),
          status: z.enum(CASE_STATUSES),
          decision: z.enum(ANALYST_VERDICTS).nullable(),
          decided_by: z.string().nullable(),
          decided_at: z.string().nullable(),
        }),
      )
      .parse(this.statements.forRows.all(jobId, from, to))
  }

  /** LGPD: a case goes whole — its log and its batch links with it. */
  remove(ids: readonly number[]): void {
    const tx = this.db.transaction(() => {
      for (const id of ids) {
        this.db.prepare('DELETE FROM case_events WHERE case_id = ?').run(id)
        this.db.prepare('DELETE FROM case_links WHERE case_id = ?').run(id)
        this.db.prepare('DELETE FROM cases WHERE id = ?').run(id)
      }
    })
    tx()
  }

  /** Retention: decided cases whose last act is older than the cutoff (open ones wait for an analyst). */
  decidedBefore(cutoffIso: string): number[] {
    const rows = this.db.prepare("SELECT id FROM cases WHERE status = 'decided' AND updated_at < ?").all(cutoffIso)
    return z
      .array(CaseIdSchema)
      .parse(rows)
      .map((r) => r.id)
  }

  /**
   * Every act reads then writes (is the case still open? is this person's case there?): the write lock is taken
   * first (IMMEDIATE), so two processes deciding one case wait for each other instead of one failing on a stale read.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate()
  }
}

const CaseIdSchema = z.object({ id: z.number() })
