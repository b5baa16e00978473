import { createWriteStream } from 'node:fs'
import { rename } from 'node:fs/promises'
import { once } from 'node:events'
import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'
import { CHECKS, neutralise, type Check } from '../../src-shared/domain/batch'
import { decide, type Rules } from '../../src-shared/domain/verdict'
import { verdictInput, type CallResult } from './checks'
import type { BatchJournal, CallRecord, JobRow } from './journal'

/*
 * The screened list: every input row once, in input order, original columns as they came, result columns after.
 * CSV in UTF-8 with BOM (Excel reads accents right), `;` or `,`; every cell starting with = + - @ tab or CR is
 * prefixed with a quote (OWASP CSV injection). XLSX cells are written as text, never as formulas.
 */

export const RESULT_COLUMNS: Record<Check, string[]> = {
  alerts: ['alerta_status', 'alerta_eventos', 'alerta_ultimo_evento'],
  score: ['score_status', 'score'],
  datatrust: ['datatrust_status', 'datatrust_score', 'datatrust_insights'],
  line: ['linha_status', 'linha_tipo', 'linha_tecnologia', 'linha_situacao', 'linha_cliente'],
}
export const COMMON_COLUMNS = ['veredito', 'veredito_motivos', 'linha_problema']

export interface ResultRow {
  rowNo: number
  fields: string[]
  results: string[]
  verdict: string
  problem: string
  statuses: Partial<Record<Check, string>>
}

function columnsFor(check: Check, key: string | undefined, call: CallRecord | null): { status: string; values: string[] } {
  const width = (RESULT_COLUMNS[check]?.length ?? 1) - 1
  const empty = (status: string) => ({ status, values: [status, ...Array<string>(width).fill('')] })
  if (!key) return empty('')
  if (key.startsWith('!')) return empty(`invalido: ${key.slice(1)}`)
  if (!call) return empty('pendente')
  if (!call.ok) return empty(`falhou: ${call.reason ?? call.code ?? ''}`)
  const r = call.result as CallResult
  if ('notFound' in r) return empty('nao_encontrado')
  switch (r.check) {
    case 'alerts': {
      const latest = [...r.events].sort((a, b) => b.timestamp.localeCompare(a.timestamp))[0]
      return { status: 'ok', values: ['ok', r.events.map((e) => e.eventName).join(' | '), latest?.timestamp ?? ''] }
    }
    case 'score':
      return { status: 'ok', values: ['ok', String(r.score)] }
    case 'datatrust':
      return { status: 'ok', values: ['ok', r.score === null ? '' : String(r.score), r.insights.map((i) => i.Code).join(' | ')] }
    case 'line': {
      const p = r.parameters
      return { status: 'ok', values: ['ok', p['SUBSCRIBER_TYPE'] ?? '', p['TECNOLOGY'] ?? '', p['STATUS'] ?? '', p['CUSTOMER_TYPE'] ?? ''] }
    }
  }
  return empty('')
}

/** Each row with its result columns and verdict, a page at a time, in input order. */
export function* resultRows(journal: BatchJournal, job: JobRow, rules: Rules, now = new Date()): Generator<ResultRow> {
  const checks = CHECKS.filter((c) => job.spec.checks.includes(c))
  // Rows repeating an identifier share its answer: read (and parse) it once. Bounded, for million-row files.
  const memo = new Map<string, CallRecord | null>()
  const answer = (check: Check, key: string): CallRecord | null => {
    const id = `${check}\u0000${key}`
    if (memo.has(id)) return memo.get(id) ?? null
    if (memo.size > 50_000) memo.clear()
    const call = journal.call(job.id, check, key)
    memo.set(id, call)
    return call
  }
  for (let from = 1; ; ) {
    const page = journal.rows(job.id, from, 2000)
    if (page.length === 0) return
    for (const row of page) {
      const results: string[] = []
      const answers: Parameters<typeof verdictInput>[0] = {}
      const statuses: Partial<Record<Check, string>> = {}
      for (const check of checks) {
        const key = row.keys[check]
        const call = key && !key.startsWith('!') ? answer(check, key) : null
        const cols = columnsFor(check, key, call)
        statuses[check] = cols.status
        results.push(...cols.values)
        if (call) answers[check] = call.ok ? { ok: true, result: call.result as CallResult } : { ok: false, code: call.code ?? 'failed' }
      }
      const verdict = Object.keys(answers).length ? decide(verdictInput(answers), rules, now) : null
      const reasons = verdict ? verdict.fired.map((f) => f.rule).join(' | ') : ''
      results.push(verdict?.verdict ?? '', reasons, row.problem ?? '')
      yield { rowNo: row.rowNo, fields: row.fields, results, verdict: verdict?.verdict ?? '', problem: row.problem ?? '', statuses }
    }
    from = (page[page.length - 1]?.rowNo ?? from) + 1
  }
}

export function resultHeader(job: JobRow): string[] {
  return [...(job.header ?? []), ...CHECKS.filter((c) => job.spec.checks.includes(c)).flatMap((c) => RESULT_COLUMNS[c]), ...COMMON_COLUMNS]
}

/** Writes to a temporary file and renames it: a crash never leaves a half export under the final name. */
export async function exportCsv(journal: BatchJournal, job: JobRow, rules: Rules, out: string, delimiter: ';' | ','): Promise<number> {
  const tmp = `${out}.partial`
  const file = createWriteStream(tmp)
  file.write('\uFEFF')
  const csv = stringify({ delimiter, record_delimiter: 'windows', quoted_match: /[\s"]/ })
  csv.pipe(file)
  const write = async (cells: string[]): Promise<void> => {
    if (!csv.write(cells.map(neutralise))) await once(csv, 'drain')
  }
  await write(resultHeader(job))
  let count = 0
  for (const row of resultRows(journal, job, rules)) {
    await write([...row.fields, ...row.results])
    count++
  }
  csv.end()
  await once(file, 'close')
  await rename(tmp, out)
  return count
}

export async function exportXlsx(journal: BatchJournal, job: JobRow, rules: Rules, out: string): Promise<number> {
  const tmp = `${out}.partial`
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: false, useStyles: false })
  const sheet = workbook.addWorksheet('Sentinela')
  sheet.addRow(resultHeader(job)).commit()
  let count = 0
  for (const row of resultRows(journal, job, rules)) {
    sheet.addRow([...row.fields, ...row.results]).commit()
    count++
  }
  sheet.commit()
  await workbook.commit()
  await rename(tmp, out)
  return count
}
