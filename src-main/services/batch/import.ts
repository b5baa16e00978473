import { detectMapping, keyFor, type Check, type Mapping } from '../../../src-shared/domain/batch'
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_RECORD_CHARS, readRecords, sniff } from './input'
import type { BatchJournal, JobRow } from './journal'
import { importProblemCode, importStoppedCode } from '../../../src-shared/domain/import-problems'

const FLUSH_ROWS = 2000

/**
 * Streams the CSV into the journal: every record becomes a row (in order), valid or with its reasons; the unique
 * identifiers per check are collected for the run. Returns the mapping used (given, or detected from the header).
 */
export async function importJob(
  journal: BatchJournal,
  job: JobRow,
): Promise<{ ok: boolean; problem: string | null; mapping: Mapping }> {
  const sniffed = await sniff(job.inputPath)
  if (!sniffed.ok) {
    const problem = importProblemCode(sniffed.problem, sniffed.detail)
    journal.failImport(job.id, problem)
    return { ok: false, problem, mapping: job.spec.mapping }
  }
  const importer = journal.importer(job.id)
  let header: string[] | null = null
  let mapping: Mapping = job.spec.mapping
  let rowNo = 0
  let invalid = 0
  let pending: Parameters<typeof importer.add>[0] = []
  let stopped: string | null = null
  for await (const record of readRecords(job.inputPath, sniffed.sniffed)) {
    if ('error' in record) {
      // A record csv-parse could not read: kept as a row with its reason (and, for an oversized record, the end).
      if (!header) {
        stopped = importStoppedCode(record.line, record.error)
        break
      }
      rowNo++
      invalid++
      pending.push({
        rowNo,
        line: record.line,
        fields: [],
        problem: `record:${record.error}`,
        keys: Object.fromEntries(job.spec.checks.map((c) => [c, '!unreadable_row'])),
      })
      if (record.error.startsWith('CSV_MAX_RECORD_SIZE')) stopped = importStoppedCode(record.line, record.error)
      continue
    }
    if (!header) {
      header = record.fields.map((f) => f.trim())
      if (Object.keys(mapping).length === 0) mapping = detectMapping(header)
      continue
    }
    rowNo++
    // Damage to the row itself, as codes the export words per language (policy.problems); an identifier that
    // cannot be read is kept in its key (`!invalid_cpf.check_digits`) and becomes that check's "not run" reason.
    const problems: string[] = []
    if (record.fields.length !== header.length) problems.push(`columns:${record.fields.length},${header.length}`)
    if (record.cut) problems.push(`cell_cut:${MAX_CELL_CHARS}`)
    if (record.columnsCut) problems.push(`columns_cut:${MAX_COLUMNS}`)
    if (record.recordCut) problems.push(`record_cut:${MAX_RECORD_CHARS}`)
    const keys: Partial<Record<Check, string>> = {}
    let unreadable = false
    for (const check of job.spec.checks) {
      const k = keyFor(check, record.fields, mapping)
      keys[check] = k.ok ? k.key : `!${k.reason}`
      if (!k.ok) unreadable = true
    }
    if (problems.length || unreadable) invalid++
    pending.push({
      rowNo,
      line: record.line,
      fields: record.fields,
      problem: problems.length ? problems.join('; ') : null,
      keys,
    })
    if (pending.length >= FLUSH_ROWS) {
      importer.add(pending)
      pending = []
    }
  }
  importer.add(pending)
  if (!header) {
    const problem = stopped ?? importProblemCode('empty')
    journal.failImport(job.id, problem)
    return { ok: false, problem, mapping }
  }
  const problem =
    stopped ??
    (rowNo === 0
      ? importProblemCode('header_only')
      : mapping.cpf === undefined && mapping.phone === undefined
        ? importProblemCode('no_identifier')
        : null)
  journal.finishImport(job.id, { header, sniffed: sniffed.sniffed, totalRows: rowNo, invalidRows: invalid, problem })
  return { ok: true, problem, mapping }
}
