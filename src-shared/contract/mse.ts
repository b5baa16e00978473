import { z } from 'zod'
import { channel } from './define'
import { RawAnswerSchema } from './lookup'

export const MseCallResultSchema = z.object({
  service: z.string(),
  mode: z.string(),
  /** seed 003 §6.5.2: 0 success; 12 missing/invalid parameter; 110 no device response; others with errorMessage. */
  statusCode: z.number(),
  profile: z.string(),
  transactionId: z.string().nullable(),
  parameters: z.record(z.string(), z.string()),
  errorMessage: z.string().optional(),
  warnings: z.array(z.string()),
  raw: RawAnswerSchema,
})
export type MseCallResult = z.infer<typeof MseCallResultSchema>

export const MseMessageSchema = z.object({
  transactionId: z.string(),
  at: z.string(),
  service: z.string(),
  target: z.string(),
  text: z.string(),
  receiptAt: z.string().nullable(),
  /** seed 003 §6.4.1 SMPP_MESSAGE_STATUS: DELIVRD, EXPIRED, UNDELIV, UNKNOWN, REJECTD. */
  receiptStatus: z.string().nullable(),
})
export type MseMessage = z.infer<typeof MseMessageSchema>

export const mseEvents = {
  'mse:receipt': z.object({ transactionId: z.string(), status: z.string(), message: MseMessageSchema.nullable() }),
  'mse:mo': z.object({ id: z.string(), anum: z.string(), bnum: z.string(), text: z.string(), at: z.string() }),
}

export const mseChannels = {
  'mse:messages': channel(z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }), z.array(MseMessageSchema)),
  'mse:call': channel(
    z.strictObject({
      service: z.string().max(40),
      mode: z.string().max(20),
      params: z.record(z.string().max(40), z.string().max(300_000)),
      confirmCharge: z.string().max(20).optional(),
    }),
    MseCallResultSchema,
  ),
}
