import type { z } from 'zod'
import {
  channels,
  type AppError,
  ErrorCodes,
  isChannelName,
  type ChannelName,
  type InvokeResult,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../src-shared/contract'
import type { Translate } from '../../src-shared/i18n'
import { AppFailure, asFailure, toAppError } from '../infra/errors'
import { errorFields, type Logger } from '../infra/log'

export type Handler<C extends ChannelName> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>
export type Handlers = { [C in ChannelName]: Handler<C> }

export interface Router {
  /** Never rejects: every outcome, including a bug in a handler, is an InvokeResult. */
  invoke(channel: unknown, payload: unknown): Promise<InvokeResult<unknown>>
}

export const MAX_PAYLOAD_BYTES = 1024 * 1024
const MAX_ISSUES = 10
const MAX_ECHO = 120

export interface RouterDeps {
  translate: () => Translate
  log: Logger
  /** Applied to every error before it leaves the core (messages may quote provider answers). */
  redact?: (error: AppError) => AppError
}

/** Shortens anything the caller sent before it is echoed back in an error. */
function echo(value: unknown): string {
  const text = typeof value === 'string' ? value : `<${typeof value}>`
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text
}

function payloadSize(payload: unknown): number {
  try {
    return JSON.stringify(payload ?? null).length
  } catch {
    return Number.POSITIVE_INFINITY // cyclic or not serialisable: treat as oversized rather than crash
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): { path: string; code: string; message: string }[] {
  return issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, MAX_ECHO),
    code: issue.code,
    message: echo(issue.message),
  }))
}

export function createRouter(handlers: Handlers, deps: RouterDeps): Router {
  const redact = deps.redact ?? ((error: AppError) => error)
  const fail = (failure: AppFailure): InvokeResult<unknown> => ({
    ok: false,
    error: redact(toAppError(failure, deps.translate())),
  })

  return {
    async invoke(channel, payload) {
      if (!isChannelName(channel)) {
        return fail(new AppFailure(ErrorCodes.unknownChannel, { channel: echo(channel) }))
      }
      if (payloadSize(payload) > MAX_PAYLOAD_BYTES) {
        return fail(new AppFailure(ErrorCodes.payloadTooLarge, { limit: MAX_PAYLOAD_BYTES }))
      }
      const def = channels[channel]
      const parsed = def.request.safeParse(payload)
      if (!parsed.success) {
        const issues = describeIssues(parsed.error.issues)
        const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
        return fail(new AppFailure(ErrorCodes.invalidRequest, { channel, summary }, { issues }))
      }
      try {
        const handler = handlers[channel] as (request: unknown) => unknown
        const answer = await handler(parsed.data)
        // Parsing the answer too strips any field the contract does not declare (defence against leaks).
        const checked = def.response.safeParse(answer)
        if (!checked.success) {
          deps.log.error('router.response_schema', { channel, issues: describeIssues(checked.error.issues) })
          return fail(new AppFailure(ErrorCodes.internal))
        }
        return { ok: true, data: checked.data }
      } catch (error) {
        const failure = asFailure(error)
        if (failure.code === ErrorCodes.internal)
          deps.log.error('router.handler_failed', { channel, ...errorFields(error) })
        return fail(failure)
      }
    },
  }
}
