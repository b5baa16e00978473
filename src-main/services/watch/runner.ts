import type { WatchChangeView } from '../../../src-shared/contract/watch'
import type { CoreContext } from '../context'
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../batch/runner'
import { runPass, type PassResult, type WatchDeps } from './pass'
import { WatchStore, type WatchChange } from './store'
import type { OutboundDeps } from './outbound'
import { deliverDue, stateOf } from './outbox'
import type { Cases } from '../cases/service'

/*
 * Issue #17 in the long-running hosts (the desktop app, `sentinela serve`): each active list's pass when its
 * cadence is due, one pass per list at a time (a "run now" while the scheduler runs it waits for the same pass),
 * and every change published as it is recorded — the feed and the notification follow it.
 */

export type WatchRunnerDeps = WatchDeps & OutboundDeps & Pick<CoreContext, 'events'>

function deliveryOf(store: WatchStore, changeId: number): WatchChangeView['delivery'] {
  const d = store.delivery(changeId)
  if (!d) return { state: 'none', attempts: 0 }
  return { state: stateOf(d), attempts: d.attempts }
}

export function changeView(store: WatchStore, c: WatchChange): WatchChangeView {
  const line = store.line(c.lineId)
  return {
    id: c.id,
    listId: c.listId,
    line: { id: c.lineId, label: line?.label ?? '', msisdn: line?.msisdn ?? '', cpf: line?.cpf ?? '' },
    kind: c.kind,
    eventName: c.eventName,
    eventAt: c.eventAt,
    detail: c.detail,
    severity: c.severity,
    baseline: c.baseline,
    detectedAt: c.detectedAt,
    read: c.readAt !== null,
    delivery: deliveryOf(store, c.id),
  }
}

export class WatchRunner {
  private readonly inFlight = new Map<number, Promise<PassResult | null>>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly ctx: WatchRunnerDeps,
    private readonly options: RunOptions = DEFAULT_RUN_OPTIONS,
    /** Where changes that need an analyst go (issue #22). */
    private readonly cases?: Cases,
  ) {}

  running(listId: number): boolean {
    return this.inFlight.has(listId)
  }

  /** A pass over the list now (or the one already running). */
  run(listId: number): Promise<PassResult | null> {
    const current = this.inFlight.get(listId)
    if (current) return current
    const store = new WatchStore(this.ctx.db)
    const pass = runPass(this.ctx, listId, this.options, undefined, this.cases)
      .then(async (result) => {
        for (const c of result?.changes ?? []) this.ctx.events.publish('watch:change', changeView(store, c))
        await deliverDue(this.ctx)
        return result
      })
      .finally(() => this.inFlight.delete(listId))
    this.inFlight.set(listId, pass)
    return pass
  }

  /** When the next pass of an active list is due (never run: now). */
  static nextRun(store: WatchStore, list: { id: number; everyMinutes: number; active: boolean }): string | null {
    if (!list.active) return null
    const last = store.lastPass(list.id)?.finishedAt
    return new Date(last ? Date.parse(last) + list.everyMinutes * 60_000 : Date.now()).toISOString()
  }

  /** Starts the due passes of the active lists of this environment (a pass left open by a crash is due at once). */
  tick(): void {
    const store = new WatchStore(this.ctx.db)
    for (const list of store.lists()) {
      if (!list.active || list.environment !== this.ctx.environment() || this.running(list.id)) continue
      const next = WatchRunner.nextRun(store, list)
      if (store.openPass(list.id) || (next && Date.parse(next) <= Date.now()))
        void this.run(list.id).catch((error: unknown) =>
          this.ctx.log.warn('watch.pass_failed', { list: list.id, reason: (error as Error).message }),
        )
    }
  }

  start(everyMs = 30_000): void {
    this.tick()
    this.timer = setInterval(() => {
      this.tick()
      // Deliveries that failed earlier are retried on their own schedule, pass or no pass.
      void deliverDue(this.ctx).catch((error: unknown) =>
        this.ctx.log.warn('watch.webhook_failed', { reason: (error as Error).message }),
      )
    }, everyMs)
    this.timer.unref()
  }

  /** No new pass; the ones running finish (their journal makes a kill safe anyway). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    await Promise.allSettled([...this.inFlight.values()])
  }
}
