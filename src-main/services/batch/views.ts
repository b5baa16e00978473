import type { ParsedRequestOf } from '../../../src-shared/contract'
import { CHECK_PROVIDER, personFrom, type Check } from '../../../src-shared/domain/batch'
import { explain } from '../../../src-shared/domain/policy/explain'
import { AppFailure } from '../../infra/errors'
import type { CoreContext } from '../context'
import { cellText, resultColumns, type ReviewLookup } from './columns'
import { inputCells, inputHeader } from './layout'
import { MAX_CELL_CHARS } from './input'
import type { BatchJournal, JobRow } from './journal'
import { inputLayout, materialise, page, policyOf, summary, type StoredRow } from './results'
import { rowFacts } from './facts'
import { memoRowDecider, policyRef } from '../../../src-shared/domain/policy'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type BatchViewDeps = Pick<CoreContext, 'db' | 'environment' | 'settings' | 'translate'>

/* What the Lote screens read: the plan before a run, a page of the grid, one row in detail. */

/** seed 000: the Alerta trial plan has 1000 free requests. */
const CLARO_TRIAL_REQUESTS = 1000

/** Claro requests already made in this environment (batches and single lookups): the trial plan counts them all. */
function claroTrialUsed(ctx: BatchViewDeps): number {
  const env = ctx.environment()
  const batch = ctx.db
    .prepare(
      "SELECT COALESCE(SUM(c.attempts), 0) AS n FROM batch_calls c JOIN batch_jobs j ON j.id = c.job_id WHERE c.check_name IN ('alerts', 'score') AND json_extract(j.spec, '$.environment') = ?",
    )
    .get(env) as { n: number }
  const single = ctx.db
    .prepare("SELECT COUNT(*) AS n FROM history WHERE kind IN ('alerts', 'score') AND environment = ?")
    .get(env) as { n: number }
  return batch.n + single.n
}

/** The calls left per provider and what the Claro trial has left. */
export function plan(ctx: BatchViewDeps, journal: BatchJournal, prepared: JobRow) {
  const s = { ...summary(journal, prepared), decided: null }
  const callsByProvider: Record<string, number> = {}
  for (const check of prepared.spec.checks) {
    const left = (s.unique[check] ?? 0) - (s.answered[check] ?? 0) - (s.failed[check] ?? 0)
    callsByProvider[CHECK_PROVIDER[check]] = (callsByProvider[CHECK_PROVIDER[check]] ?? 0) + left
  }
  const used = claroTrialUsed(ctx)
  return {
    job: s,
    header: prepared.header ?? [],
    mapping: prepared.spec.mapping,
    callsByProvider,
    claroTrial: { limit: CLARO_TRIAL_REQUESTS, used, left: Math.max(0, CLARO_TRIAL_REQUESTS - used) },
  }
}

/**
 * While a run is in progress, the grid in file order is decided page by page straight from the journal: each row as
 * its answers land, at the cost of the page alone (rebuilding every result of a 100k-row list on each look would
 * slow the run). Sorting and filters read the materialised results.
 */
function livePage(ctx: BatchViewDeps, journal: BatchJournal, job: JobRow, q: ParsedRequestOf<'batch:rows'>) {
  const first = ctx.db
    .prepare('SELECT row_no FROM batch_rows WHERE job_id = ? ORDER BY row_no LIMIT 1 OFFSET ?')
    .get(job.id, q.offset) as { row_no: number } | undefined
  const decider = memoRowDecider(policyOf(job, ctx.settings.get().policy))
  const rows: StoredRow[] = first
    ? [...rowFacts(journal, job, { from: first.row_no, limit: q.limit })].map((r) => {
        const d = decider(JSON.stringify(r.facts))
        return {
          rowNo: r.rowNo,
          fields: r.fields,
          facts: r.facts,
          decision: { verdict: d.verdict, reasons: d.reasons, policy: d.policy },
        }
      })
    : []
  return { total: job.totalRows, rows }
}

/** The result columns as the screen shows them: in words, no codes column, the analyst's number and date formats. */
function screenColumns(ctx: BatchViewDeps, j: JobRow) {
  const settings = ctx.settings.get()
  const provisional = j.decisionSet === null
  const columns = resultColumns(j, { mode: 'words', t: ctx.translate(), screen: true, provisional })
  const style = {
    decimalComma: settings.language === 'pt-BR',
    dates: settings.language === 'pt-BR' ? ('br' as const) : ('iso' as const),
    timeZone: settings.timeZone,
  }
  return { columns, style }
}

