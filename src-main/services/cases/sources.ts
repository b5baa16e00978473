import { createHash } from 'node:crypto'
import { personFrom, type Mapping } from '../../../src-shared/domain/batch'
import {
  isUncertain,
  policyRef,
  type Facts,
  type Policy,
  type PolicyRef,
  type Reason,
  type RowVerdict,
} from '../../../src-shared/domain/policy'
import type { JobRow } from '../batch/journal'
import type { ReviewQueue } from '../batch/decisions'
import type { StoredRow } from '../batch/results'
import { casePerson } from './person'
import type { Cases } from './service'

/* Where cases come from (issue #22 item 6): Cliente, a finished Lote, a watch change — each as evidence about a person. */

/** Cliente's verdict: a "revisar" or uncertain one opens a case; any other joins the person's open case. */
export function caseFromCustomer(
  cases: Cases,
  raw: { cpf: string; phone?: string | undefined; email?: string | undefined; cep?: string | undefined },
  decision: { verdict: RowVerdict; reasons: Reason[]; policy: PolicyRef },
  facts: Facts,
  historyId: number | null,
  at = new Date(),
): number | null {
  const open = decision.verdict === 'revisar' || isUncertain(facts)
  return cases.intake(casePerson(raw), { source: 'cliente', ref: { historyId }, ...decision, facts }, at, {
    open,
    reopen: false,
  })
}

/** A decided batch's rows that wait for an analyst (./decisions.ts ReviewQueue); rows already queued are skipped. */
export function queueBatchRows(cases: Cases, job: JobRow, rows: Iterable<StoredRow>, at: Date): number {
  const mapping: Mapping = job.spec.mapping
  let queued = 0
  let last: number | null = null
  // A customer repeated in the list with the same answers is one piece of evidence, each row linked to its case.
  const seen = new Map<string, number>()
  cases.store.transaction(() => {
    for (const row of rows) {
      if (cases.store.linked(job.id, row.rowNo)) continue
      const raw = personFrom(row.fields, mapping)
      const label = mapping.name === undefined ? '' : (row.fields[mapping.name] ?? '')
      const person = casePerson({ ...raw, label })
      const same =
        person.cpf || person.phone
          ? createHash('sha1')
              .update(`${person.cpf}|${person.phone}|${JSON.stringify(row.facts)}`)
              .digest('base64')
          : null
      const known = same === null ? undefined : seen.get(same)
      if (known !== undefined) {
        cases.store.link(job.id, row.rowNo, known)
        queued++
        continue
      }
      const id = cases.intake(
        person,
        {
          source: 'lote',
          ref: { jobId: job.id, rowNo: row.rowNo, jobName: job.name },
          verdict: row.decision.verdict,
          reasons: row.decision.reasons,
          policy: row.decision.policy,
          facts: row.facts,
        },
        at,
        { open: true, reopen: false, quiet: true },
      )
      if (id === null) continue
      cases.store.link(job.id, row.rowNo, id)
      if (same !== null) {
        if (seen.size > 200_000) seen.clear() // bounded: a million distinct customers never sit in memory
        seen.set(same, id)
      }
      last = id
      queued++
    }
  })
  // The screens hear it once for the whole batch, not once per row.
  if (last !== null) cases.announce(last)
  return queued
}

/**
 * A watch change: a "revisar" one opens a case; any change joins the person's open case, or reopens the one an
 * analyst decided ("a later watch change on a decided line reopens its case").
 */
export function caseFromWatch(
  cases: Cases,
  line: { id: number; listId: number; msisdn: string; cpf: string; label: string },
  change: {
    id: number
    kind: string
    eventName: string | null
    eventAt: string | null
    detail: Record<string, number | string | null> | null
    severity: RowVerdict
    baseline: boolean
  },
  reasons: Reason[],
  policy: Policy,
  at: Date,
): number | null {
  return cases.intake(
    casePerson({ phone: line.msisdn, cpf: line.cpf, label: line.label }),
    {
      source: 'monitoramento',
      ref: { listId: line.listId, lineId: line.id, changeId: change.id },
      verdict: change.severity,
      reasons,
      policy: policyRef(policy),
      facts: null,
      change: {
        kind: change.kind,
        eventName: change.eventName,
        eventAt: change.eventAt,
        detail: change.detail,
        baseline: change.baseline,
      },
    },
    at,
    { open: change.severity === 'revisar', reopen: true },
  )
}

/** A decided batch hands the rows that wait for an analyst to the cases (./batch/decisions.ts ReviewQueue). */
export const batchReviews = (cases: Cases): ReviewQueue => ({
  fromBatch: (job, rows, at) => queueBatchRows(cases, job, rows, at),
})
