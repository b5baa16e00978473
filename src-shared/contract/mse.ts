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
  /** What was sent (query or form body), `pwd` masked: the secret never leaves the main process. */
  sent: z.object({ method: z.enum(['GET', 'POST']), form: z.string() }),
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
  /** The receipt's parameters (INITIALDATE, FINALDATE, SMPP_*, MSGSTATUS, ANUM/BNUM swapped). */
  receiptParams: z.record(z.string(), z.string()).nullable(),
})
export type MseMessage = z.infer<typeof MseMessageSchema>

/** One MIME part of an MMS MO (seed 003 §6.4.7.1), decoded. */
export const MmsPartSchema = z.object({
  contentType: z.string(),
  name: z.string().nullable(),
  contentId: z.string().nullable(),
  size: z.number(),
  /** Text and SMIL parts, decoded. */
  text: z.string().nullable(),
  /** Images only, as a data: URL (≤ 256 KiB). */
  dataUrl: z.string().nullable(),
})
export type MmsPart = z.infer<typeof MmsPartSchema>

/** An MO delivered by MSE: SMS (§6.4.5.1, GET in ISO-8859-1) or MMS (§6.4.7.1, POST XML with CDATA). */
export const MseInboundSchema = z.object({
  kind: z.enum(['sms', 'mms', 'ussd']),
  /** MSE's ID (SMS) or MSG_ID (MMS). */
  id: z.string(),
  anum: z.string(),
  bnum: z.string(),
  /** The SMS text, or the MMS subject and text parts. */
  text: z.string(),
  at: z.string(),
  subject: z.string().optional(),
  parts: z.array(MmsPartSchema).optional(),
  warnings: z.array(z.string()).optional(),
})
export type MseInbound = z.infer<typeof MseInboundSchema>
export type MmsMo = {
  id: string
  anum: string
  bnum: string
  subject: string
  from: string
  to: string
  date: string | null
  parts: MmsPart[]
  warnings: string[]
  at: string
}

export const mseEvents = {
  /**
   * An async-delivery answer (§6.4.1.1): an SMS receipt, or the outputs of a service answered later (LBS/IMEI
   * torpedoes, §6.4.12/§6.4.17), with its status code and error message (110 No Device Response).
   */
  'mse:receipt': z.object({
    transactionId: z.string(),
    status: z.string(),
    statusCode: z.number().default(0),
    parameters: z.record(z.string(), z.string()).default({}),
    errorMessage: z.string().nullable().default(null),
    message: MseMessageSchema.nullable(),
  }),
  'mse:mo': MseInboundSchema,
}

export const mseChannels = {
  'mse:inbox': channel(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    z.array(MseInboundSchema),
  ),
  /** Sandbox only: a subscriber sends an SMS or MMS to the partner's number (MSE then delivers the MO). */
  'sandbox:mse-mo': channel(
    z.strictObject({
      kind: z.enum(['sms', 'mms']).default('sms'),
      anum: z.string().max(20),
      bnum: z.string().max(20),
      text: z.string().max(1000),
      subject: z.string().max(100).optional(),
      withImage: z.boolean().default(false),
    }),
    z.object({ delivered: z.boolean() }),
  ),
  /** Sandbox only: the virtual handsets and the SMS each received. */
  'sandbox:sms-handsets': channel(
    z.strictObject({}),
    z.array(
      z.object({
        msisdn: z.string(),
        messages: z.array(
          z.object({
            service: z.string(),
            from: z.string(),
            text: z.string(),
            at: z.string(),
            transactionId: z.string(),
          }),
        ),
      }),
    ),
  ),
  'mse:messages': channel(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    z.array(MseMessageSchema),
  ),
  'mse:call': channel(
    z.strictObject({
      service: z.string().max(40),
      mode: z.string().max(20),
      params: z.record(z.string().max(40), z.string().max(300_000)),
      confirmCharge: z.string().max(20).optional(),
      /** Send again although an identical send ended "resultado incerto" (seed 003 has no lookup to settle it). */
      resend: z.boolean().optional(),
    }),
    MseCallResultSchema,
  ),
}
