import { createWriteStream } from 'node:fs'
import { rename } from 'node:fs/promises'
import { once } from 'node:events'
import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'
import { neutralise } from '../../../src-shared/domain/batch'
import { wallClockDate } from '../../../src-shared/domain/format'
import type { Translate } from '../../../src-shared/i18n'
import type { Db } from '../../infra/store/db'
import { cellText, resultColumns, type Cell, type ReviewLookup, type RowReview } from './columns'
import { inputCells, inputHeader } from './layout'
import type { JobRow } from './journal'
import { inputLayout, storedRows, type StoredRow } from './results'

/*
 * The screened list: every input row once, in input order, original columns as they came, result columns after
 * (the job's results must be materialised first: the verdicts are the stored ones, with the policy that made them).
 * CSV in UTF-8 with BOM (Excel reads accents right); `;` is pt-BR Excel's: decimal comma, dd/mm/aaaa hh:mm in the
 * user's zone; `,` keeps ISO-8601 with the offset and a decimal point. Cells that would run as a formula are
 * prefixed with a quote (OWASP CSV injection). XLSX: real numbers and dates with formats, identifiers as text,
 * never a formula — and its text cells carry the same quote: the sheet re-saved as CSV would run them otherwise.
 */

export interface ExportOptions {
  mode: 'words' | 'codes'
  t: Translate
  timeZone: string
  /** The job is not decided yet (running, paused): its verdicts are provisional, its unanswered rows pendente. */
  provisional?: boolean
  /** What the file carries (job, policy, decision set), as label/value lines: XLSX writes them on a sheet of their own. */
  about?: [string, string][]
  /** The analyst's decisions on the rows' cases (issue #22). */
  reviews?: ReviewLookup | undefined
}

const REVIEW_PAGE = 2000

/** Every stored row with its case's decision, read a page of rows at a time. */
function* reviewed(
  db: Db,
  job: JobRow,
  reviews: ReviewLookup | undefined,
): Generator<StoredRow & { review: RowReview | null }> {
  let page = new Map<number, RowReview>()
  let until = 0
  for (const row of storedRows(db, job)) {
    if (reviews && row.rowNo >= until) {
      until = row.rowNo + REVIEW_PAGE
      page = reviews(job.id, row.rowNo, until)
    }
    yield { ...row, review: page.get(row.rowNo) ?? null }
  }
}

export async function exportCsv(
  db: Db,
  job: JobRow,
  out: string,
  delimiter: ';' | ',',
  options: ExportOptions,
): Promise<number> {
  const tmp = `${out}.partial`
  const file = createWriteStream(tmp)
  file.write('\uFEFF')
  const csv = stringify({ delimiter, record_delimiter: 'windows', quoted_match: /[\s"]/ })
  csv.pipe(file)
  const write = async (cells: string[]): Promise<void> => {
    if (!csv.write(cells.map(neutralise))) await once(csv, 'drain')
  }
  const columns = resultColumns(job, options)
  const layout = inputLayout(db, job)
  const style = {
    decimalComma: delimiter === ';',
    dates: delimiter === ';' ? ('br' as const) : ('iso' as const),
    timeZone: options.timeZone,
  }
  await write([...inputHeader(job.header ?? [], layout, options), ...columns.header])
  let count = 0
  for (const row of reviewed(db, job, options.reviews)) {
    const cells = columns.cells(row).map((c) => cellText(c, style))
    await write([...inputCells(row.fields, layout, delimiter), ...cells])
    count++
  }
  csv.end()
  await once(file, 'close')
  await rename(tmp, out)
  return count
}

const FORMATS: Record<'int' | 'decimal' | 'date', string> = { int: '0', decimal: '0.0#', date: 'dd/mm/yyyy hh:mm' }

function xlsxValue(cell: Cell, timeZone: string): { value: string | number | Date; numFmt?: string } {
  if (cell.kind === 'number') return { value: cell.value, numFmt: cell.fraction === 0 ? FORMATS.int : FORMATS.decimal }
  if (cell.kind === 'date') {
    const date = wallClockDate(cell.iso, timeZone)
    return date ? { value: date, numFmt: FORMATS.date } : { value: neutralise(cell.iso) }
  }
  return { value: neutralise(cell.text) }
}

export async function exportXlsx(db: Db, job: JobRow, out: string, options: ExportOptions): Promise<number> {
  const tmp = `${out}.partial`
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: false, useStyles: true })
  const sheet = workbook.addWorksheet('Sentinela')
  const columns = resultColumns(job, options)
  const layout = inputLayout(db, job)
  sheet.addRow([...inputHeader(job.header ?? [], layout, options), ...columns.header].map(neutralise)).commit()
  let count = 0
  for (const row of reviewed(db, job, options.reviews)) {
    const typed = columns.cells(row).map((c) => xlsxValue(c, options.timeZone))
    // Input cells stay text (a CPF or a phone must not become a number); result cells carry their type.
    const fields = inputCells(row.fields, layout, job.sniffed?.delimiter ?? ';').map(neutralise)
    const added = sheet.addRow([...fields, ...typed.map((c) => c.value)])
    typed.forEach((c, i) => {
      if (c.numFmt) added.getCell(fields.length + i + 1).numFmt = c.numFmt
    })
    added.commit()
    count++
  }
  sheet.commit()
  if (options.about?.length) {
    // Issue #22: the file states the policy and the decision set it carries, beside the rows.
    const about = workbook.addWorksheet(options.t('batch.about.sheet'))
    for (const line of options.about) about.addRow(line.map(neutralise)).commit()
    about.commit()
  }
  await workbook.commit()
  await rename(tmp, out)
  return count
}

/** An export written anywhere (the data folder or the CLI's --out): an LGPD erasure must reach it (issue #14). */
export function recordExport(db: Db, jobId: number | null, path: string, at = new Date()): void {
  db.prepare('INSERT OR REPLACE INTO written_files (path, at, job_id) VALUES (?, ?, ?)').run(
    path,
    at.toISOString(),
    jobId,
  )
}
