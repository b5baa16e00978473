import { randomBytes, randomUUID } from 'node:crypto'
import { AlertEventTypeSchema } from '../../../../src-shared/domain/claro'
import { parseCpf } from '../../../../src-shared/domain/cpf'
import type { SandboxKnobs } from '../../../../src-shared/domain/settings'
import type { SandboxProvider, SandboxRequest, SandboxResponse } from '../../../infra/sandbox/host'
import { ALERT_PERSONAS, SCORE_PERSONAS, derivedAlertEvents, derivedScore } from './personas'
import { CLARO_PATHS } from '../paths'

/*
 * Claro's API as seeds 000/001/002 describe it: OAuth2 client-credentials token, then Alerta and Score with
 * `x-client-auth: Bearer`, `X-CustomerID`, JSON bodies, and the documented error envelope.
 */

const JSON_TYPE = 'application/json'
/** X-CustomerID of a company whose contract does not include the product: 403. */
export const SANDBOX_FORBIDDEN_CUSTOMER = 'EMPRESA_BLOQUEADA'
/** Keys starting with this are refused at the token endpoint: 401. */
const SANDBOX_REVOKED_KEY_PREFIX = 'revoked'

const MESSAGES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', 'A solicitação não pôde ser entendida pelo servidor devido à sintaxe incorreta.'],
  401: ['UNAUTHORIZED', 'A solicitação requer autenticação do usuário.'],
  403: ['FORBIDDEN', 'O servidor entendeu a solicitação, mas está se recusando a atendê-la.'],
  404: ['NOT_FOUND', 'O servidor não encontrou nada que corresponda ao Request-URI.'],
  406: [
    'NOT_ACCEPTABLE',
    'Servidor não pode produzir uma resposta que combine com a lista de valores aceitáveis definidas.',
  ],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'O formato do payload não é um formato suportado.'],
  429: ['TOO_MANY_REQUESTS', 'Limite de requisições excedido.'],
  500: ['INTERNAL_SERVER_ERROR', 'O servidor falhou ao atender uma solicitação aparentemente válida.'],
}

/** seed 001 "Exemplo de json de retorno" (error): apiVersion, transactionId, error{…, link{rel,href}}. */
function claroError(status: number, detailedMessage: string, headers: Record<string, string> = {}): SandboxResponse {
  const [errorCode, message] = MESSAGES[status] ?? ['ERROR', 'Erro.']
  const body = {
    apiVersion: '1',
    transactionId: randomUUID(),
    error: {
      httpCode: String(status),
      errorCode: `CLARO-${status}-${errorCode}`,
      message,
      detailedMessage,
      link: { rel: 'related', href: `https://api.claro.com.br/docs/errors/${status}` },
    },
  }
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(body) }
}

function json(body: unknown): SandboxResponse {
  return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: JSON.stringify(body) }
}

/** Timestamps as Claro's back end writes them: local Brasília time with offset. */
function brasiliaTimestamp(date: Date): string {
  const local = new Date(date.getTime() - 3 * 3_600_000)
  return `${local.toISOString().slice(0, 19)}-03:00`
}

