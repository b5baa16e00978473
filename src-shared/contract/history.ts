import { z } from 'zod'
import { channel } from './define'
import { EnvironmentSchema } from '../domain/environment'
import { RawAnswerSchema } from './lookup'
import { PolicyRefSchema, VERDICTS } from '../domain/policy/schema'
import { ReasonSchema } from '../domain/policy/decide'

export const HISTORY_KINDS = ['alerts', 'score', 'datatrust', 'customer'] as const
export const HistoryKindSchema = z.enum(HISTORY_KINDS)
export const HistoryOutcomeSchema = z.enum(['ok', 'not_found', 'error'])

export const HistoryRowSchema = z.object({
  id: z.number(),
  at: z.string(),
  environment: EnvironmentSchema,
  kind: HistoryKindSchema,
  identifier: z.string(),
  masked: z.boolean(),
  outcome: HistoryOutcomeSchema,
  summary: z.string(),
  errorCode: z.string().nullable(),
  durationMs: z.number(),
  /** A customer check's verdict, its reasons and the policy that decided it. */
  verdict: z.enum(VERDICTS).nullable(),
  reasons: z.array(ReasonSchema).nullable(),
  policy: PolicyRefSchema.nullable(),
})
export type HistoryRow = z.infer<typeof HistoryRowSchema>

export const HistoryFilterSchema = z.strictObject({
  kind: HistoryKindSchema.optional(),
  outcome: HistoryOutcomeSchema.optional(),
  environment: EnvironmentSchema.optional(),
  /** Part of the identifier (as stored: masked when masking is on). */
  search: z.string().max(40).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
})
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>

export const historyChannels = {
  'history:list': channel(HistoryFilterSchema, z.object({ rows: z.array(HistoryRowSchema), total: z.number() })),
  'history:get': channel(
    z.strictObject({ id: z.number().int().min(1) }),
    HistoryRowSchema.extend({ raw: RawAnswerSchema.nullable() }),
  ),
  'history:clear': channel(z.strictObject({}), z.object({ deleted: z.number() })),
  /**
   * The person a record is about, for "Abrir no Cliente" (issue #22): its identifier, or — masked — the identifiers
   * of a case or a watched line with the same keyed hash. `resolved` false: nothing in clear knows the person.
   */
  'history:person': channel(
    z.strictObject({ id: z.number().int().min(1) }),
    z.object({
      person: z.object({ cpf: z.string(), phone: z.string(), email: z.string(), cep: z.string() }),
      resolved: z.boolean(),
    }),
  ),
}

export const historyEvents = {
  'history:added': HistoryRowSchema,
}
