import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface WireRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** Raw header pairs as sent, names in their original case. */
  rawHeaders: string[]
  body: Buffer
}

export interface WireAnswer {
  status: number
  headers?: Record<string, string>
  body?: string
}

/** A plain HTTP server that records every request byte for byte and answers from a script. */
export async function startWireServer(answer: (req: WireRequest) => WireAnswer) {
  const requests: WireRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const recorded: WireRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      }
      requests.push(recorded)
      const a = answer(recorded)
      res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers })
      res.end(a.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
