import { z } from 'zod'
import { channel } from './define'
import { RawAnswerSchema } from './lookup'

/* USSD over MSE (seed 003 §6.4.18–23): pushes, the partner-app tester, saved scripts, the sandbox handset. */

const text = (max: number) => z.string().max(max)
export const UssdCommandSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('menu'),
    title: text(400),
    options: z.array(z.object({ index: text(4), subtitle: text(200) })).max(40),
  }),
  z.object({ kind: z.literal('input'), content: text(400) }),
  z.object({ kind: z.literal('notify'), content: text(400) }),
])

export const UssdPushResultSchema = z.object({
  statusCode: z.number(),
  transactionId: z.string().nullable(),
  errorMessage: z.string().optional(),
  warnings: z.array(z.string()),
  /** The XML sent, password masked. */
  sentXml: z.string(),
  raw: RawAnswerSchema,
})
export type UssdPushResult = z.infer<typeof UssdPushResultSchema>

const HeadSchema = z.object({ msisdn: text(20), short_code: text(10), session_owner: text(60).optional() })
const ResponseSchema = z.union([
  z.object({ user_init: z.literal('1') }),
  z.object({ index: text(4) }),
  z.object({ input: text(200) }),
])

export const UssdExchangeSchema = z.object({
  at: z.string(),
  request: z.string(),
  response: z.string().nullable(),
  status: z.number().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
  command: UssdCommandSchema.nullable(),
})

export const UssdScriptSchema = z.object({
  version: z.literal(1),
  name: text(80).min(1),
  msisdn: text(20),
  steps: z
    .array(z.object({ press: text(200), expect: text(2000) }))
    .min(1)
    .max(100),
})
export const SavedScriptSchema = z.object({
  id: z.number(),
  createdAt: z.string(),
  appUrl: z.string(),
  script: UssdScriptSchema,
})
export type SavedScript = z.infer<typeof SavedScriptSchema>

export const ReplaySchema = z.object({
  ok: z.boolean(),
  steps: z.array(
    z.object({ press: z.string(), expected: z.string(), actual: z.string(), ok: z.boolean(), durationMs: z.number() }),
  ),
  log: z.array(UssdExchangeSchema),
})

export const UssdLogEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.string(),
  msisdn: z.string(),
  shortCode: z.string(),
  summary: z.string(),
  detail: z.string(),
})
export type UssdLogEntry = z.infer<typeof UssdLogEntrySchema>

export const HandsetSchema = z.object({
  msisdn: z.string(),
  shortCode: z.string().nullable(),
  command: UssdCommandSchema.nullable(),
  page: z.number(),
  screen: z.string(),
  ended: z.boolean(),
  /** What the partner answered the subscriber's last reply with, if anything. */
  note: z.string().nullable(),
})
export type Handset = z.infer<typeof HandsetSchema>

const msisdn = text(20)
export const ussdChannels = {
  /** A menu on a subscriber's handset is an effect: `resend` only after an uncertain push, by the analyst's choice. */
  'ussd:push': channel(
    z.strictObject({
      msisdn,
      shortCode: text(10),
      sessionOwner: text(60).optional(),
      /** §6.4.18 head: billing code, number billed, content description, transaction info (all optional). */
      billing: z
        .strictObject({
          billingcode: text(20).optional(),
          ctn_billing: text(20).optional(),
          content_description: text(100).optional(),
          transaction_info: text(200).optional(),
        })
        .optional(),
      command: UssdCommandSchema,
      resend: z.boolean().optional(),
    }),
    UssdPushResultSchema,
  ),
  'ussd:app-exchange': channel(
    z.strictObject({
      url: text(500),
      head: HeadSchema,
      response: ResponseSchema,
      timeoutMs: z.number().int().min(100).max(60_000).optional(),
    }),
    UssdExchangeSchema,
  ),
  'ussd:replay': channel(z.strictObject({ url: text(500), script: UssdScriptSchema }), ReplaySchema),
  'ussd:scripts': channel(z.strictObject({}), z.array(SavedScriptSchema)),
  'ussd:script-save': channel(z.strictObject({ appUrl: text(500), script: UssdScriptSchema }), SavedScriptSchema),
  'ussd:script-delete': channel(z.strictObject({ id: z.number().int() }), z.object({ deleted: z.boolean() })),
  'ussd:log': channel(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    z.array(UssdLogEntrySchema),
  ),
  /** Sandbox only: the subscriber's handset, and a key or text typed on it. */
  'sandbox:ussd-handset': channel(z.strictObject({ msisdn }), HandsetSchema),
  'sandbox:ussd-key': channel(z.strictObject({ msisdn, key: text(200) }), HandsetSchema),
  /** Sandbox only: the demo partner application's URL, and which version of its answers it gives (to see a replay fail). */
  'sandbox:ussd-demo': channel(
    z.strictObject({ variant: z.enum(['a', 'b']).optional() }),
    z.object({ url: z.string(), variant: z.enum(['a', 'b']) }),
  ),
}
