import { Agent, errors, request } from 'undici'
import type { RawAnswer } from '../../../src-shared/contract/lookup'
import type { z } from 'zod'
import { AppFailure } from '../errors'
import { forbiddenHost } from '../../../src-shared/domain/net'
import { guardedLookup } from './address'

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
  /** Whole-request limit. */
  timeoutMs?: number
}

export interface HttpAnswer {
  status: number
  headers: Record<string, string>
  body: string
  durationMs: number
}

const MAX_RAW_BODY = 64 * 1024
const DEFAULT_TIMEOUT_MS = 15_000
/** No provider answer is this large (a 50-transaction search is ~100 KiB): past it the reading stops (issue #14). */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024

/**
 * One keep-alive pool for every provider call of the process (undici). Network failures become AppFailures
 * the user can act on: `provider_timeout` and `provider_unreachable`, naming the provider.
 */
export class HttpClient {
  private readonly agent = new Agent({
    keepAliveTimeout: 30_000,
    connections: 64,
    // Whatever a name resolves to when it connects is checked again (issue #23 item 4, infra/http/address.ts).
    connect: { timeout: 10_000, lookup: guardedLookup },
  })

  /** The limit of a request that names none (single lookups and forms). */
  constructor(readonly defaultTimeoutMs: number = DEFAULT_TIMEOUT_MS) {}

  async send(provider: string, req: HttpRequest): Promise<HttpAnswer> {
    const timeoutMs = req.timeoutMs ?? this.defaultTimeoutMs
    const started = performance.now()
    // A link-local or metadata address never receives a request, however it is spelled (names: guardedLookup).
    if (forbiddenHost(req.url))
      throw new AppFailure('address.forbidden', { url: (req.url.split('?')[0] ?? '').slice(0, 200) })
    try {
      const res = await request(req.url, {
        dispatcher: this.agent,
        method: req.method,
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: req.body }),
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      })
      const tooLarge = (): AppFailure =>
        new AppFailure('provider_answer_too_large', { provider, limit: `${MAX_ANSWER_BYTES / 1024 / 1024} MiB` })
      if (Number(res.headers['content-length'] ?? 0) > MAX_ANSWER_BYTES) {
        res.body.destroy()
        throw tooLarge()
      }
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length
        if (size > MAX_ANSWER_BYTES) {
          res.body.destroy()
          throw tooLarge()
        }
        chunks.push(chunk as Buffer)
      }
      const body = Buffer.concat(chunks).toString('utf8')
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(res.headers))
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
      return { status: res.statusCode, headers, body, durationMs: performance.now() - started }
    } catch (error) {
      if (error instanceof AppFailure) throw error
      const name = (error as Error).name
      if (
        name === 'TimeoutError' ||
        name === 'AbortError' ||
        error instanceof errors.HeadersTimeoutError ||
        error instanceof errors.BodyTimeoutError ||
        error instanceof errors.ConnectTimeoutError
      ) {
        throw new AppFailure('provider_timeout', { provider, seconds: Math.round(timeoutMs / 1000) })
      }
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? name
      if (cause === 'EADDRFORBIDDEN') throw new AppFailure('address.forbidden', { url: new URL(req.url).origin })
      throw new AppFailure('provider_unreachable', { provider, reason: String(cause) })
    }
  }

  close(): Promise<void> {
    return this.agent.close()
  }
}

/** The raw answer as the user may inspect it: body capped, query string dropped (MSE puts pwd there). */
export function rawAnswer(req: HttpRequest, answer: HttpAnswer): RawAnswer {
  const url = new URL(req.url)
  return {
    method: req.method,
    url: `${url.origin}${url.pathname}`,
    status: answer.status,
    contentType: answer.headers['content-type'] ?? '',
    body: answer.body.slice(0, MAX_RAW_BODY),
    truncated: answer.body.length > MAX_RAW_BODY,
    durationMs: Math.round(answer.durationMs * 10) / 10,
  }
}

/**
 * Parses a 200 answer against the schema the seeds describe. Never guesses: a body that is not JSON or not of that
 * shape becomes `<provider>.unexpected_answer` with the raw body for the user to see.
 */
export function parseAnswer<T>(
  provider: 'claro' | 'clearsale',
  schema: z.ZodType<T>,
  answer: HttpAnswer,
  raw: RawAnswer,
  what: string,
): T {
  let json: unknown
  try {
    json = JSON.parse(answer.body)
  } catch {
    throw new AppFailure(`${provider}.unexpected_answer`, { what }, { raw })
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new AppFailure(`${provider}.unexpected_answer`, { what }, { raw })
  return parsed.data
}

/** A body as JSON, or null when it is not JSON (the caller's schema then refuses it). */
export function safeJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return null
  }
}
