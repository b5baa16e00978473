import { z } from 'zod'
import { ANALYST_VERDICTS, CASE_ORIGINS, CASE_STATUSES } from '../../../src-shared/domain/cases'
import { FactsSchema, ReasonSchema, ROW_VERDICTS } from '../../../src-shared/domain/policy'

/* The cases module's rows and JSON columns as stored, each read back through its schema (./store.ts). */

export const EVENT_KINDS = ['evidence', 'decided', 'reopened', 'note'] as const
export type CaseEventKind = (typeof EVENT_KINDS)[number]

const MachineVerdictSchema = z.enum(ROW_VERDICTS)

/** Where a piece of evidence came from, to go back to it (drill-through). */
export const EvidenceRefSchema = z.union([
  z.object({ historyId: z.number().nullable() }),
  z.object({ jobId: z.number(), rowNo: z.number(), jobName: z.string() }),
  z.object({ listId: z.number(), lineId: z.number(), changeId: z.number() }),
])
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>

/** A watch change as evidence: what changed on the line, as the feed shows it. */
export const ChangeDataSchema = z.object({
  kind: z.string(),
  eventName: z.string().nullable(),
  eventAt: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).nullable(),
  baseline: z.boolean(),
})

export const EvidenceDataSchema = z.object({
  reasons: z.array(ReasonSchema),
  facts: FactsSchema.nullable(),
  change: ChangeDataSchema.nullable().default(null),
})
export type EvidenceData = z.infer<typeof EvidenceDataSchema>

export const CaseRowSchema = z.object({
  id: z.number(),
  environment: z.string(),
  opened_at: z.string(),
  updated_at: z.string(),
  status: z.enum(CASE_STATUSES),
  origin: z.enum(CASE_ORIGINS),
  cpf: z.string(),
  phone: z.string(),
  email: z.string(),
  cep: z.string(),
  label: z.string(),
  subjects: z.string(),
  machine_verdict: MachineVerdictSchema,
  reasons: z.string(),
  rules: z.string(),
  policy_version: z.number(),
  policy_hash: z.string(),
  decision: z.enum(ANALYST_VERDICTS).nullable(),
  decision_reason: z.string().nullable(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  evidence: z.number(),
})
export type CaseRow = z.infer<typeof CaseRowSchema>

export const EventRowSchema = z.object({
  id: z.number(),
  case_id: z.number(),
  at: z.string(),
  kind: z.enum(EVENT_KINDS),
  who: z.string().nullable(),
  source: z.enum(CASE_ORIGINS).nullable(),
  ref: z.string().nullable(),
  verdict: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  policy_version: z.number().nullable(),
  policy_hash: z.string().nullable(),
  data: z.string().nullable(),
})
export type EventRow = z.infer<typeof EventRowSchema>
