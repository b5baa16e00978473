import { z } from 'zod'
import { tokenState } from '../../../src-shared/domain/clearsale'

/* ClearSale's answers (seed 004), each parsed with its schema; the transaction and results live in src-shared. */

/** seed 004: `{"token", "expiresInSeconds"}` (a string in the example; a number is accepted too). */
export const AuthResponseSchema = z.object({
  token: z.string().min(1),
  expiresInSeconds: z.union([z.string().regex(/^\d+$/), z.number()]),
})
/** seed 004: `{"result", "date"}`; `Result` and the seed's spelling "Incorret" are read too. */
export const ValidateResponseSchema = z
  .object({ result: z.string().nullish(), Result: z.string().nullish(), date: z.string().nullish() })
  .refine((v) => typeof (v.result ?? v.Result) === 'string', { message: 'result missing' })
  .transform((v) => ({ result: tokenState(v.result ?? v.Result ?? ''), date: v.date ?? null }))
/** Search answers (seed 004) use `id`/`Result` where single reads use `ID`/`Results`: both are normalised. */
export const ListingSchema = z.object({
  location: z.number().optional(),
  totalPages: z.number().optional(),
  totalTransactions: z.number().optional(),
  Transactions: z.array(z.record(z.string(), z.unknown())),
})
export const SmsConfigSchema = z.object({ Text: z.string(), Active: z.boolean().optional(), SmsTypeId: z.number() })
export const EntityConfigSchema = z.object({ creationDate: z.string().nullish(), conditionalSmsSending: z.boolean() })

export type Listing = z.infer<typeof ListingSchema>
