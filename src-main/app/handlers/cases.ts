import { z } from 'zod'
import type { CaseDetail, CaseSummary } from '../../../src-shared/contract/cases'
import { ReasonSchema } from '../../../src-shared/domain/policy'
import type { CoreContext } from '../../services/context'
import type { Cases } from '../../services/cases/service'
import { casePerson } from '../../services/cases/person'
import type { CaseRow } from '../../services/cases/rows'
import { changeView } from '../../services/watch/runner'
import { WatchStore } from '../../services/watch/store'
import type { Handlers } from '../router'
import { AppFailure } from '../../infra/errors'

type CaseChannels =
  'cases:list' | 'cases:get' | 'cases:decide' | 'cases:note' | 'cases:reopen' | 'cases:find' | 'history:person'

export function caseSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    status: row.status,
    origin: row.origin,
    person: { cpf: row.cpf, phone: row.phone, email: row.email, cep: row.cep, label: row.label },
    machine: {
      verdict: row.machine_verdict,
      reasons: z.array(ReasonSchema).parse(JSON.parse(row.reasons)),
      policy: { version: row.policy_version, hash: row.policy_hash },
    },
    decision:
      row.decision && row.decided_by && row.decided_at
        ? { verdict: row.decision, reason: row.decision_reason ?? '', who: row.decided_by, at: row.decided_at }
        : null,
    evidence: row.evidence,
  }
}

/** A case whole: its face, its log (evidence, decisions, notes, reopenings) and the person's watch timeline. */
export function caseDetail(cases: Cases, watch: WatchStore, row: CaseRow): CaseDetail {
  return {
    ...caseSummary(row),
    events: cases.events(row.id).map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      who: e.who,
      source: e.source,
      ref: e.ref,
      verdict: e.verdict,
      reason: e.reason,
      note: e.note,
      policy: e.policy_hash && e.policy_version !== null ? { version: e.policy_version, hash: e.policy_hash } : null,
      reasons: e.data?.reasons ?? [],
      facts: e.data?.facts ?? null,
      change: e.data?.change ?? null,
    })),
    timeline: row.phone || row.cpf ? watch.changesForPerson(row.phone, row.cpf).map((c) => changeView(watch, c)) : [],
  }
}

/** Casos (issue #22): thin over services/cases. */
export function casesHandlers(ctx: CoreContext, cases: Cases): Pick<Handlers, CaseChannels> {
  const watch = new WatchStore(ctx.db)
  const detail = (row: CaseRow) => caseDetail(cases, watch, row)
  return {
    'cases:list': (q) => {
      const { total, rows } = cases.list({
        status: q.status,
        origin: q.origin,
        rule: q.rule,
        openedBefore:
          q.olderThanDays === undefined ? undefined : new Date(Date.now() - q.olderThanDays * 86_400_000).toISOString(),
        policyHash: q.policyHash,
        sort: q.sort,
        offset: q.offset,
        limit: q.limit,
      })
      const env = ctx.environment()
      return {
        total,
        rows: rows.map(caseSummary),
        rules: q.facets ? cases.queries.openRules(env) : null,
        policies: q.facets ? cases.queries.openPolicies(env) : null,
      }
    },
    'cases:get': ({ id }) => detail(cases.found(id)),
    'cases:decide': (input) => detail(cases.decide(input)),
    'cases:note': ({ id, note }) => detail(cases.note(id, note)),
    'cases:reopen': ({ id, note }) => detail(cases.reopen(id, note)),
    'history:person': ({ id }) => {
      const row = ctx.history.get(id)
      if (!row) throw new AppFailure('history_not_found', { id })
      const none = { cpf: '', phone: '', email: '', cep: '' }
      if (!row.masked) {
        const phone = row.kind === 'alerts' ? row.identifier : ''
        const cpf = row.kind !== 'alerts' && /^\d{11}$/.test(row.identifier) ? row.identifier : ''
        return { person: { ...none, cpf, phone }, resolved: Boolean(cpf || phone) }
      }
      // Masked: the keyed hash finds the person where they are kept in clear — a case, else a watched line.
      const hash = ctx.history.subjectOf(id)
      if (!hash) return { person: none, resolved: false }
      const found = cases.queries.bySubject(ctx.environment(), hash)
      if (found)
        return { person: { cpf: found.cpf, phone: found.phone, email: found.email, cep: found.cep }, resolved: true }
      for (const list of watch.lists())
        for (const line of watch.lines(list.id)) {
          const phoneHash = line.msisdn ? cases.subjectHash({ kind: 'phone', value: line.msisdn }) : ''
          const cpfHash = line.cpf ? cases.subjectHash({ kind: 'cpf', value: line.cpf }) : ''
          if (hash === phoneHash || hash === cpfHash)
            return { person: { ...none, cpf: line.cpf, phone: line.msisdn }, resolved: true }
        }
      return { person: none, resolved: false }
    },
    'cases:find': (q) => {
      if ('jobId' in q) {
        const id = cases.store.caseOfRow(q.jobId, q.rowNo)
        return { id: id !== null && cases.store.get(id)?.environment === ctx.environment() ? id : null }
      }
      const person = casePerson({ cpf: q.cpf ?? '', phone: q.phone ?? '' })
      const env = ctx.environment()
      return { id: (cases.store.openFor(env, person) ?? cases.store.latestFor(env, person))?.id ?? null }
    },
  }
}
