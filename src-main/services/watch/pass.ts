import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CoreContext } from '../context'
import { BatchJournal, type JobRow } from '../batch/journal'
import { rowFacts } from '../batch/facts'
import { prepareJob, runJob } from '../batch/service'
import type { Progress, RunDeps, RunOptions } from '../batch/runner'
import { changeReasons, diffLine } from './diff'
import type { Cases } from '../cases/service'
import { caseFromWatch } from '../cases/sources'
import { enqueue } from './outbound'
import { WatchStore, type WatchChange, type Watchlist, type WatchPass } from './store'

/*
 * Issue #17: one pass over a watchlist is a batch job (the Lote engine: rate limits per provider, one token for
 * every call, the crash-safe journal): each line asked once, then every line compared with what was known. A pass
 * killed at any moment is found open by the next run, which resumes its job (answered calls are not repeated) and
 * records its changes in one transaction — so no change is ever reported twice.
 */

export type WatchDeps = RunDeps & Pick<CoreContext, 'db' | 'dataDir' | 'environment' | 'settings' | 'log'>

export interface PassResult {
  list: Watchlist
  pass: WatchPass
  /** The changes this pass found (a resumed pass: those not recorded before it was killed). */
  changes: WatchChange[]
  asked: number
}

/** The pass's input: one row per line, the line's id first (it comes back with the row). */
function writePassInput(ctx: WatchDeps, store: WatchStore, list: Watchlist, passId: number): string {
  const dir = join(ctx.dataDir, 'watch')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `pass-${passId}.csv`)
  const rows = ['linha;celular;cpf']
  for (const line of store.lines(list.id)) rows.push(`${line.id};${line.msisdn};${line.cpf}`)
  writeFileSync(path, `${rows.join('\r\n')}\r\n`)
  return path
}

async function passJob(ctx: WatchDeps, store: WatchStore, list: Watchlist, open: WatchPass | null) {
  const journal = new BatchJournal(ctx.db)
  const found = open?.jobId ? journal.job(open.jobId) : null
  if (open && found) return { pass: open, job: found }
  const pass = open ?? store.startPass(list.id, store.lineCount(list.id))
  const inputPath = writePassInput(ctx, store, list, pass.id)
  const job = await prepareJob(ctx, {
    inputPath,
    checks: list.checks,
    mapping: { phone: 1, cpf: 2 },
    reuseHours: 0, // a watch asks now: an answer from an earlier pass would hide today's SIM swap
    name: `watch:${list.id}:${pass.id}`,
  })
  store.setPassJob(pass.id, job.id)
  return { pass, job }
}

/** Compares every line of the finished job with what was known, streaming, and records it all at once. */
function conclude(
  ctx: WatchDeps,
  store: WatchStore,
  list: Watchlist,
  pass: WatchPass,
  job: JobRow,
  cases?: Cases,
): WatchChange[] {
  const journal = new BatchJournal(ctx.db)
  const policy = ctx.settings.get().policy
  const at = new Date().toISOString()
  return store.finishPass(
    pass.id,
    at,
    (apply) => {
      // A watchlist's lines are unique: no answer is shared by two rows, nothing to keep between them.
      for (const row of rowFacts(journal, journal.job(job.id) ?? job, { shared: false })) {
        const line = store.line(Number(row.fields[0]))
        if (!line || line.listId !== list.id) continue // removed from the list during the pass
        const diff = diffLine(line, row.facts.outcomes, list.checks, policy)
        apply(diff.update, diff.changes)
      }
    },
    (added) => {
      enqueue(ctx, added, at)
      // Issue #22: in the same transaction, each change opens, joins or reopens its person's case.
      if (!cases) return
      for (const c of added) {
        const line = store.line(c.lineId)
        if (line) caseFromWatch(cases, line, c, changeReasons(c, policy), policy, new Date(at))
      }
    },
  )
}

export async function runPass(
  ctx: WatchDeps,
  listId: number,
  options: RunOptions,
  onProgress?: (p: Progress) => void,
  cases?: Cases,
): Promise<PassResult | null> {
  const store = new WatchStore(ctx.db)
  const list = store.list(listId)
  if (!list || store.lineCount(list.id) === 0) return null
  const { pass, job } = await passJob(ctx, store, list, store.openPass(list.id))
  if (job.status !== 'done') {
    const outcome = await runJob(ctx, job, options, onProgress).done
    if (outcome !== 'done') return { list, pass, changes: [], asked: 0 } // stopped (SIGTERM): resumed next run
  }
  const changes = conclude(ctx, store, list, pass, job, cases)
  const asked = Object.values(new BatchJournal(ctx.db).counts(job.id).answered).reduce((a, b) => a + b, 0)
  // The pass's answers live on in the lines; its job and input file are not needed any more.
  new BatchJournal(ctx.db).remove(job.id)
  rmSync(join(ctx.dataDir, 'watch', `pass-${pass.id}.csv`), { force: true })
  return { list, pass: store.lastPass(list.id) ?? pass, changes, asked }
}
