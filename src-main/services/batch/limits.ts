/*
 * Rate limits for batch calls. A token bucket lets a full bucket and its refill through in the same second;
 * "never exceeded in any one-second window" needs a sliding window: a call may start only when fewer than `rate`
 * calls started in the last second. A small margin absorbs the network's jitter between our start and the
 * provider's arrival.
 */

const WINDOW_MS = 1000
const MARGIN_MS = 25

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export class SlidingWindowLimiter {
  private readonly starts: number[] = []
  private head = 0

  constructor(private readonly perSecond: number) {}

  /** Waits until one more call fits in the window, then counts it. */
  async take(): Promise<void> {
    if (this.perSecond <= 0) return
    for (;;) {
      const now = performance.now()
      while (this.head < this.starts.length && (this.starts[this.head] ?? 0) <= now - WINDOW_MS - MARGIN_MS) this.head++
      if (this.head > 4096) {
        this.starts.splice(0, this.head)
        this.head = 0
      }
      if (this.starts.length - this.head < this.perSecond) {
        this.starts.push(now)
        return
      }
      await sleep(Math.max(1, (this.starts[this.head] ?? now) + WINDOW_MS + MARGIN_MS - now))
    }
  }
}

/** Exponential backoff with full jitter, bounded; never shorter than what the provider asked (Retry-After). */
export function backoffMs(attempt: number, atLeastMs: number, random: () => number = Math.random): number {
  const cap = 15_000
  const base = Math.min(cap, 400 * 2 ** attempt)
  return Math.max(atLeastMs, Math.round(base / 2 + random() * (base / 2)))
}

/** At most `perSecond` calls of `fn`, the last state always delivered (progress updates). */
export function throttle<T>(fn: (value: T) => void, perSecond: number): { push(value: T): void; flush(): void } {
  const gap = 1000 / perSecond
  let last = 0
  let pending: { value: T } | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const emit = (): void => {
    timer = null
    if (!pending) return
    last = performance.now()
    const { value } = pending
    pending = null
    fn(value)
  }
  return {
    push(value) {
      pending = { value }
      if (timer) return
      timer = setTimeout(emit, Math.max(0, last + gap - performance.now()))
    },
    flush() {
      if (timer) clearTimeout(timer)
      emit()
    },
  }
}