function header(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

export function createClaroSandbox(now: () => Date = () => new Date()): SandboxProvider {
  const tokens = new Map<string, number>()

  const token = (request: SandboxRequest, knobs: SandboxKnobs): SandboxResponse => {
    if (!(header(request, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
      return claroError(415, 'Content-Type deve ser application/x-www-form-urlencoded.')
    }
    if (new URLSearchParams(request.body.toString('utf8')).get('grant_type') !== 'client_credentials') {
      return claroError(400, 'grant_type deve ser client_credentials.')
    }
    const auth = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header(request, 'x-client-auth') ?? '')
    const decoded = auth?.[1] ? Buffer.from(auth[1], 'base64').toString('utf8') : ''
    const colon = decoded.indexOf(':')
    if (colon <= 0 || colon === decoded.length - 1)
      return claroError(401, 'x-client-auth deve ser Basic base64(key:secret).')
    if (decoded.startsWith(SANDBOX_REVOKED_KEY_PREFIX))
      return claroError(401, 'Aplicação revogada ou credenciais inválidas.')
    const accessToken = randomBytes(24).toString('base64url')
    tokens.set(accessToken, now().getTime() + knobs.tokenLifetimeSeconds * 1000)
    return json({ access_token: accessToken, token_type: 'Bearer', expires_in: knobs.tokenLifetimeSeconds })
  }

  /** Checks shared by both products; returns the parsed body's customer object or an error answer. */
  const guard = (request: SandboxRequest): { error: SandboxResponse } | { customer: Record<string, unknown> } => {
    const bearer = /^Bearer (\S+)$/.exec(header(request, 'x-client-auth') ?? '')?.[1]
    const expiry = bearer ? tokens.get(bearer) : undefined
    if (expiry === undefined || expiry <= now().getTime())
      return { error: claroError(401, 'Token ausente, inválido ou expirado.') }
    const customerId = header(request, 'x-customerid')
    if (!customerId) return { error: claroError(400, 'Cabeçalho X-CustomerID obrigatório.') }
    if (customerId === SANDBOX_FORBIDDEN_CUSTOMER)
      return { error: claroError(403, 'O contrato deste cliente não inclui este produto.') }
    const accept = header(request, 'accept')
    if (accept && !/application\/json|\*\/\*|application\/\*/.test(accept))
      return { error: claroError(406, 'Só application/json é produzido.') }
    if (!(header(request, 'content-type') ?? '').startsWith(JSON_TYPE))
      return { error: claroError(415, 'Content-Type deve ser application/json.') }
    let body: unknown
    try {
      body = JSON.parse(request.body.toString('utf8'))
    } catch {
      return { error: claroError(400, 'Corpo não é JSON válido.') }
    }
    const customer = (body as { data?: { customer?: unknown } } | null)?.data?.customer
    if (typeof customer !== 'object' || customer === null)
      return { error: claroError(400, 'Esperado {"data":{"customer":{…}}}.') }
    return { customer: customer as Record<string, unknown> }
  }

  const alerts = (request: SandboxRequest, knobs: SandboxKnobs): SandboxResponse => {
    const checked = guard(request)
    if ('error' in checked) return checked.error
    const msisdn = checked.customer['networkMsisdn']
    if (typeof msisdn !== 'string' || !/^55\d{11}$/.test(msisdn))
      return claroError(400, 'networkMsisdn obrigatório: 55 + DDD + número (13 dígitos).')
    const filterHeader = header(request, 'event-types')
    const filter = filterHeader ? filterHeader.split(',').map((s) => s.trim()) : null
    if (filter?.some((name) => !AlertEventTypeSchema.safeParse(name).success))
      return claroError(400, `event-types inválido: ${filterHeader}`)
    const persona = ALERT_PERSONAS.find((p) => p.msisdn === msisdn)
    if (persona?.status)
      return claroError(
        persona.status,
        persona.status === 404 ? 'networkMsisdn não encontrado na base.' : 'Falha simulada.',
      )
    const events = [
      ...(persona?.events ?? derivedAlertEvents(msisdn)).map((e) => ({
        eventName: e.eventName,
        // Anchored to today's midnight (UTC), not to this instant: a line's history is the same fact on every
        // ask during the day — what a watchlist compares pass after pass (issue #17) — and "ontem" stays 1 day.
        timestamp: brasiliaTimestamp(
          new Date(Math.floor(now().getTime() / 86_400_000) * 86_400_000 - e.daysAgo * 86_400_000),
        ),
      })),
      // Events added "now" through the knob (sentinela sandbox-event), as the line's newest.
      ...knobs.extraEvents
        .filter((e) => e.msisdn === msisdn)
        .map((e) => ({ eventName: e.eventName, timestamp: brasiliaTimestamp(new Date(e.at)) })),
    ].filter((e) => !filter || filter.includes(e.eventName))
    return json({ data: { customer: { profileEvents: events } } })
  }

  const scores = (request: SandboxRequest): SandboxResponse => {
    const checked = guard(request)
    if ('error' in checked) return checked.error
    const idCpf = checked.customer['idCpf']
    const cpf = typeof idCpf === 'string' ? parseCpf(idCpf) : null
    if (!cpf?.ok) return claroError(400, 'idCpf obrigatório: 11 dígitos com dígitos verificadores válidos.')
    const persona = SCORE_PERSONAS.find((p) => p.cpf === cpf.cpf)
    if (persona?.status)
      return claroError(persona.status, persona.status === 404 ? 'CPF não encontrado na base.' : 'Falha simulada.')
    if (persona?.unexpected) return json({ data: { customer: { rating: 'B' } } })
    // seeds/README.md: the assumed Score answer shape.
    return json({ data: { customer: { score: persona?.score ?? derivedScore(cpf.cpf) } } })
  }

  return {
    name: 'claro',
    handle(request, knobs) {
      if (request.method === 'POST' && request.path === CLARO_PATHS.token) return token(request, knobs)
      if (request.method === 'POST' && request.path === '/__sandbox/revoke-tokens') {
        // Every issued token stops working: the next call gets 401 (a token revoked mid-run).
        tokens.clear()
        return { status: 204 }
      }
      if (request.method === 'POST' && request.path === CLARO_PATHS.alerts) return alerts(request, knobs)
      if (request.method === 'POST' && request.path === CLARO_PATHS.scores) return scores(request)
      return claroError(404, `Recurso inexistente: ${request.method} ${request.path}`)
    },
    failure(status, retryAfterSeconds) {
      return claroError(
        status,
        status === 429 ? 'Tente novamente mais tarde.' : 'Falha simulada do sandbox.',
        retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : {},
      )
    },
  }
}
