import { mediaType } from '../infra/callbacks/listener'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import sirv from 'sirv'
import { WebSocketServer } from 'ws'
import { ErrorCodes } from '../../src-shared/contract'
import type { Core } from '../app'
import { AppFailure, toAppError } from '../infra/errors'
import { MAX_PAYLOAD_BYTES } from '../app/router'
import { SECURITY_HEADERS } from '../security/csp'
import { checkRequest, newToken, sessionCookie, tokensEqual, TOKEN_QUERY, type GateVerdict } from './guard'
import { attachEventSocket } from './events'
import { EXPORT_DOWNLOAD_PATH, exportFilePath } from '../services/batch/files'
import { createReadStream, statSync } from 'node:fs'

export interface BrowserHostOptions {
  core: Core
  rendererDir: string
  /** 0 or absent: any free port. */
  port?: number
  token?: string
}

export interface BrowserHost {
  /** The URL to open once: it carries the token, which the first visit trades for a cookie. */
  readonly url: string
  readonly origin: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

const MAX_BODY_BYTES = MAX_PAYLOAD_BYTES + 4096

const REFUSALS: Record<Exclude<GateVerdict, 'ok'>, [number, string]> = {
  'bad-host': [421, 'Host não permitido: use 127.0.0.1. / Host not allowed: use 127.0.0.1.'],
  'bad-origin': [403, 'Origem não permitida. / Origin not allowed.'],
  'no-token': [
    401,
    'Acesso negado: abra o endereço com token que `sentinela serve` imprimiu. / Access denied: open the tokened URL printed by `sentinela serve`.',
  ],
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(body)
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        resolve(null)
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const EXPORT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** An export of the data folder, streamed from disk as an attachment (never read whole into memory). */
function sendExport(core: Core, name: string, res: ServerResponse): void {
  const path = exportFilePath(core.context.dataDir, name)
  const size = path ? statSync(path, { throwIfNoEntry: false })?.size : undefined
  if (!path || size === undefined) return send(res, 404, 'Not found')
  res.writeHead(200, {
    'Content-Type': EXPORT_TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
    'Content-Length': size,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  })
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res)
}

async function handleInvoke(core: Core, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const t = core.context.translate()
  const reply = (body: unknown, status = 200): void =>
    send(res, status, JSON.stringify(body), 'application/json; charset=utf-8')
  const failWith = (failure: AppFailure, status: number): void =>
    reply({ ok: false, error: toAppError(failure, t) }, status)

  // Exactly application/json (parameters aside): `application/jsonx` or `text/plain` never pass (issue #14).
  if (mediaType(req.headers['content-type']) !== 'application/json') {
    return failWith(
      new AppFailure(ErrorCodes.invalidRequest, { channel: '-', summary: 'Content-Type must be application/json' }),
      415,
    )
  }
  const text = await readBody(req)
  if (text === null) return failWith(new AppFailure(ErrorCodes.payloadTooLarge, { limit: MAX_PAYLOAD_BYTES }), 413)
  let envelope: unknown
  try {
    envelope = JSON.parse(text)
  } catch {
    return failWith(new AppFailure(ErrorCodes.invalidRequest, { channel: '-', summary: 'body is not JSON' }), 400)
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    return failWith(
      new AppFailure(ErrorCodes.invalidRequest, { channel: '-', summary: 'expected {channel, payload}' }),
      400,
    )
  }
  const { channel, payload } = envelope as { channel?: unknown; payload?: unknown }
  reply(await core.router.invoke(channel, payload))
}

/** A percent-encoded path segment decoded, or null when it is not valid UTF-8 percent-encoding (`%E0%A4%A`). */
function decodedOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** The path of a request target, or null when no URL parser can read it (`//`, `http://[`, …). */
function pathOrNull(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1').pathname
  } catch {
    return null
  }
}

/** A request a route could not handle: 400 when the request itself is unreadable, else 500; logged, never fatal. */
function failed(core: Core, req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const malformed = error instanceof URIError || (error as { code?: string }).code === 'ERR_INVALID_URL'
  core.context.log.error('serve.request_failed', { kind: (error as Error).name, method: req.method ?? '' })
  if (res.headersSent) res.destroy()
  else send(res, malformed ? 400 : 500, malformed ? 'Bad request' : 'internal error')
}

/** Starts the browser host on 127.0.0.1 only. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newToken()
  const statics = sirv(options.rendererDir, { dev: false, etag: true, dotfiles: false })
  let port = 0

  const route = (req: IncomingMessage, res: ServerResponse): void => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1') // unreadable: 400 from the boundary below
    const offered = url.searchParams.get(TOKEN_QUERY)
    const verdict = checkRequest(req.headers, port, token)

    // First visit: trade the token in the URL for a cookie, then drop it from the address bar and history.
    if (
      verdict === 'no-token' &&
      req.method === 'GET' &&
      url.pathname === '/' &&
      offered !== null &&
      tokensEqual(offered, token)
    ) {
      res.writeHead(303, { Location: '/', 'Set-Cookie': sessionCookie(token, port), 'Cache-Control': 'no-store' })
      res.end()
      return
    }
    if (verdict !== 'ok') {
      const [status, text] = REFUSALS[verdict]
      return send(res, status, text)
    }
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, 'POST only')
      handleInvoke(options.core, req, res).catch((error: unknown) => {
        options.core.context.log.error('serve.invoke_failed', { reason: (error as Error).message })
        if (!res.headersSent) send(res, 500, 'internal error')
      })
      return
    }
    if (url.pathname.startsWith(EXPORT_DOWNLOAD_PATH) && req.method === 'GET') {
      const name = decodedOrNull(url.pathname.slice(EXPORT_DOWNLOAD_PATH.length))
      return name === null ? send(res, 400, 'Bad request') : sendExport(options.core, name, res)
    }
    if (url.pathname.startsWith('/api/')) return send(res, 404, 'Not found')
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    statics(req, res, () => send(res, 404, 'Not found'))
  }

  // Issue #23: no request ends the process. Whatever a route throws answers 400 (a request no URL parser reads) or
  // 500, is logged by its kind only (never the request itself), and the host goes on serving.
  const server = createServer((req, res) => {
    try {
      route(req, res)
    } catch (error) {
      failed(options.core, req, res, error)
    }
  })

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const path = pathOrNull(req.url)
    if (path === null) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const verdict = checkRequest(req.headers, port, token)
    if (path !== '/api/events' || verdict !== 'ok') {
      const status = path !== '/api/events' ? 404 : REFUSALS[verdict as Exclude<GateVerdict, 'ok'>][0]
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attachEventSocket(ws, options.core))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/?${TOKEN_QUERY}=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate()
        sockets.close()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
