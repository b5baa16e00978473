/*
 * Preload: the whole surface the renderer gets is `window.sentinela.invoke` and `.subscribe`, the same Bridge
 * the browser host provides. Channel names and payloads are checked by the core's router, the single gate.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

type Listener = (data: unknown) => void
const listeners = new Map<string, Set<Listener>>()

ipcRenderer.on('sentinela:event', (_event: IpcRendererEvent, topic: unknown, data: unknown) => {
  if (typeof topic !== 'string') return
  for (const listener of listeners.get(topic) ?? []) listener(data)
})

const bridge = {
  invoke(channel: string, payload: unknown): Promise<unknown> {
    return ipcRenderer.invoke('sentinela:invoke', String(channel), payload)
  },
  subscribe(topic: string, listener: Listener): () => void {
    const name = String(topic)
    let set = listeners.get(name)
    if (!set) {
      set = new Set()
      listeners.set(name, set)
      ipcRenderer.send('sentinela:subscribe', name)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) {
        listeners.delete(name)
        ipcRenderer.send('sentinela:unsubscribe', name)
      }
    }
  },
}

contextBridge.exposeInMainWorld('sentinela', bridge)
