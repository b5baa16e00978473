import type { Bridge, InvokeResult } from '../../src-shared/contract'

/*
 * The browser host's Bridge: invoke is a same-origin POST (the session cookie rides along), subscribe is a
 * WebSocket that reconnects on its own and re-subscribes what is still wanted.
 */

type Listener = (data: unknown) => void

function unreachable(): InvokeResult<unknown> {
  return { ok: false, error: { code: 'unreachable', message: 'Sentinela core unreachable' } }
}

export function createWebBridge(location: Location = window.location): Bridge {
  const listeners = new Map<string, Set<Listener>>()
  let socket: WebSocket | null = null
  let retryMs = 500

  const sendTopic = (type: 'subscribe' | 'unsubscribe', topic: string): void => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type, topic }))
  }

  const connect = (): void => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
    const ws = new WebSocket(`${scheme}//${location.host}/api/events`)
    socket = ws
    ws.addEventListener('open', () => {
      retryMs = 500
      for (const topic of listeners.keys()) sendTopic('subscribe', topic)
    })
    ws.addEventListener('message', (event: MessageEvent<string>) => {
      let message: { type?: string; topic?: string; data?: unknown }
      try {
        message = JSON.parse(event.data) as typeof message
      } catch {
        return
      }
      if (message.type !== 'event' || typeof message.topic !== 'string') return
      for (const listener of listeners.get(message.topic) ?? []) listener(message.data)
    })
    ws.addEventListener('close', () => {
      socket = null
      if (listeners.size === 0) return
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 10_000)
    })
  }

  return {
    async invoke(channel, payload) {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({ channel, payload }),
        })
        if (!response.headers.get('content-type')?.startsWith('application/json')) return unreachable()
        return (await response.json()) as InvokeResult<unknown>
      } catch {
        return unreachable()
      }
    },
    subscribe(topic, listener) {
      let set = listeners.get(topic)
      if (!set) {
        set = new Set()
        listeners.set(topic, set)
        if (socket === null) connect()
        else sendTopic('subscribe', topic)
      }
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0) {
          listeners.delete(topic)
          sendTopic('unsubscribe', topic)
        }
      }
    },
  }
}
