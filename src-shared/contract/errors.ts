import { z } from 'zod'

/**
 * Every failure that crosses a boundary (IPC, HTTP bridge, CLI) is this value: a stable code the UI
 * translates, a message already in the user's language, and an optional JSON detail (never a stack).
 */
export const AppErrorSchema = z.object({
  code: z.string().max(100),
  message: z.string().max(4000),
  detail: z.json().optional(),
})
export type AppError = z.infer<typeof AppErrorSchema>

/** Codes raised by the contract layer itself; providers add their own later. */
export const ErrorCodes = {
  invalidRequest: 'invalid_request',
  unknownChannel: 'unknown_channel',
  internal: 'internal',
  payloadTooLarge: 'payload_too_large',
} as const
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes]

export type InvokeResult<T> = { ok: true; data: T } | { ok: false; error: AppError }

export const InvokeResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
])
