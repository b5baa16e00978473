import { randomBytes } from 'node:crypto'
import { tokensEqual } from '../infra/secure-compare'

export { tokensEqual }
import type { IncomingHttpHeaders } from 'node:http'

/*
 * The browser host's gate, as pure functions over request headers: loopback Host only (DNS rebinding),
 * same-origin only (CSRF, cross-site WebSocket hijacking), and the per-launch token on every request.
 */

const TOKEN_HEADER = 'x-sentinela-token'
export const TOKEN_QUERY = 'token'

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Cookies are shared by every port of a host, so the name carries the port: two instances never collide. */
function cookieName(port: number): string {
  return `sentinela_token_${port}`
}

function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
}

function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** A request without an Origin header (a plain navigation, curl) passes; a present one must be ours. */
function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || allowedOrigins(port).includes(origin)
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

function presentedToken(headers: IncomingHttpHeaders, port: number): string | undefined {
  const header = headers[TOKEN_HEADER]
  if (typeof header === 'string') return header
  return readCookie(headers.cookie, cookieName(port))
}

export function sessionCookie(token: string, port: number): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
}

export type GateVerdict = 'ok' | 'bad-host' | 'bad-origin' | 'no-token'

export function checkRequest(headers: IncomingHttpHeaders, port: number, token: string): GateVerdict {
  if (!isAllowedHost(headers.host, port)) return 'bad-host'
  if (!isAllowedOrigin(headers.origin, port)) return 'bad-origin'
  if (!tokensEqual(presentedToken(headers, port), token)) return 'no-token'
  return 'ok'
}
