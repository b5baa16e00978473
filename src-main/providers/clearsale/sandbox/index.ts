import { randomBytes } from 'node:crypto'
import { request as httpRequest } from 'undici'
import type { SandboxKnobs } from '../../../../src-shared/domain/settings'
import type { SandboxProvider, SandboxRequest, SandboxResponse } from '../../../infra/sandbox/host'
import { CLEARSALE_PATHS } from '../paths'
import { search } from './search'
import { DataTrustState, type FieldErrors } from './state'

/*
 * ClearSale Data Trust as seed 004 describes it, plus sandbox-only controls under /__sandbox/ (the virtual phone
 * inbox, the webhook target that ClearSale's account manager would register, the SMS token lifetime).
 */

const JSON_TYPE = 'application/json; charset=utf-8'
/** Passwords starting with this are refused: seed 004's 400 "Username or Password is incorrect". */
const SANDBOX_WRONG_PASSWORD_PREFIX = 'wrong'
/** seed 004: "um token de 2048 caracteres". */
const TOKEN_LENGTH = 2048

const json = (status: number, body: unknown): SandboxResponse => ({
  status,
  headers: { 'Content-Type': JSON_TYPE },
  body: JSON.stringify(body),
})
const empty = (status: number): SandboxResponse => ({ status })
const invalid = (errors: FieldErrors): SandboxResponse => json(400, errors)

function parseJson(request: SandboxRequest): unknown {
  try {
    return JSON.parse(request.body.toString('utf8'))
  } catch {
    return undefined
  }
}

export interface ClearSaleSandbox extends SandboxProvider {
  readonly state: DataTrustState
}

