import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CallbackRecord } from '../../../src-shared/contract/datatrust'
import type { CallbackSettings } from '../../../src-shared/domain/settings'
import type { EventHub } from '../events'
import type { Logger } from '../log'
import type { Redactor } from '../redact'
import type { Db } from '../store/db'
import { tokensEqual } from '../secure-compare'
import { classifyIp } from '../../../src-shared/domain/net'

/*
 * The one local listener for provider callbacks (DESIGN.md): ClearSale webhooks, MSE receipts, MO (SMS, MMS) and
 * USSD answers. A request passes, in order: not from a browser (no Origin, no Sec-Fetch-*: providers never send
 * them, and any web page the analyst opens could reach 127.0.0.1), a known route, its exact media type, its size, its
 * credentials, and only then its rate — all before its body is read. Issue #23: a request without valid credentials
 * spends a small budget of its peer's, never the partner's; an authenticated partner is limited per credential, so a
 * forged flood cannot starve genuine receipts (MSE reads a non-200 as "entrega não efetuada"). Only then is it
 * parsed, stored and pushed live. Refused requests are counted, never stored, never logged one by one. No request
 * ends the process: whatever a route throws answers 500 and is logged.
 */

export interface CallbackRoute {
  method: 'GET' | 'POST'
  path: string
  /** Media types the body may have (POST): exact, parameters such as `charset` aside. */
  accepts?: readonly string[]
  /** Body limit in bytes (default 64 KiB); past it the socket is closed. */
  maxBody?: number
  /**
   * Checked on the request line and headers, before anything is read, parsed or stored: the identity of the
   * credential presented (never the secret itself; the rate limit counts per credential), or null.
   */
  authenticate(req: IncomingMessage): Promise<string | null>
  /** Returns the HTTP status to answer and what to store; throws nothing. */
  handle(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{
    status: number
    record?: { provider: string; kind: string; summary: string; body: string }
    after?: () => Promise<void>
    reply?: { contentType: string; body: string }
  }>
}

export type RefusalReason = 'browser' | 'not_found' | 'rate' | 'media_type' | 'too_large' | 'unauthenticated'

export interface ListenerStatus {
  listening: boolean
  url: string | null
  /** The address that could not be opened (`127.0.0.1:8787`), or null. */
  error: string | null
  /** Why, as a code the screens word (errors.listen.*): EADDRINUSE, EACCES, EADDRNOTAVAIL or other. */
  errno: string | null
  /** Requests refused since start, by reason. */
  refused: Partial<Record<RefusalReason, number>>
}

const DEFAULT_MAX_BODY = 64 * 1024
const LISTEN_ERRNOS = ['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL'] as const
const MAX_STORED = 64 * 1024
/** Per credential, per second: MSE delivers receipts in bursts, but never thousands a second to one partner. */
const RATE_PER_SECOND = 200
/** Per peer, per second, for requests without valid credentials: past it they get 429 instead of 401. */
const UNAUTHENTICATED_PER_SECOND = 20
/** Budgets kept at most: a flood from many addresses cannot grow the table without bound. */
const MAX_WINDOWS = 10_000

/** The media type of a Content-Type header, lowercased, without parameters (`text/xml; charset=UTF-8` → `text/xml`). */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

function fromBrowser(req: IncomingMessage): boolean {
  return (
    req.headers['origin'] !== undefined ||
    req.headers['sec-fetch-site'] !== undefined ||
    req.headers['sec-fetch-mode'] !== undefined
  )
}

/** 127.0.0.0/8, ::1 (IPv4-mapped forms included) or `localhost`: this machine only — read by the one classifier. */
export function isLoopback(address: string | undefined): boolean {
  return address === 'localhost' || (address !== undefined && classifyIp(address) === 'loopback')
}

export class CallbackListener {
  private server: Server | null = null
  private state: Omit<ListenerStatus, 'refused'> = { listening: false, url: null, error: null, errno: null }
  private readonly routes: CallbackRoute[] = []
  private readonly refused = new Map<RefusalReason, number>()
  /** Budgets of peers without credentials and of partners' credentials, apart: a flood of one never fills the other. */
  private readonly peerWindows = new Map<string, { start: number; count: number }>()
  private readonly credentialWindows = new Map<string, { start: number; count: number }>()
  private lastRefusalLog = 0

  constructor(private readonly deps: { db: Db; events: EventHub; log: Logger; redactor: Redactor }) {}

  route(route: CallbackRoute): void {
    this.routes.push(route)
  }

  status(): ListenerStatus {
    return { ...this.state, refused: Object.fromEntries(this.refused) }
  }

  list(limit: number): CallbackRecord[] {
    return this.deps.db.prepare('SELECT * FROM callbacks ORDER BY id DESC LIMIT ?').all(limit) as CallbackRecord[]
  }

  private store(record: { provider: string; kind: string; summary: string; body: string }): CallbackRecord {
    const at = new Date().toISOString()
    const body = this.deps.redactor.text(record.body).slice(0, MAX_STORED)
    const info = this.deps.db
      .prepare('INSERT INTO callbacks (at, provider, kind, summary, body) VALUES (?, ?, ?, ?, ?)')
      .run(at, record.provider, record.kind, record.summary, body)
    return {
      id: Number(info.lastInsertRowid),
      at,
      provider: record.provider,
      kind: record.kind,
      summary: record.summary,
      body,
    }
  }

