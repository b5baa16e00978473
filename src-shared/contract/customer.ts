import { z } from 'zod'
import { channel } from './define'
import { AppErrorSchema } from './errors'
import { AlertsResultSchema, ScoreResultSchema } from './lookup'
import { DataTrustResultSchema } from './datatrust'
import { VERDICTS, RULE_IDS } from '../domain/verdict'

const outcome = <T extends z.ZodType>(result: T) =>
  z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), result }),
    z.object({ status: z.literal('error'), error: AppErrorSchema }),
    z.object({ status: z.literal('skipped'), reason: z.enum(['no_identifier', 'not_configured']) }),
  ])

export const CustomerCheckSchema = z.object({
  at: z.string(),
  alerts: outcome(AlertsResultSchema),
  score: outcome(ScoreResultSchema),
  dataTrust: outcome(DataTrustResultSchema),
  verdict: z.object({
    verdict: z.enum(VERDICTS),
    fired: z.array(z.object({ rule: z.enum(RULE_IDS), action: z.enum(['revisar', 'recusar']), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
  }),
})
export type CustomerCheck = z.infer<typeof CustomerCheckSchema>

export const customerChannels = {
  'customer:check': channel(
    z.strictObject({ cpf: z.string().max(40), phone: z.string().max(40).optional(), email: z.string().max(320).optional(), cep: z.string().max(20).optional() }),
    CustomerCheckSchema,
  ),
}
