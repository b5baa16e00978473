import type { CoreContext } from '../../src-main/services/context'
import { enqueue } from '../../src-main/services/watch/outbound'
import { WatchStore, type WatchChange } from '../../src-main/services/watch/store'

/**
 * `count` SIM-swap changes of one line of a new list, recorded at `at` and queued for the webhook in one transaction,
 * as a pass records and queues them — for the outbox's tests and bench, which need changes, not a pass.
 */
export function recordWatchChanges(
  ctx: Pick<CoreContext, 'db' | 'settings'>,
  count: number,
  at: Date,
  name = 'Carteira',
): WatchChange[] {
  const db = ctx.db
  const iso = at.toISOString()
  return db.transaction(() => {
    const list = Number(
      db
        .prepare(
          `INSERT INTO watchlists (name, environment, checks, every_minutes, created_at) VALUES (?, 'sandbox', '["alerts"]', 60, ?)`,
        )
        .run(name, iso).lastInsertRowid,
    )
    const line = Number(
      db
        .prepare(
          `INSERT INTO watch_lines (list_id, msisdn, cpf, label, added_at) VALUES (?, '5511999990001', '', 'Ana', ?)`,
        )
        .run(list, iso).lastInsertRowid,
    )
    const insert = db.prepare(
      `INSERT INTO watch_changes (list_id, line_id, pass_id, kind, event_name, event_at, severity, baseline, detected_at, dedupe)
       VALUES (?, ?, 1, 'event', 'SIMCARD_CHANGED', ?, 'recusar', 0, ?, ?)`,
    )
    const store = new WatchStore(db)
    const changes = Array.from({ length: count }, (_, i) =>
      store.change(Number(insert.run(list, line, iso, iso, `${list}-${i}`).lastInsertRowid)),
    ).filter((c): c is WatchChange => c !== null)
    enqueue(ctx, changes, iso)
    return changes
  })()
}
