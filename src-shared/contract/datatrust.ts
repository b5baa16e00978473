import { z } from 'zod'
import { channel } from './define'
import { EnvironmentSchema } from '../domain/environment'
import {
  ResultsSchema,
  SEARCH_PARAMETERS,
  SEARCH_RESULT_FIELDS,
  SEARCH_TRANSACTION_FIELDS,
  TransactionSchema,
} from '../domain/clearsale'
import { RawAnswerSchema } from './lookup'

const short = (max = 200) => z.string().trim().max(max)

/** What an analyst fills in; the core turns it into seed 004's request (AreaCode + Phone split, CEP digits). */
export const DataTrustSendSchema = z.strictObject({
  cpf: short(40),
  phone: short(40).optional(),
  email: short(320).optional(),
  cep: short(20).optional(),
  street: short().optional(),
  number: short(20).optional(),
  city: short().optional(),
  state: short(2).optional(),
  type: z.union([z.literal(1), z.literal(2)]).default(1),
  sessionId: short().optional(),
  sendOptions: z
    .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]))
    .max(4)
    .default([]),
  customerName: short(200).optional(),
  item: short(30).optional(),
  price: short(30).optional(),
  /** seed 004 "Transaction"/"Address"/"Additional Information": the rest of the dictionary. */
  complement: short().optional(),
  district: short().optional(),
  country: short(60).optional(),
  physicalDelivery: z.boolean().optional(),
  verifiedPhone: z.boolean().optional(),
  verifiedEmail: z.boolean().optional(),
  /** ISO date or date-time (seed 004 ReferenceDate: DateTime). */
  referenceDate: z
    .string()
    .max(40)
    .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/)
    .optional(),
  transaction: short(30).optional(),
  other: short(500).optional(),
  /** Send again although an earlier identical send ended with its outcome unknown (the analyst's explicit choice). */
  resend: z.boolean().optional(),
})
export type DataTrustSend = z.input<typeof DataTrustSendSchema>

export const DataTrustResultSchema = z.object({
  transaction: TransactionSchema,
  raw: RawAnswerSchema,
  /** The send's answer never came; the transaction was found by the search by Document and adopted (seed 004). */
  reconciled: z.boolean().default(false),
  environment: EnvironmentSchema,
  historyId: z.number().nullable(),
  /**
   * Cliente (issue #22): the person's transaction sent this recently was read again (GET, not billed) instead of
   * sending a new one — when and which; null when this answer is a new transaction.
   */
  reused: z.object({ at: z.string(), id: z.string() }).nullable().default(null),
})
export type DataTrustResult = z.infer<typeof DataTrustResultSchema>

export const DataTrustSearchSchema = z.strictObject({
  mode: z.enum(['parameter', 'user', 'period', 'list']),
  parameter: z.enum(SEARCH_PARAMETERS).optional(),
  value: short().optional(),
  userId: z.number().int().min(0).optional(),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  endDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  ids: z.array(short(100)).max(50).optional(),
  transactionFields: z.array(z.enum(SEARCH_TRANSACTION_FIELDS)).optional(),
  resultFields: z.array(z.enum(SEARCH_RESULT_FIELDS)).optional(),
  limit: z.number().int().min(1).max(50).default(10),
  page: z.number().int().min(1).default(1),
})

export const SmsTemplateSchema = z.object({
  Text: z.string().max(1000),
  Active: z.boolean(),
  SmsTypeId: z.union([z.literal(2), z.literal(3), z.literal(4)]),
})

export const CallbackSchema = z.object({
  id: z.number(),
  at: z.string(),
  provider: z.string(),
  kind: z.string(),
  summary: z.string(),
  body: z.string(),
})
export type CallbackRecord = z.infer<typeof CallbackSchema>

export const datatrustChannels = {
  'datatrust:send': channel(DataTrustSendSchema, DataTrustResultSchema),
  'datatrust:get': channel(z.strictObject({ id: short(100) }), DataTrustResultSchema),
  /** seed 004 "Consulta de resultado": `GET …/{TransactionId}/result`, the Results block alone. */
  'datatrust:result': channel(
    z.strictObject({ id: short(100) }),
    z.object({
      id: z.string(),
      results: ResultsSchema,
      raw: RawAnswerSchema,
      environment: EnvironmentSchema,
      historyId: z.number().nullable(),
    }),
  ),
  'datatrust:validate-token': channel(
    z.strictObject({ id: short(100), token: short(20) }),
    z.object({ result: z.string(), date: z.string().nullish(), transaction: TransactionSchema.nullable() }),
  ),
  'datatrust:search': channel(
    DataTrustSearchSchema,
    z.object({
      location: z.number(),
      totalPages: z.number(),
      totalTransactions: z.number(),
      transactions: z.array(z.record(z.string(), z.unknown())),
      raw: RawAnswerSchema.nullable(),
    }),
  ),
  'datatrust:sms-template-get': channel(
    z.strictObject({ smsTypeId: z.union([z.literal(2), z.literal(3), z.literal(4)]) }),
    SmsTemplateSchema.nullable(),
  ),
  'datatrust:sms-template-set': channel(SmsTemplateSchema.strict(), z.strictObject({})),
  'datatrust:conditional-get': channel(
    z.strictObject({}),
    z.object({ conditionalSmsSending: z.boolean(), creationDate: z.string().nullish() }).nullable(),
  ),
  'datatrust:conditional-set': channel(z.strictObject({ enabled: z.boolean() }), z.strictObject({})),
  'sandbox:inbox': channel(
    z.strictObject({}),
    z.array(
      z.object({ to: z.string(), channel: z.string(), text: z.string(), at: z.string(), transactionId: z.string() }),
    ),
  ),
  'callbacks:status': channel(
    z.strictObject({}),
    z.object({
      listening: z.boolean(),
      url: z.string().nullable(),
      error: z.string().nullable(),
      errno: z.string().nullable(),
      /** Requests refused since start, by reason (browser, unauthenticated, media type, size, rate, route). */
      refused: z.record(z.string(), z.number()).default({}),
      /** What the analyst should fix: receipts open to loopback, no ClearSale webhook token. */
      warnings: z.array(z.enum(['receipts_open', 'webhook_token_missing'])).default([]),
    }),
  ),
  'callbacks:list': channel(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    z.array(CallbackSchema),
  ),
}

export const datatrustEvents = {
  'callbacks:received': CallbackSchema,
  'datatrust:updated': z.object({ transaction: TransactionSchema }),
  'sandbox:inbox-changed': z.object({ count: z.number() }),
}
