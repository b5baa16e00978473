import { z } from 'zod'

/*
 * ClearSale Data Trust (seed 004). Field names and limits follow the seed's "Dicionário de variáveis".
 */

const text = (max?: number) => (max ? z.string().max(max) : z.string().max(2000))

export const AddressSchema = z.object({
  ZipCode: z.string().max(9).optional(),
  Street: text().optional(),
  Number: text().optional(),
  Complement: text().optional(),
  District: text().optional(),
  City: text().optional(),
  State: text().optional(),
  Country: text().optional(),
  PhysicalDelivery: z.boolean().optional(),
})

export const AdditionalInformationSchema = z.object({
  Transaction: text(30).optional(),
  Item: text(30).optional(),
  Price: text(30).optional(),
  CustomerName: text(200).optional(),
  Other: text().optional(),
})

/** The request body of `POST /products/v1/datatrust`. */
export const TransactionRequestSchema = z.object({
  Document: z.string().regex(/^\d{11}$/),
  DocumentType: z.literal('CPF'),
  AreaCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  Phone: z
    .string()
    .regex(/^\d{8,9}$/)
    .optional(),
  SendOption: z
    .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]))
    .max(4)
    .optional(),
  VerifiedPhone: z.boolean().optional(),
  VerifiedEmail: z.boolean().optional(),
  Address: AddressSchema.optional(),
  Email: z.string().max(320).optional(),
  SessionID: text(200).optional(),
  AdditionalInformation: AdditionalInformationSchema.optional(),
  Type: z.union([z.literal(1), z.literal(2)]),
  ReferenceDate: z.string().max(40).optional(),
})
export type TransactionRequest = z.infer<typeof TransactionRequestSchema>

const TimelineEntrySchema = z.object({ Value: z.number(), Reason: z.string().nullish(), Date: z.string().nullish() })

export const DtScoreSchema = z.object({
  Value: z.number(),
  Reason: z.string().nullish(),
  Date: z.string().nullish(),
  Timeline: z.array(TimelineEntrySchema).nullish(),
})
export const RatingSchema = z.object({
  Value: z.number(),
  RelatedTo: z.array(z.string()),
  Timeline: z.array(TimelineEntrySchema).nullish(),
})
export const InsightSchema = z.object({
  Code: z.string(),
  Description: z.string(),
  Type: z.string().nullish(),
  Category: z.string().nullish(),
  Relevance: z.string(),
  RelatedTo: z.array(z.string()).nullish(),
})
/** seed 004 "Status": token states, named where the code reads them. */
export const TOKEN_STATE = {
  waiting: 'Waiting',
  valid: 'Valid',
  incorrect: 'Incorrect',
  invalid: 'Invalid',
  expired: 'Expired',
} as const
export type TokenState = (typeof TOKEN_STATE)[keyof typeof TOKEN_STATE]
/** seed 004 spells the state "Incorret" in its own examples (and the key `Result` as well as `result`): read both. */
export function tokenState(value: string): string {
  return value === 'Incorret' ? 'Incorrect' : value
}
const TokenStateSchema = z
  .object({ result: z.string().nullish(), Result: z.string().nullish(), Date: z.string().nullish() })
  .transform(({ result, Result, Date }) => ({ result: tokenState(result ?? Result ?? ''), Date: Date ?? null }))
  .nullish()
const MessageSchema = z.object({ Text: z.string().nullish(), Date: z.string().nullish() }).nullish()

export const ResultsSchema = z.object({
  Score: DtScoreSchema.nullish(),
  Validation: z
    .object({
      SMSVerification: z
        .object({ Sent: MessageSchema, Replied: MessageSchema, ConditionalRule: z.boolean().nullish() })
        .nullish(),
      EmailVerification: z.object({ Sent: MessageSchema, Replied: MessageSchema }).nullish(),
      TokenSMS: TokenStateSchema,
      TokenEmail: TokenStateSchema,
    })
    .nullish(),
  Ratings: z.array(RatingSchema).nullish(),
  Insights: z.array(InsightSchema).nullish(),
})
export type DtResults = z.infer<typeof ResultsSchema>

/**
 * A transaction as ClearSale answers it: every field the request may leave out comes back `null` (seed 004 search
 * example: "AreaCode": null, "Phone": null, "Address": null, "SessionID": null, "AdditionalInformation": null).
 */
