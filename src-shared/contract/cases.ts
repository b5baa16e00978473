import { z } from 'zod'
import { channel } from './define'
import { ANALYST_VERDICTS, CASE_ORIGINS, CASE_STATUSES, CaseDecisionInputSchema, CaseNoteSchema } from '../domain/cases'
import { FactsSchema } from '../domain/policy/facts'
import { ReasonSchema } from '../domain/policy/decide'
import { PolicyRefSchema } from '../domain/policy/schema'
import { ROW_VERDICTS } from '../domain/policy/row'
import { WatchChangeViewSchema } from './watch'

/* Casos (issue #22 item 6): the review queue — what waits for an analyst, and the analyst's decisions. */

export const CasePersonSchema = z.object({
  cpf: z.string(),
  phone: z.string(),
  email: z.string(),
  cep: z.string(),
  label: z.string(),
})

export const CaseDecisionSchema = z.object({
  verdict: z.enum(ANALYST_VERDICTS),
  reason: z.string(),
  who: z.string(),
  at: z.string(),
})

export const CaseSummarySchema = z.object({
  id: z.number(),
  openedAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(CASE_STATUSES),
  origin: z.enum(CASE_ORIGINS),
  person: CasePersonSchema,
  /** The latest machine verdict about the person, its reasons (codes + the rule data to word them) and policy. */
  machine: z.object({ verdict: z.enum(ROW_VERDICTS), reasons: z.array(ReasonSchema), policy: PolicyRefSchema }),
  decision: CaseDecisionSchema.nullable(),
  evidence: z.number(),
})
export type CaseSummary = z.infer<typeof CaseSummarySchema>

const EvidenceRefSchema = z.union([
  z.object({ historyId: z.number().nullable() }),
  z.object({ jobId: z.number(), rowNo: z.number(), jobName: z.string() }),
  z.object({ listId: z.number(), lineId: z.number(), changeId: z.number() }),
])

/** One line of a case's log: machine evidence, the analyst's decisions, notes, reopenings — oldest first. */
export const CaseEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.enum(['evidence', 'decided', 'reopened', 'note']),
  who: z.string().nullable(),
  source: z.enum(CASE_ORIGINS).nullable(),
  ref: EvidenceRefSchema.nullable(),
  verdict: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  policy: PolicyRefSchema.nullable(),
  reasons: z.array(ReasonSchema),
  facts: FactsSchema.nullable(),
  change: z
    .object({
      kind: z.string(),
      eventName: z.string().nullable(),
      eventAt: z.string().nullable(),
      detail: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).nullable(),
      baseline: z.boolean(),
    })
    .nullable(),
})
export type CaseEventView = z.infer<typeof CaseEventSchema>

export const CaseDetailSchema = CaseSummarySchema.extend({
  events: z.array(CaseEventSchema),
  /** The person's watched lines' changes, newest first (Monitoramento). */
  timeline: z.array(WatchChangeViewSchema),
})
export type CaseDetail = z.infer<typeof CaseDetailSchema>

export const CaseListRequestSchema = z.strictObject({
  status: z.enum(['open', 'decided', 'all']).default('open'),
  origin: z.enum(CASE_ORIGINS).optional(),
  /** A rule that fired (`claro_score_low`, `not_found`, `takeover_recent`…). */
  rule: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  /** Only cases opened at least this many days ago. */
  olderThanDays: z.number().int().min(1).max(3650).optional(),
  /** Only cases whose latest evidence was decided by this policy (its hash). */
  policyHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  sort: z.enum(['oldest', 'newest']).default('oldest'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** The filters' choices (rules and policies of open cases) too: the screen asks when the queue changed. */
  facets: z.boolean().default(true),
})

export const casesChannels = {
  'cases:list': channel(
    CaseListRequestSchema,
    z.object({
      total: z.number(),
      rows: z.array(CaseSummarySchema),
      /** The rules that fired in open cases, counted (the queue's reason filter); null when not asked. */
      rules: z.array(z.object({ rule: z.string(), count: z.number() })).nullable(),
      /** The policies behind open cases' latest evidence, counted (the queue's policy filter); null when not asked. */
      policies: z.array(z.object({ version: z.number(), hash: z.string(), count: z.number() })).nullable(),
    }),
  ),
  'cases:get': channel(z.strictObject({ id: z.number().int().min(1) }), CaseDetailSchema),
  /** The analyst's decision: aprovar or recusar, a reason from the short list, an optional note. */
  'cases:decide': channel(CaseDecisionInputSchema, CaseDetailSchema),
  'cases:note': channel(
    z.strictObject({
      id: z.number().int().min(1),
      note: CaseNoteSchema.refine((t) => t.length > 0, { message: 'vazia / empty' }),
    }),
    CaseDetailSchema,
  ),
  /** A decided case opened again by the analyst; its earlier decision stays in the log. */
  'cases:reopen': channel(
    z.strictObject({ id: z.number().int().min(1), note: CaseNoteSchema.optional() }),
    CaseDetailSchema,
  ),
  /** The case of a batch row, or of a person (drill-through): its id, or null. */
  'cases:find': channel(
    z.union([
      z.strictObject({ jobId: z.number().int(), rowNo: z.number().int() }),
      z.strictObject({ cpf: z.string().max(40).optional(), phone: z.string().max(40).optional() }),
    ]),
    z.object({ id: z.number().nullable() }),
  ),
}

export const casesEvents = {
  /** A case opened, gained evidence, was decided, noted or reopened. */
  'cases:changed': z.object({ id: z.number() }),
}
