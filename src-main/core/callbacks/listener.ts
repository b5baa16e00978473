import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CallbackRecord } from '../../../src-shared/contract/datatrust'
import type { CallbackSettings } from '../../../src-shared/domain/settings'
import type { EventHub } from '../events'
import type { Logger } from '../log'
import type { Redactor } from '../redact'
import type { Db } from '../store/db'
import { tokensEqual } from '../secure-compare'

/*
 * The one local listener for provider callbacks (DESIGN.md): ClearSale webhooks now; MSE receipts, MO and USSD
 * join as routes later. Everything received is stored, then pushed live to the renderer.
 */

export interface CallbackRoute {
  method: 'GET' | 'POST'
  path: string
  /** Returns the HTTP status to answer and what to store; throws nothing. */
  handle(req: IncomingMessage, body: Buffer): Promise<{ status: number; record?: { provider: string; kind: string; summary: string; body: string }; after?: () => Promise<void>; reply?: { contentType: string; body: string } }>
}

export interface ListenerStatus {
  listening: boolean
  url: string | null
  error: string | null
}

/** What is read of a request (an MMS MO carries images) and what of it is stored. */
const MAX_BODY = 2 * 1024 * 1024
const MAX_STORED = 64 * 1024

export class CallbackListener {
  private server: Server | null = null
  private state: ListenerStatus = { listening: false, url: null, error: null }
  private readonly routes: CallbackRoute[] = []

  constructor(
    private readonly deps: { db: Db; events: EventHub; log: Logger; redactor: Redactor },
  ) {}

  route(route: CallbackRoute): void {
    this.routes.push(route)
  }

  status(): ListenerStatus {
    return this.state
  }

  list(limit: number): CallbackRecord[] {
    return this.deps.db.prepare('SELECT * FROM callbacks ORDER BY id DESC LIMIT ?').all(limit) as CallbackRecord[]
  }

  private store(record: { provider: string; kind: string; summary: string; body: string }): CallbackRecord {
    const at = new Date().toISOString()
    const body = this.deps.redactor.text(record.body).slice(0, MAX_STORED)
    const info = this.deps.db.prepare('INSERT INTO callbacks (at, provider, kind, summary, body) VALUES (?, ?, ?, ?, ?)').run(at, record.provider, record.kind, record.summary, body)
    return { id: Number(info.lastInsertRowid), at, provider: record.provider, kind: record.kind, summary: record.summary, body }
  }

  private async serve(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://listener').pathname
    const route = this.routes.find((r) => r.method === req.method && r.path === path)
    if (!route) {
      res.writeHead(404).end()
      return
    }
    const outcome = await route.handle(req, body)
    if (outcome.record) {
      const saved = this.store(outcome.record)
      this.deps.events.publish('callbacks:received', saved)
    }
    if (outcome.reply) res.writeHead(outcome.status, { 'Content-Type': outcome.reply.contentType }).end(outcome.reply.body)
    else res.writeHead(outcome.status).end()
    // Follow-up work (re-querying a transaction) runs after the provider got its answer.
    outcome.after?.().catch((error: unknown) => this.deps.log.warn('callbacks.after_failed', { reason: (error as Error).message }))
  }

  async start(settings: CallbackSettings): Promise<ListenerStatus> {
    await this.close()
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      let size = 0
      req.on('data', (c: Buffer) => {
        size += c.length
        if (size <= MAX_BODY) chunks.push(c)
      })
      req.on('end', () => {
        if (size > MAX_BODY) return void res.writeHead(413).end()
        this.serve(req, res, Buffer.concat(chunks)).catch(() => res.writeHead(500).end())
      })
    })
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(settings.port, settings.bindAddress, () => resolve())
      })
    } catch (error) {
      this.state = { listening: false, url: null, error: `${settings.bindAddress}:${settings.port} — ${(error as Error).message}` }
      this.deps.log.warn('callbacks.listen_failed', { reason: this.state.error })
      return this.state
    }
    this.server = server
    const port = (server.address() as AddressInfo).port
    const host = settings.bindAddress.includes(':') ? `[${settings.bindAddress}]` : settings.bindAddress
    this.state = { listening: true, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`, error: null }
    return this.state
  }

  async close(): Promise<void> {
    const server = this.server
    this.server = null
    this.state = { listening: false, url: null, error: null }
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** `Authorization: Bearer <expected>` compared in constant time. */
export function bearerMatches(req: IncomingMessage, expected: string | null | undefined): boolean {
  const given = /^Bearer (.+)$/.exec(String(req.headers['authorization'] ?? ''))?.[1]
  return Boolean(expected) && tokensEqual(given, expected ?? '')
}