/** A page of the grid, in words and the analyst's formats. */
export function gridPage(
  ctx: BatchViewDeps,
  journal: BatchJournal,
  found: JobRow,
  q: ParsedRequestOf<'batch:rows'>,
  reviews?: ReviewLookup,
) {
  const live =
    (found.status === 'running' || found.status === 'paused') && q.sort === 'row' && !q.verdict && !q.status && !q.flag
  // A query from the top re-checks the answers and the policy; the pages that follow while scrolling read what is built.
  const fresh = !live && (q.offset === 0 || !found.resultsStamp)
  const j = fresh ? materialise(ctx.db, journal, found, ctx.settings.get().policy) : found
  const { total, rows } = live ? livePage(ctx, journal, found, q) : page(ctx.db, j, q)
  const t = ctx.translate()
  const { columns, style } = screenColumns(ctx, j)
  const layout = inputLayout(ctx.db, j)
  const delimiter = j.sniffed?.delimiter ?? ';'
  // The analyst's decisions on the page's rows (issue #22), read once for the page's range.
  const numbers = rows.map((r) => r.rowNo)
  const decided = reviews && numbers.length ? reviews(j.id, Math.min(...numbers), Math.max(...numbers) + 1) : new Map()
  return {
    header: [...inputHeader(j.header ?? [], layout, { mode: 'words', t }), ...columns.header],
    total,
    rows: rows.map((r) => ({
      rowNo: r.rowNo,
      verdict: r.decision.verdict,
      reasons: explain(r.decision, t),
      cells: [
        // The screen shows at most a cell's worth of the excess; the export carries up to a spreadsheet cell.
        ...inputCells(r.fields, layout, delimiter, MAX_CELL_CHARS),
        ...columns.cells({ ...r, review: decided.get(r.rowNo) ?? null }).map((c) => cellText(c, style)),
      ],
    })),
  }
}

/** One row: its fields, every check's raw answer (or why it was not run), and its decision. */
export function rowDetail(ctx: BatchViewDeps, journal: BatchJournal, j: JobRow, rowNo: number, reviews?: ReviewLookup) {
  const row = journal.rows(j.id, rowNo, 1)[0]
  if (!row || row.rowNo !== rowNo) throw new AppFailure('batch.job_not_found', { id: `${j.id}/${rowNo}` })
  const calls = Object.entries(row.keys).map(([check, key]) => ({
    check,
    key: key ?? '',
    answer:
      key && !key.startsWith('!') ? (journal.call(j.id, check as Check, key) ?? null) : { invalid: key?.slice(1) },
  }))
  // A decided job's row reads its recorded verdict; one not decided yet is decided from its answers as they stand
  // (pendente while a check has not answered) under the policy that will decide it.
  const stored =
    j.decisionSet !== null && j.resultsStamp
      ? page(ctx.db, j, { offset: 0, limit: 1, sort: 'row', rowFrom: rowNo }).rows[0]
      : undefined
  const facts = [...rowFacts(journal, j, { from: rowNo, limit: 1 })].find((r) => r.rowNo === rowNo)
  const policy = policyOf(j, ctx.settings.get().policy)
  const live = facts ? memoRowDecider(policy)(JSON.stringify(facts.facts)) : null
  const decided =
    stored?.rowNo === rowNo
      ? stored.decision
      : live
        ? { verdict: live.verdict, reasons: live.reasons, policy: policyRef(policy) }
        : null
  // The row's answers in words: the same columns as the grid.
  const { columns, style } = screenColumns(ctx, j)
  const review = reviews?.(j.id, rowNo, rowNo + 1).get(rowNo) ?? null
  const cells = facts && decided ? columns.cells({ ...facts, decision: decided, review }) : []
  const summary = cells
    .map((c, i) => ({ label: columns.header[i] ?? '', value: cellText(c, style) }))
    .filter((x) => x.value !== '')
  return {
    summary,
    // The row's identifiers as it was read (its mapping): "Abrir no Cliente" hands them over (issue #22).
    person: personFrom(row.fields, j.spec.mapping),
    fields: row.fields,
    header: j.header ?? [],
    problem: row.problem,
    verdict: decided?.verdict ?? null,
    reasons: decided ? explain(decided, ctx.translate()) : [],
    calls,
  }
}