const AddressAnswerSchema = z.object({
  ZipCode: z.string().nullish(),
  Street: z.string().nullish(),
  Number: z.string().nullish(),
  Complement: z.string().nullish(),
  District: z.string().nullish(),
  City: z.string().nullish(),
  State: z.string().nullish(),
  Country: z.string().nullish(),
  PhysicalDelivery: z.boolean().nullish(),
})
const AdditionalAnswerSchema = z.object({
  Transaction: z.string().nullish(),
  Item: z.string().nullish(),
  Price: z.string().nullish(),
  CustomerName: z.string().nullish(),
  Other: z.string().nullish(),
})
export const TransactionSchema = z.object({
  ID: z.string(),
  Document: z.string().nullish(),
  DocumentType: z.string().nullish(),
  AreaCode: z.string().nullish(),
  Phone: z.string().nullish(),
  SendOption: z.array(z.number()).nullish(),
  VerifiedPhone: z.boolean().nullish(),
  VerifiedEmail: z.boolean().nullish(),
  Address: AddressAnswerSchema.nullish(),
  Email: z.string().nullish(),
  SessionID: z.string().nullish(),
  AdditionalInformation: AdditionalAnswerSchema.nullish(),
  Type: z.number().nullish(),
  ReferenceDate: z.string().nullish(),
  CreationDate: z.string().nullish(),
  Results: ResultsSchema.nullish(),
})
export type DtTransaction = z.infer<typeof TransactionSchema>

/** seed 004 "Chaves de SMS": keys usable in the template text and the room each can take. */
export const SMS_KEYS: Record<string, number> = {
  '{nome}': 20,
  '{primeiro-nome}': 10,
  '{item}': 30,
  '{preco}': 15,
  '{outro}': 30,
  '{respostas}': 65,
}
export const SMS_TEXT_LIMIT = 160

export interface SmsTemplateCheck {
  length: number
  /** Length with every key at its maximum size: what the customer may actually receive. */
  worstCaseLength: number
  unknownKeys: string[]
  missingRespostas: boolean
  problems: ('too_long' | 'worst_case_too_long' | 'unknown_key' | 'missing_respostas' | 'empty')[]
}

/** Live checks for the SMS template editor; the sandbox applies the same ones. */
export function checkSmsTemplate(text: string, smsTypeId: number): SmsTemplateCheck {
  const keys: string[] = text.match(/\{[^{}]*\}/g) ?? []
  const unknownKeys = keys.filter((k) => !(k in SMS_KEYS))
  const worstCaseLength = keys.reduce((len, k) => len - k.length + (SMS_KEYS[k] ?? k.length), text.length)
  // {respostas} is the mandatory key of the 2nd-factor message (seed 004: "Obrigatório").
  const missingRespostas = smsTypeId === 2 && !keys.includes('{respostas}')
  const problems: SmsTemplateCheck['problems'] = []
  if (text.trim() === '') problems.push('empty')
  if (text.length > SMS_TEXT_LIMIT) problems.push('too_long')
  else if (worstCaseLength > SMS_TEXT_LIMIT) problems.push('worst_case_too_long')
  if (unknownKeys.length > 0) problems.push('unknown_key')
  if (missingRespostas) problems.push('missing_respostas')
  return { length: text.length, worstCaseLength, unknownKeys, missingRespostas, problems }
}

/** seed 004 "Tipos de Validação" of webhook notifications. */
export const WEBHOOK_TYPES: Record<number, string> = { 1: 'Token Sms', 2: 'Token Email', 4: '2FA Sms', 8: '2FA Email' }
export const WebhookNotificationSchema = z.object({
  Code: z.string().max(200),
  TypeId: z.number().int(),
  Description: z.string().max(2000).optional(),
  Date: z.string().max(40).optional(),
})
export type WebhookNotification = z.infer<typeof WebhookNotificationSchema>

/** seed 004 "fields": `transaction:a,b;result:c,d;` — the fields a search may return. */
export const SEARCH_TRANSACTION_FIELDS = [
  'id',
  'document',
  'documenttype',
  'areacode',
  'phone',
  'sendoption',
  'verifiedphone',
  'verifiedemail',
  'address',
  'email',
  'sessionid',
  'additionalinformation',
  'type',
  'creationdate',
  'referencedate',
  'user',
] as const
export const SEARCH_RESULT_FIELDS = ['score', 'validation', 'ratings', 'insights'] as const
export const SEARCH_PARAMETERS = ['document', 'phone', 'email', 'zipcode'] as const
export const SEARCH_MAX_LIMIT = 50
export const SEARCH_MAX_IDS = 50