  /** A route that threw: 500 (or the socket closed if an answer had begun), logged by kind, never fatal. */
  private failed(res: ServerResponse, error: unknown): void {
    this.deps.log.error('callbacks.request_failed', { kind: (error as Error).name })
    if (res.headersSent) res.destroy()
    else res.writeHead(500, { Connection: 'close' }).end()
  }

  /** Counted, answered, and the connection closed: nothing of the request is read further. */
  private refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: RefusalReason): void {
    this.refused.set(reason, (this.refused.get(reason) ?? 0) + 1)
    const now = Date.now()
    if (now - this.lastRefusalLog > 60_000) {
      this.lastRefusalLog = now
      this.deps.log.warn('callbacks.refused', { counts: Object.fromEntries(this.refused) })
    }
    res.writeHead(status, { Connection: 'close' }).end()
    req.destroy()
  }

  /** One second's budget per key: a credential's identity for partners, `peer <address>` for everyone else. */
  private overBudget(windows: Map<string, { start: number; count: number }>, key: string, perSecond: number): boolean {
    const now = Date.now()
    const w = windows.get(key)
    if (!w || now - w.start >= 1000) {
      if (!w && windows.size >= MAX_WINDOWS) {
        for (const [k, old] of windows) if (now - old.start >= 1000) windows.delete(k)
        if (windows.size >= MAX_WINDOWS) return true
      }
      windows.set(key, { start: now, count: 1 })
      return false
    }
    return ++w.count > perSecond
  }

  private async admit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (fromBrowser(req)) return this.refuse(req, res, 403, 'browser')
    const path = new URL(req.url ?? '/', 'http://listener').pathname
    const route = this.routes.find((r) => r.method === req.method && r.path === path)
    if (!route) return this.refuse(req, res, 404, 'not_found')
    if (route.method === 'POST' && !(route.accepts ?? []).includes(mediaType(req.headers['content-type'])))
      return this.refuse(req, res, 415, 'media_type')
    const limit = route.maxBody ?? DEFAULT_MAX_BODY
    if (Number(req.headers['content-length'] ?? 0) > limit) return this.refuse(req, res, 413, 'too_large')
    const credential = await route.authenticate(req).catch(() => null)
    if (!credential) {
      const peer = `peer ${req.socket.remoteAddress ?? '-'}`
      if (this.overBudget(this.peerWindows, peer, UNAUTHENTICATED_PER_SECOND)) return this.refuse(req, res, 429, 'rate')
      return this.refuse(req, res, 401, 'unauthenticated')
    }
    if (this.overBudget(this.credentialWindows, credential, RATE_PER_SECOND)) return this.refuse(req, res, 429, 'rate')
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit && !over) {
        over = true
        this.refuse(req, res, 413, 'too_large')
      } else if (!over) chunks.push(c)
    })
    req.on('end', () => {
      if (!over) this.serve(route, req, res, Buffer.concat(chunks)).catch((error: unknown) => this.failed(res, error))
    })
  }

  private async serve(route: CallbackRoute, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const outcome = await route.handle(req, body)
    if (outcome.record) {
      const saved = this.store(outcome.record)
      this.deps.events.publish('callbacks:received', saved)
    }
    if (outcome.reply)
      res.writeHead(outcome.status, { 'Content-Type': outcome.reply.contentType }).end(outcome.reply.body)
    else res.writeHead(outcome.status).end()
    // Follow-up work (re-querying a transaction) runs after the provider got its answer.
    outcome
      .after?.()
      .catch((error: unknown) => this.deps.log.warn('callbacks.after_failed', { reason: (error as Error).message }))
  }

  async start(settings: CallbackSettings): Promise<ListenerStatus> {
    await this.close()
    const server = createServer((req, res) => {
      this.admit(req, res).catch((error: unknown) => this.failed(res, error))
    })
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(settings.port, settings.bindAddress, () => resolve())
      })
    } catch (error) {
      this.state = {
        listening: false,
        url: null,
        error: `${settings.bindAddress}:${settings.port}`,
        errno: LISTEN_ERRNOS.find((code) => code === (error as NodeJS.ErrnoException).code) ?? 'other',
      }
      this.deps.log.warn('callbacks.listen_failed', { address: this.state.error, reason: (error as Error).message })
      return this.status()
    }
    this.server = server
    const port = (server.address() as AddressInfo).port
    const host = settings.bindAddress.includes(':') ? `[${settings.bindAddress}]` : settings.bindAddress
    this.state = {
      listening: true,
      url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
      error: null,
      errno: null,
    }
    return this.status()
  }

  async close(): Promise<void> {
    const server = this.server
    this.server = null
    this.state = { listening: false, url: null, error: null, errno: null }
    if (server) {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** `Authorization: Bearer <expected>` compared in constant time. */
export function bearerMatches(req: IncomingMessage, expected: string | null | undefined): boolean {
  const given = /^Bearer (.+)$/.exec(String(req.headers['authorization'] ?? ''))?.[1]
  return Boolean(expected) && tokensEqual(given, expected ?? '')
}
