import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { parse } from 'csv-parse'
import iconv from 'iconv-lite'
import { COLUMNS_CUT, RECORD_CUT, RecordFraming, type FramingLimits } from './framing'

/*
 * Reading an analyst's CSV as Excel writes it: UTF-8 with or without BOM, or Windows-1252; `,`, `;` or tab;
 * quoted fields with newlines. Streamed: a million rows never sit in memory. Problems are reported per row,
 * never by dropping it.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252'
export type Delimiter = ',' | ';' | '\t'
export interface Sniffed {
  encoding: Encoding
  delimiter: Delimiter
}
export type SniffResult =
  { ok: true; sniffed: Sniffed } | { ok: false; problem: 'empty' | 'binary' | 'unreadable' | 'utf16'; detail?: string }

const SAMPLE_BYTES = 64 * 1024
/** Cells longer than this are cut on import and the row flagged (a 10 MB "line" is not a customer). */
export const MAX_CELL_CHARS = 4096
/**
 * No customer list has this many columns. A line past it is cut before csv-parse sees it: one 8 MiB line of commas
 * would otherwise become eight million fields in memory (issue #14). The row is kept and flagged.
 */
export const MAX_COLUMNS = 5000
/** A record longer than this, its cells already cut, is cut (256 full cells): the row is kept and flagged. */
export const MAX_RECORD_CHARS = 1024 * 1024
/**
 * csv-parse's own limit, in bytes, never reached: framing hands it no record over MAX_RECORD_CHARS (≤ 3 bytes each).
 * Kept as a bound on memory should framing ever let one through (csv-parse cannot read on after it: issue #23).
 */
const MAX_RECORD_BYTES = 4 * MAX_RECORD_CHARS
/** A cut cell keeps one character past the limit: the reader sees it is too long, cuts it and flags the row. */
const FRAMING: FramingLimits = { cell: MAX_CELL_CHARS + 1, record: MAX_RECORD_CHARS, columns: MAX_COLUMNS }

function validUtf8(bytes: Buffer): boolean {
  // The sample may end inside a multi-byte character: check up to the last line break.
  const end = bytes.lastIndexOf(0x0a)
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      end > 0 && bytes.length === SAMPLE_BYTES ? bytes.subarray(0, end) : bytes,
    )
    return true
  } catch {
    return false
  }
}

function sniffDelimiter(text: string): Delimiter {
  const lines: string[] = []
  let current = ''
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    if (ch === '\n' && !quoted) {
      lines.push(current)
      current = ''
      if (lines.length >= 20) break
    } else if (!quoted) current += ch
  }
  // The sample may end inside a line: a last line without its newline counts only when it is the only one.
  if (current && lines.length === 0) lines.push(current)
  const candidates: Delimiter[] = [';', ',', '\t']
  let best: Delimiter = ','
  let bestScore = 0
  for (const d of candidates) {
    const counts = lines.filter((l) => l.trim() !== '').map((l) => l.split(d).length - 1)
    if (counts.length === 0) continue
    // The header names the columns: the delimiter that splits it most, helped by how many lines split the same. Rows
    // narrower than the header (one field, an empty cell) must not hide it (issue #22's property test found a list
    // whose only row was `""` read as one column).
    const header = counts[0] ?? 0
    const consistent = counts.filter((c) => c === header).length / counts.length
    const score = header * (1 + consistent)
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

export async function sniff(path: string): Promise<SniffResult> {
  let sample: Buffer
  try {
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(SAMPLE_BYTES)
      const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0)
      sample = buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch (error) {
    return {
      ok: false,
      problem: 'unreadable',
      detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    }
  }
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))
    return { ok: false, problem: 'utf16' }
  const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf
  const body = bom ? sample.subarray(3) : sample
  if (body.toString('latin1').trim() === '') return { ok: false, problem: 'empty' }
  const zeros = body.reduce((n, b) => n + (b === 0 ? 1 : 0), 0)
  const controls = body.reduce((n, b) => n + (b < 0x09 || (b > 0x0d && b < 0x20) ? 1 : 0), 0)
  if (zeros > 0 || controls / body.length > 0.05) return { ok: false, problem: 'binary' }
  const encoding: Encoding = bom ? 'utf-8-bom' : validUtf8(body) ? 'utf-8' : 'windows-1252'
  const text = encoding === 'windows-1252' ? iconv.decode(body, 'win1252') : body.toString('utf8')
  return { ok: true, sniffed: { encoding, delimiter: sniffDelimiter(text) } }
}

export type InputRecord =
  | { line: number; fields: string[]; cut: boolean; columnsCut?: boolean; recordCut?: boolean }
  | { line: number; error: string }

/**
 * Every record of the file, in order (header included as the first), with per-record problems. Framing bounds each
 * record before csv-parse reads it, so a record csv-parse rejects is one row, and the next record is read after it.
 */
export async function* readRecords(path: string, sniffed: Sniffed): AsyncGenerator<InputRecord> {
  const parser = parse({
    delimiter: sniffed.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    skip_records_with_error: true,
    info: true,
  })
  const framing = new RecordFraming(sniffed.delimiter, FRAMING)
  const skipped: InputRecord[] = []
  parser.on('skip', (error: Error & { lines?: number; bytes?: number; code?: string }) =>
    skipped.push({ line: framing.lineOf(error), error: `${error.code ?? 'CSV'}: ${error.message.slice(0, 200)}` }),
  )
  const source = createReadStream(path).pipe(
    iconv.decodeStream(sniffed.encoding === 'windows-1252' ? 'win1252' : 'utf8'),
  )
  source.on('error', (error) => parser.destroy(error))
  source.pipe(framing).pipe(parser)
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
    while (skipped.length) yield skipped.shift() as InputRecord
    let cut = false
    const marker = item.record[item.record.length - 1]
    const columnsCut = marker === COLUMNS_CUT
    const recordCut = marker === RECORD_CUT
    if (columnsCut || recordCut) item.record.pop()
    const fields = item.record.map((f) => {
      if (f.length <= MAX_CELL_CHARS) return f
      cut = true
      return f.slice(0, MAX_CELL_CHARS)
    })
    yield {
      line: framing.lineOf(item.info),
      fields,
      cut,
      ...(columnsCut ? { columnsCut } : {}),
      ...(recordCut ? { recordCut } : {}),
    }
  }
  while (skipped.length) yield skipped.shift() as InputRecord
}