export function createClearSaleSandbox(now: () => number = () => Date.now()): ClearSaleSandbox {
  const state = new DataTrustState(now)
  const tokens = new Map<string, { expiresAt: number; user: number }>()
  const users = new Map<string, number>()

  /** seed 004 "Webhook": POST {Code, TypeId, Description, Date} with the registered Bearer token. */
  const notify = (id: string, typeId: number, description: string): void => {
    const target = state.webhook
    if (!target) return
    const body = JSON.stringify({
      Code: id,
      TypeId: typeId,
      Description: description,
      Date: new Date(now()).toISOString().replace('Z', ''),
    })
    httpRequest(target.url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${target.token}`, 'Content-Type': JSON_TYPE },
      body,
    })
      .then((res) => res.body.dump())
      .catch(() => undefined) // a receiver that is down just misses the notification, as with the real service
  }

  const authenticate = (request: SandboxRequest, knobs: SandboxKnobs): SandboxResponse => {
    const body = parseJson(request) as { Username?: unknown; Password?: unknown } | undefined
    const username = typeof body?.Username === 'string' ? body.Username : ''
    const password = typeof body?.Password === 'string' ? body.Password : ''
    if (!username || !password || password.startsWith(SANDBOX_WRONG_PASSWORD_PREFIX))
      return json(400, { message: 'Username or Password is incorrect' })
    const token = randomBytes(TOKEN_LENGTH).toString('base64url').slice(0, TOKEN_LENGTH)
    if (!users.has(username)) users.set(username, 1000 + users.size + 1)
    tokens.set(token, { expiresAt: now() + knobs.tokenLifetimeSeconds * 1000, user: users.get(username) ?? 1001 })
    return json(200, { token, expiresInSeconds: String(knobs.tokenLifetimeSeconds) })
  }

  const control = (request: SandboxRequest): SandboxResponse => {
    if (request.path === '/__sandbox/inbox') return json(200, state.inbox)
    if (request.path === '/__sandbox/webhook' && request.method === 'POST') {
      const b = parseJson(request) as { url?: unknown; token?: unknown } | undefined
      state.webhook = typeof b?.url === 'string' && typeof b.token === 'string' ? { url: b.url, token: b.token } : null
      return empty(204)
    }
    if (request.path === '/__sandbox/reply' && request.method === 'POST') {
      const id = request.query.get('id') ?? ''
      const channel = request.query.get('channel') === 'email' ? 'email' : 'sms'
      const change = state.customerReplies(id, channel, request.query.get('text') ?? '1')
      if (!change) return empty(404)
      notify(id, change.typeId, change.description)
      return empty(204)
    }
    if (request.path === '/__sandbox/sms-token-lifetime' && request.method === 'POST') {
      state.smsTokenLifetimeMs = Number(request.query.get('seconds') ?? 300) * 1000
      return empty(204)
    }
    return empty(404)
  }

  const api = (request: SandboxRequest, user: number): SandboxResponse => {
    const { method, path, query } = request
    const base = CLEARSALE_PATHS.transactions
    if (method === 'POST' && (path === base || path === `${base}/`)) {
      const checked = state.validate(parseJson(request))
      if ('errors' in checked) return invalid(checked.errors)
      return json(200, state.create(checked.request, user).body)
    }
    if (method === 'GET' && path.startsWith(`${base}/search`)) {
      const answer = search(state, path, query)
      return answer.status === 200
        ? json(200, answer.body)
        : answer.status === 204
          ? empty(204)
          : invalid(answer.errors)
    }
    if (path === CLEARSALE_PATHS.smsConfiguration) {
      if (method === 'POST') {
        const errors = state.configureSms(parseJson(request))
        return errors ? invalid(errors) : empty(200)
      }
      const config = state.smsConfig.get(Number(query.get('smsTypeId') ?? 2))
      return config ? json(200, config) : empty(204)
    }
    if (path === CLEARSALE_PATHS.entityConfiguration) {
      if (method === 'POST') {
        const value = query.get('conditionalSmsSending')
        if (value !== 'true' && value !== 'false')
          return invalid({ conditionalSmsSending: ['The conditionalSmsSending field must be true or false.'] })
        state.entityConfig = {
          creationDate: state.entityConfig?.creationDate ?? new Date(now()).toISOString().replace('Z', ''),
          conditionalSmsSending: value === 'true',
        }
        return empty(200)
      }
      return state.entityConfig ? json(200, state.entityConfig) : empty(204)
    }
    const match = /^\/products\/v1\/datatrust\/([^/]+)(\/result|\/validate)?$/.exec(path)
    const id = match?.[1] ? decodeURIComponent(match[1]) : null
    if (id && method === 'GET' && !match?.[2]) {
      const stored = state.transactions.get(id)
      return stored ? json(200, stored.body) : empty(204)
    }
    if (id && method === 'GET' && match?.[2] === '/result') {
      const stored = state.transactions.get(id)
      return stored ? json(200, stored.body['Results']) : empty(204)
    }
    if (id && method === 'POST' && match?.[2] === '/validate') {
      const outcome = state.validateToken(id, query.get('token') ?? '')
      if (!outcome) return empty(404)
      if (outcome.changed) notify(id, 1, `Token SMS: ${outcome.result}`)
      return json(200, { result: outcome.result, date: new Date(now()).toISOString().replace('Z', '') })
    }
    return empty(404)
  }

  return {
    name: 'clearsale',
    state,
    handle(request, knobs) {
      // Homologation carries an /api prefix (seed 004); the sandbox answers both forms.
      const path = request.path.startsWith('/api/') ? request.path.slice(4) : request.path
      const req = { ...request, path }
      if (path.startsWith('/__sandbox/')) return control(req)
      if (request.method === 'POST' && path === CLEARSALE_PATHS.authentication) return authenticate(req, knobs)
      const bearer = /^Bearer (\S+)$/.exec(String(request.headers['authorization'] ?? ''))?.[1]
      const session = bearer ? tokens.get(bearer) : undefined
      if (!session || session.expiresAt <= now()) return empty(401) // seed 004: 401 with no body
      return api(req, session.user)
    },
    failure(status, retryAfterSeconds): SandboxResponse {
      const headers: Record<string, string> = retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : {}
      return { status, headers, body: '' }
    },
  }
}
