import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BatchJournal } from '../../src-main/services/batch/journal'
import { exportJob, prepareJob } from '../../src-main/services/batch/service'
import { DEFAULT_POLICY } from '../../src-shared/domain/policy'
import { runsAsFormula } from '../helpers/formulas'
import { coreWithPrivateKeychain } from '../helpers/core-harness'

/*
 * Issue #23 item 7, as a property: whatever the cells of a list (formulas behind spaces, tabs or line breaks, signs,
 * quotes), no text cell of its export runs as a formula — in the CSV, and in the XLSX, whose text would run once the
 * sheet is re-saved as CSV — and each says what it said, behind at most one quote. Scores stay numbers in XLSX.
 */

const h = coreWithPrivateKeychain({ host: 'cli' })

const piece = fc.oneof(
  fc.string({ maxLength: 4, unit: 'grapheme-ascii' }),
  fc.constantFrom('=', '+', '-', '@', '\t', '\r\n', '\n', ' ', '\u00a0', "'", '"', ';', '1', ',5', 'SUM(A1)', 'ção'),
)
const cell = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''))
const list = fc.record({
  header: fc.array(cell, { minLength: 1, maxLength: 3 }),
  rows: fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
})

const quote = (f: string): string => `"${f.replace(/"/g, '""')}"`
/** The cell as written, or behind one quote: what it said is kept. */
const keeps = (written: string, original: string): boolean => written === original || written === `'${original}`
/** XML turns a CR into a line feed when the XLSX is read back. */
const lf = (s: string): string => s.replace(/\r\n?/g, '\n')

async function xlsxCells(path: string): Promise<ExcelJS.CellValue[][]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const rows: ExcelJS.CellValue[][] = []
  book.worksheets[0]?.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: row.cellCount }, (_, c) => row.getCell(c + 1).value))
  })
  return rows
}

describe('exports never carry a live formula', () => {
  it('every text cell, whatever it held, is inert and says what it said, in CSV and XLSX', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(list, async ({ header: extra, rows }) => {
        n++
        const header = ['CPF', ...extra.map((name) => name.trim())]
        const input = join(h.dataDir, `lista-${n}.csv`)
        const body = rows.map((r, i) => [i % 2 ? '529.982.247-25' : '111.444.777-35', ...r.slice(0, extra.length)])
        writeFileSync(input, [header, ...body].map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n')
        const ctx = h.core.context
        const job = await prepareJob(ctx, { inputPath: input, checks: ['score'], mapping: { cpf: 0 } })
        const journal = new BatchJournal(ctx.db)
        journal.pending(job.id, 'score', 1000, '').forEach((key, i) =>
          journal.record(job.id, 'score', key, {
            ok: true,
            result: { check: 'score', score: 100 * i + 7 },
            code: null,
            reason: null,
            attempts: 1,
          }),
        )
        h.core.modules.decisions.conclude(job, DEFAULT_POLICY, 'teste')
        journal.setStatus(job.id, 'done')

        const csvOut = join(h.dataDir, `saida-${n}.csv`)
        await exportJob(ctx, job, csvOut, { policy: DEFAULT_POLICY, columns: 'words', delimiter: ';' })
        const records = parse(readFileSync(csvOut, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][]
        expect(records).toHaveLength(body.length + 1)
        for (const record of records) for (const c of record) expect(runsAsFormula(c), JSON.stringify(c)).toBe(false)
        ;[header, ...body].forEach((original, r) =>
          original.forEach((c, k) => expect(keeps(records[r]?.[k] ?? '', c), JSON.stringify(c)).toBe(true)),
        )

        const xlsxOut = join(h.dataDir, `saida-${n}.xlsx`)
        await exportJob(ctx, job, xlsxOut, { policy: DEFAULT_POLICY, columns: 'words' })
        const sheet = await xlsxCells(xlsxOut)
        expect(sheet).toHaveLength(body.length + 1)
        for (const row of sheet)
          for (const c of row) if (typeof c === 'string') expect(runsAsFormula(c), JSON.stringify(c)).toBe(false)
        ;[header, ...body].forEach((original, r) =>
          original.forEach((c, k) => expect(keeps(lf(String(sheet[r]?.[k] ?? '')), lf(c))).toBe(true)),
        )
        const score = records[0]?.indexOf('Score Claro') ?? -1
        expect(score).toBeGreaterThan(0)
        for (const row of sheet.slice(1)) expect(typeof row[score]).toBe('number')
      }),
      { numRuns: 40 },
    )
  }, 120_000)
})
