import { basename } from 'node:path'
import { detectMapping, type Check, type Mapping } from '../../../src-shared/domain/batch'
import { parseCpf } from '../../../src-shared/domain/cpf'
import { parseMsisdn } from '../../../src-shared/domain/phone'
import { AppFailure } from '../../infra/errors'
import { readRecords, sniff } from '../batch/input'
import { BatchJournal } from '../batch/journal'
import type { CoreContext } from '../context'
import { WatchStore, type Watchlist } from './store'

/*
 * Issue #17: a watchlist from a customer list — the same CSV reading and column detection as Lote. A line is kept
 * when it has what its checks need (a phone for Alerta, a CPF for Score); the others are counted, not guessed.
 */

export const WATCH_CHECKS = ['alerts', 'score'] as const satisfies readonly Check[]
export type WatchCheck = (typeof WATCH_CHECKS)[number]

/** seed 000: the Claro trial allows 1,000 requests; a contract's own quota replaces it. */
export const CLARO_TRIAL_REQUESTS = 1000

export type WatchListDeps = Pick<CoreContext, 'db' | 'environment'>

export async function addWatchlist(
  ctx: WatchListDeps,
  input: {
    path: string
    name?: string | undefined
    checks: WatchCheck[]
    everyMinutes: number
    /** Add the file's lines to this list (its own checks decide which lines are kept) instead of a new one. */
    toList?: number | undefined
  },
): Promise<{ list: Watchlist; added: number; skipped: number }> {
  const store = new WatchStore(ctx.db)
  const target = input.toList === undefined ? null : store.list(input.toList)
  if (input.toList !== undefined && !target) throw new AppFailure('watch.list_not_found', { id: input.toList })
  const checks = (target?.checks as WatchCheck[] | undefined) ?? input.checks
  const sniffed = await sniff(input.path)
  if (!sniffed.ok) throw new AppFailure('watch.import_failed', { key: sniffed.problem })
  let mapping: ReturnType<typeof detectMapping> | null = null
  const lines: { msisdn: string; cpf: string; label: string }[] = []
  let skipped = 0
  let rowNo = 0
  for await (const record of readRecords(input.path, sniffed.sniffed)) {
    if (!('fields' in record)) {
      if (mapping) skipped++
      continue
    }
    if (!mapping) {
      mapping = detectMapping(record.fields.map((f) => f.trim()))
      continue
    }
    rowNo++
    const line = lineOf(record.fields, mapping, checks, rowNo)
    if (line) lines.push(line)
    else skipped++
  }
  if (!mapping) throw new AppFailure('watch.import_failed', { key: 'empty' })
  if (mapping.phone === undefined && mapping.cpf === undefined)
    throw new AppFailure('watch.import_failed', { key: 'no_identifier' })
  const list =
    target ??
    store.createList({
      name: (input.name ?? basename(input.path)).slice(0, 120),
      environment: ctx.environment(),
      checks: input.checks,
      everyMinutes: input.everyMinutes,
    })
  return { list, added: store.addLines(list.id, lines), skipped }
}

/**
 * A watchlist from a finished batch (issue #17): its rows, read with the mapping the batch used, each line kept
 * when it has what the checks need — the analyst screened a list once and now keeps an eye on it.
 */
export function watchlistFromJob(
  ctx: WatchListDeps,
  input: { jobId: number; name?: string | undefined; checks: WatchCheck[]; everyMinutes: number },
): { list: Watchlist; added: number; skipped: number } {
  const journal = new BatchJournal(ctx.db)
  const job = journal.job(input.jobId)
  if (!job || (job.status !== 'done' && job.status !== 'cancelled'))
    throw new AppFailure('watch.job_not_ready', { id: input.jobId })
  const mapping = job.spec.mapping
  const lines: { msisdn: string; cpf: string; label: string }[] = []
  let skipped = 0
  for (let from = 1; ;) {
    const page = journal.rows(job.id, from, 2000)
    if (page.length === 0) break
    for (const row of page) {
      const line = lineOf(row.fields, mapping, input.checks, row.rowNo)
      if (line) lines.push(line)
      else skipped++
    }
    from = (page[page.length - 1]?.rowNo ?? from) + 1
  }
  const store = new WatchStore(ctx.db)
  const list = store.createList({
    name: (input.name ?? job.name).slice(0, 120),
    environment: ctx.environment(),
    checks: input.checks,
    everyMinutes: input.everyMinutes,
  })
  return { list, added: store.addLines(list.id, lines), skipped }
}

/** A row as a watched line, or null when it lacks what the checks need. */
function lineOf(
  fields: readonly string[],
  mapping: Mapping,
  checks: readonly WatchCheck[],
  rowNo: number,
): { msisdn: string; cpf: string; label: string } | null {
  const cell = (i: number | undefined) => (i === undefined ? '' : (fields[i] ?? ''))
  const phone = parseMsisdn(cell(mapping.phone))
  const cpf = parseCpf(cell(mapping.cpf))
  if (!((checks.includes('alerts') && phone.ok) || (checks.includes('score') && cpf.ok))) return null
  return {
    msisdn: phone.ok ? phone.msisdn : '',
    cpf: cpf.ok ? cpf.cpf : '',
    label: cell(mapping.name).trim().slice(0, 120) || `#${rowNo}`,
  }
}

/** Calls a day per provider at the list's cadence (both checks are Claro's), against the trial quota. */
export function quotaPlan(list: Watchlist, lines: number): { claroPerDay: number; trial: number } {
  const passesPerDay = Math.ceil(1440 / Math.max(1, list.everyMinutes))
  return { claroPerDay: lines * list.checks.length * passesPerDay, trial: CLARO_TRIAL_REQUESTS }
}
