import { z } from 'zod'
import { channel } from './define'
import { AppErrorSchema } from './errors'
import { AlertsResultSchema, ScoreResultSchema } from './lookup'
import { DataTrustResultSchema } from './datatrust'
import { DecisionSchema } from './policy'
import { FactsSchema } from '../domain/policy/facts'

/** The checks of the customer view: Alerta, Score and Data Trust (the batch adds MSE line data). */
export const CUSTOMER_CHECKS = ['alerts', 'score', 'datatrust'] as const
export const CustomerCheckIdSchema = z.enum(CUSTOMER_CHECKS)
export type CustomerCheckId = z.infer<typeof CustomerCheckIdSchema>

const section = <T extends z.ZodType>(result: T) =>
  z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), result }),
    z.object({ status: z.literal('error'), error: AppErrorSchema }),
    /** Asked but not run: the identifier is missing or invalid (`invalid_msisdn.empty`, …). */
    z.object({ status: z.literal('not_run'), cause: z.string() }),
    z.object({ status: z.literal('not_asked') }),
  ])

export const CustomerCheckSchema = z.object({
  at: z.string(),
  checks: z.array(CustomerCheckIdSchema),
  alerts: section(AlertsResultSchema),
  score: section(ScoreResultSchema),
  dataTrust: section(DataTrustResultSchema),
  facts: FactsSchema,
  decision: DecisionSchema,
  historyId: z.number().nullable(),
  /** The person's case when this check opened one or joined it (issue #22). */
  caseId: z.number().nullable().default(null),
})
export type CustomerCheck = z.infer<typeof CustomerCheckSchema>

export const CustomerRequestSchema = z.strictObject({
  cpf: z.string().max(40),
  phone: z.string().max(40).optional(),
  email: z.string().max(320).optional(),
  cep: z.string().max(20).optional(),
  /** The checks asked for; all three when absent. */
  checks: z.array(CustomerCheckIdSchema).min(1).max(CUSTOMER_CHECKS.length).optional(),
  /**
   * Only these are asked again; the others keep what the last check of the same customer (same identifiers, same
   * environment, within 30 minutes) answered — a failed Score is retried without paying Data Trust twice.
   */
  retry: z.array(CustomerCheckIdSchema).min(1).max(CUSTOMER_CHECKS.length).optional(),
  /** Chosen by the screen to follow this check's `customer:progress` events. */
  requestId: z.string().max(64).optional(),
  /**
   * A new Data Trust transaction (billed) even when one for the same person was sent within the reuse window
   * (Configurações; by default Cliente reads that one again instead — issue #22).
   */
  newTransaction: z.boolean().optional(),
})

export const customerEvents = {
  /** One check of a customer view has its answer (the screen shows each provider as it lands). */
  'customer:progress': z.object({
    requestId: z.string(),
    check: CustomerCheckIdSchema,
    status: z.enum(['ok', 'error', 'not_run', 'reused']),
  }),
}

export const customerChannels = {
  'customer:check': channel(CustomerRequestSchema, CustomerCheckSchema),
}
