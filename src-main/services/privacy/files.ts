import { createReadStream, createWriteStream, existsSync, readdirSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import type { Db } from '../../infra/store/db'
import { mentions } from '../../../src-shared/domain/privacy'

/*
 * Files that can hold a person's data (issue #14): uploaded lists, exports (in the data folder, and any path the
 * CLI wrote one to), logs, and the copies of settings.json put aside as unreadable (issue #23; the settings in use
 * are erased through their store). A CSV is rewritten record by record (a quoted field may span lines), a log line by line,
 * an XLSX row by row; bytes are read as latin1 so a list in Windows-1252 or UTF-8 comes back byte for byte.
 */

export type FileKind = 'upload' | 'export' | 'log' | 'settings'
export interface PersonalFile {
  path: string
  kind: FileKind
  format: 'csv' | 'lines' | 'xlsx'
}

/** A dossier (issue #22, one line of HTML about one person) is read line by line: the person's line goes whole. */
const formatOf = (name: string): PersonalFile['format'] =>
  name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : /\.html?$/i.test(name) ? 'lines' : 'csv'

function listDir(dir: string, test: (name: string) => boolean): string[] {
  try {
    return readdirSync(dir)
      .filter(test)
      .map((name) => join(dir, name))
  } catch {
    return [] // never created
  }
}

export function personalFiles(dataDir: string, db: Db): PersonalFile[] {
  const files: PersonalFile[] = [
    ...listDir(join(dataDir, 'batch-uploads'), () => true).map((path) => ({
      path,
      kind: 'upload' as const,
      format: 'csv' as const,
    })),
    ...listDir(join(dataDir, 'batch-exports'), (n) => !n.endsWith('.partial')).map((path) => ({
      path,
      kind: 'export' as const,
      format: formatOf(path),
    })),
    ...listDir(join(dataDir, 'logs'), (n) => /^sentinela\.log(\.\d+)?$/.test(n)).map((path) => ({
      path,
      kind: 'log' as const,
      format: 'lines' as const,
    })),
    // Put aside by infra/settings when unreadable: never read again, but still the person's data.
    ...listDir(dataDir, (n) => /^settings\.corrupt-.+\.json$/.test(n)).map((path) => ({
      path,
      kind: 'settings' as const,
      format: 'lines' as const,
    })),
  ]
  const seen = new Set(files.map((f) => resolve(f.path)))
  for (const { path } of db.prepare('SELECT path FROM written_files ORDER BY at').all() as { path: string }[]) {
    if (seen.has(resolve(path)) || !existsSync(path)) continue
    seen.add(resolve(path))
    files.push({ path, kind: 'export', format: formatOf(path) })
  }
  return files
}

/** A record longer than this is given out as it is rather than grown further (a broken quote, not a customer). */
const MAX_RECORD_CHARS = 32 * 1024 * 1024

/** Records with their line endings: a CSV record goes on while its quotes are unbalanced; a log record is a line. */
async function* textRecords(path: string, csv: boolean): AsyncGenerator<string> {
  let record = ''
  let quotes = 0
  let carry = ''
  const take = function* (line: string): Generator<string> {
    record += line
    if (csv) for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) quotes++
    if (!csv || quotes % 2 === 0 || record.length > MAX_RECORD_CHARS) {
      yield record
      record = ''
      quotes = 0
    }
  }
  for await (const chunk of createReadStream(path, {
    encoding: 'latin1',
    highWaterMark: 1 << 20,
  }) as AsyncIterable<string>) {
    const parts = (carry + chunk).split('\n')
    carry = parts.pop() ?? ''
    for (const part of parts) yield* take(`${part}\n`)
  }
  if (carry) yield* take(carry)
  if (record) yield record
}

/** Counts the records that mention the person; with `erase`, rewrites the file without them. */
async function textFile(file: PersonalFile, pattern: RegExp, erase: boolean): Promise<number> {
  const tmp = `${file.path}.erasing`
  const out = erase ? createWriteStream(tmp, { encoding: 'latin1', mode: 0o600 }) : null
  let found = 0
  try {
    for await (const record of textRecords(file.path, file.format === 'csv')) {
      if (mentions(pattern, record)) found++
      else if (out && !out.write(record, 'latin1')) await once(out, 'drain')
    }
  } finally {
    if (out) {
      out.end()
      await once(out, 'close')
    }
  }
  if (out) await (found > 0 ? rename(tmp, file.path) : rm(tmp, { force: true }))
  return found
}

async function xlsxFile(file: PersonalFile, pattern: RegExp, erase: boolean): Promise<number> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file.path)
  let found = 0
  for (const sheet of book.worksheets) {
    const hits: number[] = []
    sheet.eachRow((row, no) => {
      let hit = false
      row.eachCell((cell) => {
        hit ||= mentions(pattern, cell.text)
      })
      if (hit) hits.push(no)
    })
    found += hits.length
    if (erase) for (const no of hits.reverse()) sheet.spliceRows(no, 1)
  }
  if (erase && found > 0) {
    const tmp = `${file.path}.erasing.xlsx`
    await book.xlsx.writeFile(tmp)
    await rename(tmp, file.path)
  }
  return found
}

/** How many records of the file mention the person — and, with `erase`, the file rewritten without them. */
export function scanFile(file: PersonalFile, pattern: RegExp, erase = false): Promise<number> {
  return file.format === 'xlsx' ? xlsxFile(file, pattern, erase) : textFile(file, pattern, erase)
}
