import { CaseDecisionInputSchema, type CaseDecisionInput, type CaseOrigin } from '../../../src-shared/domain/cases'
import {
  policyRef,
  type Facts,
  type Policy,
  type PolicyRef,
  type Reason,
  type RowVerdict,
} from '../../../src-shared/domain/policy'
import type { Subject } from '../../../src-shared/domain/privacy'
import { AppFailure } from '../../infra/errors'
import { CaseStore } from './store'
import { CaseQueries, type CaseFilter } from './queries'
import {
  EvidenceDataSchema,
  EvidenceRefSchema,
  type CaseRow,
  type EventRow,
  type EvidenceData,
  type EvidenceRef,
} from './rows'
import { rulesOf, type CasePerson } from './person'
import type { Db } from '../../infra/store/db'

/*
 * Casos (issue #22 item 6): the review queue. Every check that ends "revisar" or "resultado incerto" — in Cliente, in
 * a finished Lote, in a watch change — opens a case for its person, or joins the one already open (one open case per
 * person: the same CPF or the same phone, in the same environment). Later checks of the person attach to the open
 * case as evidence; a watch change on a person whose case was decided reopens it. The analyst decides aprovar or
 * recusar with a reason from a short list; decisions are appended, never overwritten.
 */

export interface Evidence {
  source: CaseOrigin
  ref: EvidenceRef
  verdict: RowVerdict
  reasons: Reason[]
  policy: PolicyRef
  facts: Facts | null
  change?: EvidenceData['change']
}

export interface CasesDeps {
  db: Db
  environment: () => string
  /** The keyed hash of a person (LGPD: a masked history row finds its case through it). */
  hash: (subject: Subject) => string
  /** Who acts: the analyst's name, else the OS user. */
  who: () => string
  /** The policy in force when the analyst decides (recorded with the decision). */
  policy: () => Policy
  /** Told when a case opens, gains evidence or is decided (the Casos screen follows it live). */
  changed?: (caseId: number) => void
}

export class Cases {
  readonly store: CaseStore
  readonly queries: CaseQueries

  constructor(private readonly deps: CasesDeps) {
    this.store = new CaseStore(deps.db)
    this.queries = new CaseQueries(deps.db)
  }

  /** The keyed hash of a person (LGPD): how a masked record finds its case. */
  subjectHash(subject: Subject): string {
    return this.deps.hash(subject)
  }

  private subjects(p: CasePerson): string {
    const hashes: string[] = []
    if (p.cpf) hashes.push(this.deps.hash({ kind: 'cpf', value: p.cpf }))
    if (p.phone) hashes.push(this.deps.hash({ kind: 'phone', value: p.phone }))
    if (p.email) hashes.push(this.deps.hash({ kind: 'email', value: p.email }))
    return hashes.join(' ')
  }

  /**
   * One piece of evidence about a person: joins their open case; else opens one when `open` (revisar, uncertain);
   * else reopens their latest decided case when `reopen` (a watch change). Returns the case, or null when none.
   */
  intake(
    person: CasePerson,
    evidence: Evidence,
    at: Date,
    mode: { open: boolean; reopen: boolean; quiet?: boolean },
  ): number | null {
    // Without a readable CPF or phone the evidence joins nobody: it still waits for an analyst in a case of its own.
    const known = Boolean(person.cpf || person.phone)
    if (!known && !mode.open) return null
    const env = this.deps.environment()
    const iso = at.toISOString()
    const machine = {
      at: iso,
      verdict: evidence.verdict,
      reasons: JSON.stringify(evidence.reasons),
      rules: rulesOf(evidence.reasons),
      policyVersion: evidence.policy.version,
      policyHash: evidence.policy.hash,
    }
    return this.store.transaction(() => {
      let found = known ? this.store.openFor(env, person) : null
      if (!found && known && mode.reopen) {
        found = this.store.latestFor(env, person)
        if (found) {
          this.store.append({ caseId: found.id, at: iso, kind: 'reopened', reason: `by_${evidence.source}` })
          this.store.reopened(found.id, iso)
        }
      }
      let id: number
      if (found) {
        // Joins the case; identifiers it lacked are filled, and the case is findable by them too.
        const merged = { ...person }
        for (const k of ['cpf', 'phone', 'email', 'cep', 'label'] as const) if (found[k]) merged[k] = found[k]
        id = found.id
        this.store.machine({ id, ...machine, ...person, subjects: this.subjects(merged) })
      } else if (mode.open) {
        id = this.store.create({
          environment: env,
          origin: evidence.source,
          ...person,
          subjects: this.subjects(person),
          ...machine,
        })
      } else return null
      const data: EvidenceData = { reasons: evidence.reasons, facts: evidence.facts, change: evidence.change ?? null }
      this.store.append({
        caseId: id,
        at: iso,
        kind: 'evidence',
        source: evidence.source,
        ref: JSON.stringify(evidence.ref),
        verdict: evidence.verdict,
        policyVersion: evidence.policy.version,
        policyHash: evidence.policy.hash,
        data: JSON.stringify(data),
      })
      // A batch says it once for all its rows (the screen reads the queue again once, not 100k times).
      if (!mode.quiet) this.deps.changed?.(id)
      return id
    })
  }

