import type { WebSocket } from 'ws'
import { ErrorCodes } from '../../src-shared/contract'
import type { Core } from '../app'
import { AppFailure, toAppError } from '../infra/errors'

/**
 * The browser host's half of `subscribe`: the page sends `{type:"subscribe"|"unsubscribe", topic}`, the host
 * pushes `{type:"event", topic, data}`. Anything else gets `{type:"error", error}` and the socket stays open.
 */
export function attachEventSocket(ws: WebSocket, core: Core): void {
  const active = new Map<string, () => void>()
  const reject = (summary: string): void => {
    const failure = new AppFailure(ErrorCodes.invalidRequest, { channel: 'events', summary })
    ws.send(JSON.stringify({ type: 'error', error: toAppError(failure, core.context.translate()) }))
  }

  ws.on('message', (raw, isBinary) => {
    let message: unknown
    try {
      message = isBinary ? undefined : JSON.parse(String(raw))
    } catch {
      message = undefined
    }
    const { type, topic } = (typeof message === 'object' && message !== null ? message : {}) as {
      type?: unknown
      topic?: unknown
    }
    if (type === 'unsubscribe' && typeof topic === 'string') {
      active.get(topic)?.()
      active.delete(topic)
      return
    }
    if (type !== 'subscribe' || typeof topic !== 'string')
      return reject('expected {type: "subscribe"|"unsubscribe", topic}')
    if (active.has(topic)) return
    const stop = core.events.subscribe(topic, (data) => ws.send(JSON.stringify({ type: 'event', topic, data })))
    if (!stop) {
      const failure = new AppFailure(ErrorCodes.unknownChannel, { channel: topic.slice(0, 120) })
      ws.send(JSON.stringify({ type: 'error', error: toAppError(failure, core.context.translate()) }))
      return
    }
    active.set(topic, stop)
  })
  ws.on('close', () => {
    for (const stop of active.values()) stop()
    active.clear()
  })
  ws.on('error', () => ws.terminate())
}
