import { z } from 'zod'
import type { RawAnswer } from '../../../src-shared/contract/lookup'
import {
  TransactionSchema,
  ResultsSchema,
  tokenState,
  type DtTransaction,
  type TransactionRequest,
} from '../../../src-shared/domain/clearsale'
import type { ClearSaleCredential } from '../../../src-shared/domain/credentials'
import type { Environment } from '../../../src-shared/domain/environment'
import { AppFailure } from '../../infra/errors'
import { parseAnswer, rawAnswer, type HttpAnswer, type HttpClient, type HttpRequest } from '../../infra/http/client'
import type { TokenManager, TokenSlot } from '../../infra/http/tokens'
import { CLEARSALE_PATHS } from './paths'

/** seed 004: `{"token", "expiresInSeconds"}` (a string in the example; a number is accepted too). */
const AuthResponseSchema = z.object({
  token: z.string().min(1),
  expiresInSeconds: z.union([z.string().regex(/^\d+$/), z.number()]),
})
/** seed 004: `{"result", "date"}`; `Result` and the seed's spelling "Incorret" are read too. */
const ValidateResponseSchema = z
  .object({ result: z.string().nullish(), Result: z.string().nullish(), date: z.string().nullish() })
  .refine((v) => typeof (v.result ?? v.Result) === 'string', { message: 'result missing' })
  .transform((v) => ({ result: tokenState(v.result ?? v.Result ?? ''), date: v.date ?? null }))
/** Search answers (seed 004) use `id`/`Result` where single reads use `ID`/`Results`: both are normalised. */
const ListingSchema = z.object({
  location: z.number().optional(),
  totalPages: z.number().optional(),
  totalTransactions: z.number().optional(),
  Transactions: z.array(z.record(z.string(), z.unknown())),
})
const SmsConfigSchema = z.object({ Text: z.string(), Active: z.boolean().optional(), SmsTypeId: z.number() })
const EntityConfigSchema = z.object({ creationDate: z.string().nullish(), conditionalSmsSending: z.boolean() })

export type Listing = z.infer<typeof ListingSchema>

export interface ClearSaleClientDeps {
  http: HttpClient
  tokens: TokenManager
  baseUrl: string
  env: Environment
  credential: ClearSaleCredential
  timeoutMs?: number
  /** Awaited before every product request, retries included (batch rate limits). */
  gate?: () => Promise<void>
}

type Answer = { answer: HttpAnswer; raw: RawAnswer }

/** What a request was for: each kind of 400 (seed 004) gets its own message. */
type Purpose = 'transaction' | 'search' | 'config' | 'validate'
const BAD_REQUEST: Record<Purpose, string> = {
  transaction: 'clearsale.bad_request',
  search: 'clearsale.search_bad_request',
  config: 'clearsale.config_bad_request',
  validate: 'clearsale.bad_request',
}

