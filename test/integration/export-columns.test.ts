import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { BatchJournal } from '../../src-main/services/batch/journal'
import { exportJob, prepareJob } from '../../src-main/services/batch/service'
import { MAX_CELL_CHARS } from '../../src-main/services/batch/input'
import { DEFAULT_POLICY } from '../../src-shared/domain/policy'
import { tempDir } from '../helpers/tmp'
import { invokeOrThrow } from '../../src-main/cli/invoke'

/*
 * Issue #22 item 3, as a property: whatever the width of the input rows (from one field to three times the header,
 * cells cut at the import limit, quotes, delimiters and line breaks inside cells, a last record cut mid-quote), every
 * exported row has the result columns under their headers, and "Veredito" is always a verdict word — CSV and XLSX.
 */

const VERDICT_WORDS = ['Aprovar', 'Revisar', 'Recusar', 'Pendente']
const CPFS = ['529.982.247-25', '111.444.777-35', '123.456.789-09', '529.982.247-26', '']

let core: Core
const dir = tempDir()
beforeAll(async () => {
  core = await createCore({ dataDir: dir.path, host: 'cli', log: silentLogger })
})
afterAll(async () => {
  await core.close()
  dir.cleanup()
})

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(';', ',', '"', '\n', '\r\n', '=1+1', '"";""', 'a;b;c') },
  { weight: 2, arbitrary: fc.constantFrom(...CPFS) },
  // A cell past the import's limit is cut (and the row flagged).
  { weight: 1, arbitrary: fc.nat({ max: 2000 }).map((n) => 'x'.repeat(MAX_CELL_CHARS + 1 + n)) },
)

const shape = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    width: fc.constant(width),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 3 * width }), { minLength: 1, maxLength: 8 }),
    cutLast: fc.boolean(),
    answers: fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(null)), {
      minLength: 8,
      maxLength: 8,
    }),
  }),
)

const quote = (f: string): string => `"${f.replace(/"/g, '""')}"`

async function xlsxRows(path: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const sheet = book.worksheets[0]
  const rows: string[][] = []
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    const values: string[] = []
    for (let c = 1; c <= row.cellCount; c++) values.push(row.getCell(c).text)
    rows.push(values)
  })
  return rows
}

describe('result columns never move', () => {
  it('every exported row lines its result columns up under their headers, CSV and XLSX', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(shape, async ({ width, rows, cutLast, answers }) => {
        n++
        const header = ['CPF', ...Array.from({ length: width - 1 }, (_, i) => `campo ${i + 1}`)]
        const lines = [header.map(quote).join(';'), ...rows.map((r) => r.map(quote).join(';'))]
        let text = lines.join('\r\n') + '\r\n'
        // A file cut in the middle of its last quoted cell.
        if (cutLast) text = `${text}"529.982.247-25";"meio de uma cél`
        const input = join(dir.path, `lista-${n}.csv`)
        writeFileSync(input, text)
        const ctx = core.context
        const job = await prepareJob(ctx, { inputPath: input, checks: ['score'], mapping: { cpf: 0 } })
        const journal = new BatchJournal(ctx.db)
        // Answers as a run would journal them: a score, or a failure.
        journal.pending(job.id, 'score', 1000, '').forEach((key, i) => {
          const score = answers[i % answers.length]
          journal.record(
            job.id,
            'score',
            key,
            score === null || score === undefined
              ? { ok: false, result: null, code: 'claro.server_error', reason: 'x', attempts: 1 }
              : { ok: true, result: { check: 'score', score }, code: null, reason: null, attempts: 1 },
          )
        })
        core.modules.decisions.conclude(job, DEFAULT_POLICY, 'teste')
        journal.setStatus(job.id, 'done')
        const expectedRows = (journal.job(job.id)?.totalRows ?? 0) as number

        const csvOut = join(dir.path, `saida-${n}.csv`)
        await exportJob(ctx, job, csvOut, { policy: DEFAULT_POLICY, columns: 'words', delimiter: ';' })
        const records = parse(readFileSync(csvOut, 'utf8').replace(/^\uFEFF/, ''), {
          delimiter: ';',
          relax_column_count: true,
        }) as string[][]
        const [head = [], ...body] = records
        const verdictAt = head.lastIndexOf('Veredito')
        expect(verdictAt).toBeGreaterThanOrEqual(header.length)
        expect(body).toHaveLength(expectedRows)
        for (const record of body) {
          expect(record).toHaveLength(head.length)
          expect(VERDICT_WORDS).toContain(record[verdictAt])
        }

        const xlsxOut = join(dir.path, `saida-${n}.xlsx`)
        await exportJob(ctx, job, xlsxOut, { policy: DEFAULT_POLICY, columns: 'words' })
        const [xHead = [], ...xBody] = await xlsxRows(xlsxOut)
        expect(xHead).toEqual(head)
        expect(xBody).toHaveLength(expectedRows)
        for (const record of xBody) {
          expect(record.length).toBeLessThanOrEqual(xHead.length)
          expect(VERDICT_WORDS).toContain(record[verdictAt])
        }
      }),
      { numRuns: 40 },
    )
  }, 120_000)

  it('fields past the header go to one "Campos excedentes" cell, cut below a spreadsheet cell’s limit', async () => {
    const ctx = core.context
    const wide = Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(1000, 'x'))
    const input = join(dir.path, 'larga.csv')
    writeFileSync(input, `CPF;Nome\r\n529.982.247-25;Ana;${wide.join(';')}\r\n111.444.777-35;Bia\r\n`)
    const job = await prepareJob(ctx, { inputPath: input, checks: ['score'], mapping: { cpf: 0 } })
    const out = join(dir.path, 'larga-saida.csv')
    await exportJob(ctx, job, out, { policy: DEFAULT_POLICY, columns: 'words', delimiter: ';' })
    const [head = [], ana = [], bia = []] = parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), {
      delimiter: ';',
    }) as string[][]
    expect(head.slice(0, 3)).toEqual(['CPF', 'Nome', 'Campos excedentes'])
    expect(ana[2]?.length).toBe(32_000)
    expect(ana[2]?.endsWith('…')).toBe(true)
    expect(ana[2]?.startsWith(`${wide[0]};${wide[1]}`)).toBe(true)
    expect(bia[2]).toBe('')
    expect(ana[head.indexOf('Problema na linha')]).toBe('102 colunas onde o cabeçalho tem 2')
    const page = await invokeOrThrow(core, 'batch:rows', { jobId: job.id, offset: 0, limit: 10 })
    const cells = page.rows[0]?.cells ?? []
    expect(cells[2]?.length).toBeLessThanOrEqual(MAX_CELL_CHARS)
  })
})