  /** Tells the screens the queue changed (after a batch queued its rows quietly). */
  announce(id: number): void {
    this.deps.changed?.(id)
  }

  /** The analyst's decision on an open case: appended with who, when and the policy in force. */
  decide(input: CaseDecisionInput, at = new Date()): CaseRow {
    const d = CaseDecisionInputSchema.parse(input)
    const iso = at.toISOString()
    return this.store.transaction(() => {
      const current = this.found(d.id)
      if (current.status !== 'open') throw new AppFailure('cases.already_decided', { id: d.id })
      const ref = policyRef(this.deps.policy())
      const who = this.deps.who()
      this.store.append({
        caseId: d.id,
        at: iso,
        kind: 'decided',
        who,
        verdict: d.verdict,
        reason: d.reason,
        note: d.note?.trim() || null,
        policyVersion: ref.version,
        policyHash: ref.hash,
      })
      this.store.decided(d.id, iso, d.verdict, d.reason, who)
      this.deps.changed?.(d.id)
      return this.found(d.id)
    })
  }

  note(id: number, text: string, at = new Date()): CaseRow {
    const note = text.trim()
    if (note.length === 0) throw new AppFailure('cases.note_empty')
    return this.store.transaction(() => {
      this.found(id)
      this.store.append({ caseId: id, at: at.toISOString(), kind: 'note', who: this.deps.who(), note })
      this.store.touched(id, at.toISOString())
      this.deps.changed?.(id)
      return this.found(id)
    })
  }

  /** The analyst reopens a decided case: the earlier decision stays in its log. */
  reopen(id: number, note: string | undefined, at = new Date()): CaseRow {
    return this.store.transaction(() => {
      if (this.found(id).status === 'open') throw new AppFailure('cases.already_open', { id })
      const iso = at.toISOString()
      this.store.append({
        caseId: id,
        at: iso,
        kind: 'reopened',
        who: this.deps.who(),
        reason: 'by_analyst',
        note: note?.trim() || null,
      })
      this.store.reopened(id, iso)
      this.deps.changed?.(id)
      return this.found(id)
    })
  }

  /** A case of this environment: one opened in the sandbox is not read or decided under producao (and vice versa). */
  found(id: number): CaseRow {
    const row = this.store.get(id)
    if (!row || row.environment !== this.deps.environment()) throw new AppFailure('cases.not_found', { id })
    return row
  }

  list(filter: Omit<CaseFilter, 'environment'>) {
    return this.queries.list({ ...filter, environment: this.deps.environment() })
  }

  events(id: number): (Omit<EventRow, 'ref' | 'data'> & { ref: EvidenceRef | null; data: EvidenceData | null })[] {
    return this.store.events(id).map((e) => ({
      ...e,
      ref: e.ref === null ? null : EvidenceRefSchema.parse(JSON.parse(e.ref)),
      data: e.data === null ? null : EvidenceDataSchema.parse(JSON.parse(e.data)),
    }))
  }

  /** The analyst's decision for batch rows `from` ≤ row < `to`, by row (exports read a page at a time). */
  decisionsForRows(jobId: number, from: number, to: number) {
    return new Map(this.store.forRows(jobId, from, to).map((r) => [r.row_no, r]))
  }

  /** Retention (issue #22): decided cases untouched for `days` leave with their log; open ones wait for an analyst. */
  purge(days: number, now = new Date()): number {
    const ids = this.store.decidedBefore(new Date(now.getTime() - days * 86_400_000).toISOString())
    if (ids.length) this.store.remove(ids)
    return ids.length
  }
}
