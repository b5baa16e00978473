import type { z } from 'zod'
import type { RawAnswer } from '../../../src-shared/contract/lookup'
import {
  TransactionSchema,
  ResultsSchema,
  type DtTransaction,
  type TransactionRequest,
} from '../../../src-shared/domain/clearsale'
import type { ClearSaleCredential } from '../../../src-shared/domain/credentials'
import type { Environment } from '../../../src-shared/domain/environment'
import { AppFailure } from '../../infra/errors'
import { parseAnswer, rawAnswer, safeJson, type HttpClient, type HttpRequest } from '../../infra/http/client'
import type { TokenManager, TokenSlot } from '../../infra/http/tokens'
import { CLEARSALE_PATHS } from './paths'
import {
  AuthResponseSchema,
  EntityConfigSchema,
  ListingSchema,
  SmsConfigSchema,
  ValidateResponseSchema,
} from './schemas'
import { failureFor, type Answer, type Purpose } from './errors'

import type { Listing } from './schemas'

export type { Listing }

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

export class ClearSaleClient {
  private readonly slot: TokenSlot

  constructor(private readonly deps: ClearSaleClientDeps) {
    const { username, password } = deps.credential
    this.slot = {
      env: deps.env,
      name: 'clearsale',
      credential: { username, password },
      baseUrl: deps.baseUrl,
      renewOnlyAfterExpiry: true,
    }
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
    // seed 004: 400 "Username or Password is incorrect". A 404 is a wrong address (seeds/README.md, second audit):
    // neither is ever a fact about a customer; a 429 or 5xx stays transient.
    const status = result.answer.status
    if ([400, 401, 403].includes(status)) throw new AppFailure('clearsale.auth_failed', {}, { raw: result.raw })
    if (status === 404) throw new AppFailure('clearsale.auth_not_found', { status }, { raw: result.raw })
    if (status === 429 || status >= 500) throw failureFor(result)
    if (status !== 200) throw new AppFailure('clearsale.auth_unexpected', { status }, { raw: result.raw })
    const auth = AuthResponseSchema.safeParse(safeJson(result.answer.body))
    if (!auth.success) throw new AppFailure('clearsale.auth_unexpected', { status }, { raw: result.raw })
    const parsed = auth.data
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
