import { z } from 'zod'
import { AlertEventSchema } from '../../../src-shared/domain/claro'

/** seed 001: token answer; only access_token is shown, expires_in read when present (seeds/README.md). */
export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/)]).optional(),
})

/** seed 001 "Exemplo de json de retorno". */
export const AlertsResponseSchema = z.object({
  data: z.object({ customer: z.object({ profileEvents: z.array(AlertEventSchema) }) }),
})

/** seeds/README.md: assumed `{"data":{"customer":{"score": <0–1000, number or numeric string>}}}`. */
export const ScoreResponseSchema = z.object({
  data: z.object({
    customer: z.object({
      score: z
        .union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*$/)])
        .transform(Number)
        .pipe(z.number().min(0).max(1000)),
    }),
  }),
})

/** seed 001: the error envelope. Fields are strings in the seed; tolerated loosely since it only enriches messages. */
export const ErrorEnvelopeSchema = z.object({
  apiVersion: z.string().optional(),
  transactionId: z.string().optional(),
  error: z.object({
    httpCode: z.union([z.string(), z.number()]).optional(),
    errorCode: z.string().optional(),
    message: z.string().optional(),
    detailedMessage: z.string().optional(),
    link: z.object({ rel: z.string().optional(), href: z.string().optional() }).optional(),
  }),
})

export const DEFAULT_TOKEN_LIFETIME_S = 24 * 3600 // seed 001 §09: "O token, tem 24 horas de duração"