/** seed 004 statuses → error codes; a 400 carries the field → messages map in its detail. */
function failureFor({ answer, raw }: Answer, purpose: Purpose = 'transaction'): AppFailure {
  if (answer.status === 400) {
    let fields: Record<string, unknown> = {}
    let summary: string
    try {
      const parsed: unknown = JSON.parse(answer.body)
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a field map')
      fields = parsed as Record<string, unknown>
      summary = Object.entries(fields)
        .map(([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`)
        .join('; ')
    } catch {
      // Not the seed's field → messages map: the body's own text is what the user needs to read.
      summary = answer.body.replace(/\s+/g, ' ').trim() || `HTTP ${answer.status}`
    }
    return new AppFailure(BAD_REQUEST[purpose], { detail: summary.slice(0, 1000) }, { raw, fields: fields as never })
  }
  const code =
    { 401: 'clearsale.unauthorized', 404: 'clearsale.not_found', 429: 'clearsale.rate_limited' }[answer.status] ??
    (answer.status >= 500 ? 'clearsale.server_error' : 'clearsale.unexpected_status')
  return new AppFailure(code, { status: answer.status, retryAfter: answer.headers['retry-after'] ?? '' }, { raw })
}

export class ClearSaleClient {
  private readonly slot: TokenSlot

  constructor(private readonly deps: ClearSaleClientDeps) {
    const { username, password } = deps.credential
    this.slot = { env: deps.env, name: 'clearsale', credential: { username, password }, renewOnlyAfterExpiry: true }
  }

  private async send(req: HttpRequest): Promise<Answer> {
    const answer = await this.deps.http.send('ClearSale', { ...req, timeoutMs: this.deps.timeoutMs })
    return { answer, raw: rawAnswer(req, answer) }
  }

  private async authenticate() {
    const body = JSON.stringify({ Username: this.deps.credential.username, Password: this.deps.credential.password })
    const result = await this.send({
      method: 'POST',
      url: this.deps.baseUrl + CLEARSALE_PATHS.authentication,
      headers: { 'Content-Type': 'application/json' },
      body,
    })
    if (result.answer.status === 400) throw new AppFailure('clearsale.auth_failed', {}, { raw: result.raw })
    if (result.answer.status !== 200) throw failureFor(result)
    const parsed = this.parse(AuthResponseSchema, result, 'authentication')
    const lifetimeMs = Number(parsed.expiresInSeconds) * 1000
    return { token: parsed.token, expiresAt: new Date(Date.now() + lifetimeMs), lifetimeMs }
  }

  /** Calls with the Bearer token; on 401 authenticates again once and retries once. 204 → null. */
  private async call(
    method: 'GET' | 'POST',
    path: string,
    query?: Record<string, string | number | undefined>,
    body?: unknown,
    purpose: Purpose = 'transaction',
  ): Promise<Answer | null> {
    const qs = new URLSearchParams()
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v))
    const url = `${this.deps.baseUrl}${path}${qs.size ? `?${qs}` : ''}`
    for (let attempt = 0; ; attempt++) {
      const token = await this.deps.tokens.get(this.slot, () => this.authenticate())
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: `Bearer ${token.token}`,
      }
      await this.deps.gate?.()
      const result = await this.send({
        method,
        url,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      if (result.answer.status === 401 && attempt === 0) {
        this.deps.tokens.invalidate(this.slot, token.token)
        continue
      }
      if (result.answer.status === 204) return null
      if (result.answer.status !== 200) throw failureFor(result, purpose)
      return result
    }
  }

  private parse<T>(schema: z.ZodType<T>, { answer, raw }: Answer, what: string): T {
    return parseAnswer('clearsale', schema, answer, raw, what)
  }

  async sendTransaction(request: TransactionRequest): Promise<{ transaction: DtTransaction; raw: RawAnswer }> {
    const result = await this.call('POST', CLEARSALE_PATHS.transactions, undefined, request)
    if (!result) throw new AppFailure('clearsale.unexpected_status', { status: 204, retryAfter: '' })
    return { transaction: this.parse(TransactionSchema, result, 'transaction'), raw: result.raw }
  }

  async get(id: string): Promise<{ transaction: DtTransaction; raw: RawAnswer } | null> {
    const result = await this.call('GET', CLEARSALE_PATHS.transaction(id))
    return result ? { transaction: this.parse(TransactionSchema, result, 'transaction'), raw: result.raw } : null
  }

  async result(id: string) {
    const result = await this.call('GET', CLEARSALE_PATHS.result(id))
    return result ? { results: this.parse(ResultsSchema, result, 'result'), raw: result.raw } : null
  }

  async search(
    path: string,
    query: Record<string, string | number | undefined>,
  ): Promise<{ listing: Listing | null; raw: RawAnswer | null }> {
    const result = await this.call('GET', path, query, undefined, 'search')
    return result
      ? { listing: this.parse(ListingSchema, result, 'search'), raw: result.raw }
      : { listing: null, raw: null }
  }

  async validateToken(id: string, token: string) {
    const result = await this.call('POST', CLEARSALE_PATHS.validate(id), { token })
    if (!result) throw new AppFailure('clearsale.unexpected_status', { status: 204, retryAfter: '' })
    return { ...this.parse(ValidateResponseSchema, result, 'validate'), raw: result.raw }
  }

  async setSmsTemplate(config: { Text: string; Active: boolean; SmsTypeId: number }): Promise<void> {
    await this.call('POST', CLEARSALE_PATHS.smsConfiguration, undefined, config, 'config')
  }

  async getSmsTemplate(smsTypeId: number) {
    const result = await this.call('GET', CLEARSALE_PATHS.smsConfiguration, { smsTypeId }, undefined, 'config')
    return result ? this.parse(SmsConfigSchema, result, 'sms configuration') : null
  }

  async setConditionalSms(enabled: boolean): Promise<void> {
    await this.call(
      'POST',
      CLEARSALE_PATHS.entityConfiguration,
      { conditionalSmsSending: String(enabled) },
      undefined,
      'config',
    )
  }

  async getConditionalSms() {
    const result = await this.call('GET', CLEARSALE_PATHS.entityConfiguration, undefined, undefined, 'config')
    return result ? this.parse(EntityConfigSchema, result, 'entity configuration') : null
  }
}
