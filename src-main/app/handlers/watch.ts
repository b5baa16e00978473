import { join } from 'node:path'
import type { CoreContext } from '../../services/context'
import { AppFailure } from '../../infra/errors'
import type { Handlers } from '../router'
import { BatchUploads } from '../../services/batch/uploads'
import { addWatchlist, quotaPlan, watchlistFromJob } from '../../services/watch/lists'
import { changeView, WatchRunner } from '../../services/watch/runner'
import { webhookSecret } from '../../services/watch/outbound'
import { deliverDue, deliveries, retryDeliveries } from '../../services/watch/outbox'
import { WatchStore, type Watchlist } from '../../services/watch/store'

type WatchHandlers = Pick<
  Handlers,
  | 'watch:lists'
  | 'watch:add'
  | 'watch:set-active'
  | 'watch:remove'
  | 'watch:run'
  | 'watch:changes'
  | 'watch:read'
  | 'watch:retry-deliveries'
  | 'watch:line'
  | 'watch:webhook'
>

/** Monitoramento (issue #17): thin over services/watch. */
export function watchHandlers(ctx: CoreContext, runner: WatchRunner): WatchHandlers {
  const store = new WatchStore(ctx.db)
  const uploads = new BatchUploads(join(ctx.dataDir, 'batch-uploads'), () => ctx.translate())
  const view = (list: Watchlist) => {
    const lines = store.lineCount(list.id)
    return {
      id: list.id,
      name: list.name,
      checks: list.checks as ('alerts' | 'score')[],
      everyMinutes: list.everyMinutes,
      active: list.active,
      lines,
      createdAt: list.createdAt,
      lastRun: store.lastPass(list.id)?.finishedAt ?? null,
      nextRun: WatchRunner.nextRun(store, list),
      running: runner.running(list.id),
      quota: quotaPlan(list, lines),
      unread: store.unread(list.id),
    }
  }
  const found = (id: number): Watchlist => {
    const list = store.list(id)
    if (!list) throw new AppFailure('watch.list_not_found', { id })
    return list
  }
  return {
    'watch:lists': () =>
      store
        .lists()
        .filter((l) => l.environment === ctx.environment())
        .map(view),
    'watch:add': async ({ uploadId, jobId, name, checks, everyMinutes }) => {
      const { list, added, skipped } =
        jobId !== undefined
          ? watchlistFromJob(ctx, { jobId, name, checks, everyMinutes })
          : await addWatchlist(ctx, { path: uploads.path(uploadId ?? ''), name, checks, everyMinutes })
      // Paused until the analyst has seen what its cadence costs (the quota planner) and activates it.
      store.setActive(list.id, false)
      return { list: view(found(list.id)), added, skipped }
    },
    'watch:set-active': ({ listId, active }) => {
      store.setActive(found(listId).id, active)
      if (active) runner.tick()
      return view(found(listId))
    },
    'watch:remove': ({ listId }) => ({ removed: store.removeList(listId) }),
    'watch:run': async ({ listId }) => {
      const result = await runner.run(found(listId).id)
      return { asked: result?.asked ?? 0, changes: result?.changes.length ?? 0 }
    },
    'watch:changes': ({ listId, lineId }) =>
      store
        .changes(listId === undefined ? {} : { listId })
        .filter((c) => lineId === undefined || c.lineId === lineId)
        .map((c) => changeView(store, c)),
    'watch:read': ({ ids }) => ({ read: store.markRead(ids) }),
    'watch:retry-deliveries': async ({ ids, all }) => {
      const retried = retryDeliveries(ctx, all ? 'all' : (ids ?? []))
      const round = retried > 0 ? await deliverDue(ctx) : { delivered: 0 }
      return { retried, delivered: round.delivered }
    },
    'watch:webhook': async () => {
      const { webhookUrl, maskLines } = ctx.settings.get().watch
      const secret = await webhookSecret(ctx).catch(() => null)
      return { url: webhookUrl, maskLines, secretSet: secret !== null, undelivered: deliveries(ctx, true).length }
    },
    'watch:line': ({ lineId }) => {
      const line = store.line(lineId)
      if (!line) throw new AppFailure('watch.line_not_found', { id: lineId })
      return {
        id: line.id,
        label: line.label,
        msisdn: line.msisdn,
        cpf: line.cpf,
        checkedAt: line.checkedAt,
        lastStatus: line.lastStatus,
        lastScore: line.lastScore,
        events: line.knownEvents,
      }
    },
  }
}
