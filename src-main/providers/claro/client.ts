import type { RawAnswer } from '../../../src-shared/contract/lookup'
import type { AlertEvent, AlertEventType } from '../../../src-shared/domain/claro'
import type { ClaroCredential } from '../../../src-shared/domain/credentials'
import type { Environment } from '../../../src-shared/domain/environment'
import { AppFailure } from '../../infra/errors'
import {
  parseAnswer,
  rawAnswer,
  safeJson,
  type HttpAnswer,
  type HttpClient,
  type HttpRequest,
} from '../../infra/http/client'
import type { TokenManager, TokenSlot } from '../../infra/http/tokens'
import { CLARO_PATHS } from './paths'
import { failureFor, tokenFailureFor } from './errors'
import { AlertsResponseSchema, DEFAULT_TOKEN_LIFETIME_S, ScoreResponseSchema, TokenResponseSchema } from './schemas'

export interface ClaroClientDeps {
  http: HttpClient
  tokens: TokenManager
  baseUrl: string
  env: Environment
  credential: ClaroCredential
  timeoutMs?: number
  /** Awaited before every product request, retries included (batch rate limits). */
  gate?: () => Promise<void>
}

/** Claro's Alerta and Score over one base URL, with the token shared through the TokenManager. */
export class ClaroClient {
  private readonly slot: TokenSlot

  constructor(private readonly deps: ClaroClientDeps) {
    this.slot = { env: deps.env, name: 'claro', credential: deps.credential, baseUrl: deps.baseUrl }
  }

  private async fetchToken() {
    const { key, secret } = this.deps.credential
    const req: HttpRequest = {
      method: 'POST',
      url: this.deps.baseUrl + CLARO_PATHS.token,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'cache-control': 'no-cache',
        'x-client-auth': `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
      timeoutMs: this.deps.timeoutMs,
    }
    const answer = await this.deps.http.send('Claro', req)
    const raw = rawAnswer(req, answer)
    if (answer.status !== 200) throw tokenFailureFor(answer, raw)
    // A 200 that is not a token (an HTML page, another API) is a wrong address as well.
    const token = TokenResponseSchema.safeParse(safeJson(answer.body))
    if (!token.success) throw new AppFailure('claro.token_unexpected', { status: answer.status }, { raw })
    const parsed = token.data
    const lifetimeS = parsed.expires_in === undefined ? DEFAULT_TOKEN_LIFETIME_S : Number(parsed.expires_in)
    return {
      token: parsed.access_token,
      expiresAt: new Date(Date.now() + lifetimeS * 1000),
      lifetimeMs: lifetimeS * 1000,
    }
  }

  /** POSTs a product call with the Bearer token; on 401 renews the token once and retries once. */
  private async call(
    path: string,
    body: unknown,
    extraHeaders: Record<string, string>,
  ): Promise<{ answer: HttpAnswer; raw: RawAnswer }> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.deps.tokens.get(this.slot, () => this.fetchToken())
      const req: HttpRequest = {
        method: 'POST',
        url: this.deps.baseUrl + path,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'cache-control': 'no-cache',
          'x-client-auth': `Bearer ${token.token}`,
          'X-CustomerID': this.deps.credential.customerId,
          ...extraHeaders,
        },
        body: JSON.stringify(body),
        timeoutMs: this.deps.timeoutMs,
      }
      await this.deps.gate?.()
      const answer = await this.deps.http.send('Claro', req)
      const raw = rawAnswer(req, answer)
      if (answer.status === 401 && attempt === 0) {
        this.deps.tokens.invalidate(this.slot, token.token)
        continue
      }
      if (answer.status !== 200) throw failureFor(answer, raw)
      return { answer, raw }
    }
  }

  /** seed 001: body `{"data":{"customer":{"networkMsisdn":…}}}`, optional `event-types` header. */
  async alerts(
    msisdn: string,
    filter: readonly AlertEventType[] = [],
  ): Promise<{ events: AlertEvent[]; raw: RawAnswer }> {
    const headers: Record<string, string> = filter.length > 0 ? { 'event-types': filter.join(',') } : {}
    const { answer, raw } = await this.call(
      CLARO_PATHS.alerts,
      { data: { customer: { networkMsisdn: msisdn } } },
      headers,
    )
    return {
      events: parseAnswer('claro', AlertsResponseSchema, answer, raw, 'alerts').data.customer.profileEvents,
      raw,
    }
  }

  /** seed 002: body `{"data":{"customer":{"idCpf":…}}}`. */
  async score(cpf: string): Promise<{ score: number; raw: RawAnswer }> {
    const { answer, raw } = await this.call(CLARO_PATHS.scores, { data: { customer: { idCpf: cpf } } }, {})
    return { score: parseAnswer('claro', ScoreResponseSchema, answer, raw, 'score').data.customer.score, raw }
  }
}
