import { events, isEventName, type EventName, type EventOf } from '../../src-shared/contract'
import { errorFields, type Logger } from './log'

type Listener = (data: unknown) => void

/** Server → renderer events. Payloads are checked against the contract before anyone hears them. */
export class EventHub {
  private readonly listeners = new Map<EventName, Set<Listener>>()

  constructor(private readonly log: Logger) {}

  /** Returns the unsubscribe function, or null when the topic is not in the contract. */
  subscribe(topic: unknown, listener: Listener): (() => void) | null {
    if (!isEventName(topic)) return null
    let set = this.listeners.get(topic)
    if (!set) {
      set = new Set()
      this.listeners.set(topic, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }

  publish<E extends EventName>(topic: E, data: EventOf<E>): void {
    const checked = events[topic].safeParse(data)
    if (!checked.success) {
      this.log.error('events.schema', { topic })
      return
    }
    for (const listener of this.listeners.get(topic) ?? []) {
      try {
        listener(checked.data)
      } catch (error) {
        // One broken subscriber (a closed socket, a destroyed window) must not silence the others.
        this.log.warn('events.listener_failed', { topic, ...errorFields(error) })
      }
    }
  }

  listenerCount(topic: EventName): number {
    return this.listeners.get(topic)?.size ?? 0
  }
}
