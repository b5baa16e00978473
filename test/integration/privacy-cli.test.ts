import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'
import { tempDir } from '../helpers/tmp'
import { subjectPattern, type Subject } from '../../src-shared/domain/privacy'

/* Issue #14 acceptance: `privacy erase --phone` leaves no byte of the person in the data folder; others' records stay. */

const ANA: Subject = { kind: 'phone', value: '5511999990003' }
const BIA: Subject = { kind: 'phone', value: '5511999990002' }

/** Every file below a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

async function xlsxText(path: string): Promise<string> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const cells: string[] = []
  for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text)))
  return cells.join('\n')
}

/** What a file holds as text: XLSX cells (the file is zipped), every other file byte for byte. */
const contentOf = async (path: string): Promise<string> =>
  path.endsWith('.xlsx') ? xlsxText(path) : readFileSync(path).toString('latin1')

const LIST = [
  'Nome;CPF;Celular;Email',
  '"Ana\nSouza";529.982.247-25;(11) 99999-0003;ana@example.com',
  'Bia;111.444.777-35;+55 11 99999-0002;bia@example.com',
].join('\r\n')

describe('sentinela privacy', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()

  it('after lookups, an SMS, a batch and exports mentioning a phone, erase leaves no byte of it in the data folder while another person stays', async () => {
    const outside = tempDir()
    try {
      for (const phone of ['(11) 99999-0003', '11999990002'])
        expect((await h.cli(['lookup', 'alerts', '--msisdn', phone])).code).toBe(0)
      expect(
        (
          await h.cli([
            'mse',
            'SMS_TEXT',
            '--param',
            'BNUM=11999990003',
            '--param',
            'TEXT=Seu codigo e 1234',
            '--mode',
            'async-delivery',
          ])
        ).code,
      ).toBe(0)
      // The list as the app keeps an upload (data folder), screened to an export inside it and to a CSV outside.
      mkdirSync(join(h.dataDir, 'batch-uploads'), { recursive: true })
      const list = join(h.dataDir, 'batch-uploads', '0b7f3c1e-7d2a-4a8e-9c1b-2f0e5d6a7b8c.csv')
      writeFileSync(list, LIST)
      mkdirSync(join(h.dataDir, 'batch-exports'), { recursive: true })
      const screened = await h.cli([
        '--json',
        'screen',
        list,
        '--checks',
        'alerts,score',
        '--out',
        join(h.dataDir, 'batch-exports', 'lote.xlsx'),
      ])
      expect(screened.code, screened.stderr).toBe(0)
      const csvOut = join(outside.path, 'saida.csv')
      expect((await h.cli(['--json', 'screen', list, '--checks', 'alerts,score', '--out', csvOut])).code).toBe(0)

      const report = await h.cli(['--json', 'privacy', 'report', '--phone', '+55 (11) 99999-0003'])
      expect(report.code, report.stderr).toBe(0)
      const found = JSON.parse(report.stdout) as {
        records: { place: string; text: string }[]
        files: { path: string; kind: string; records: number }[]
        total: number
      }
      // The masked history row is found through its keyed hash; the row's CPF answer goes with it (same person).
      expect(new Set(found.records.map((r) => r.place))).toEqual(
        new Set(['history', 'batch_rows', 'batch_calls', 'mse_messages', 'effects']),
      )
      expect(found.records.find((r) => r.place === 'batch_rows')?.text).toMatch(
        /^Lote nº 1 \(.+\), linha \d+ do arquivo$/,
      )
      expect(found.files.map((f) => [f.kind, f.records]).sort()).toEqual([
        ['export', 1],
        ['export', 1],
        ['upload', 1],
      ])
      const human = await h.cli(['privacy', 'report', '--phone', '11999990003'])
      expect(human.stdout).toMatch(/^\d+ registros sobre 11999990003:/)
      expect(human.stdout).toContain('Histórico: Consulta Alerta: Respondida')

      expect((await h.cli(['privacy', 'erase', '--phone', '11999990003'])).code).toBe(2) // irreversible: needs --yes
      const erased = await h.cli(['--json', 'privacy', 'erase', '--phone', '(11) 99999-0003', '--yes'])
      expect(erased.code, erased.stderr).toBe(0)
      const result = JSON.parse(erased.stdout) as { total: number; storageClean: boolean }
      expect(result).toMatchObject({ total: found.total, storageClean: true })

      const ana = subjectPattern(ANA)
      const files = filesUnder(h.dataDir)
      expect(files.some((f) => f.endsWith('sentinela.db'))).toBe(true)
      for (const file of [...files, csvOut]) {
        const text = await contentOf(file)
        expect([file, ana.test(text) || text.includes('999990003')]).toEqual([file, false])
      }
      // Bia is untouched: her history, batch row, answers and export lines remain.
      const bia = JSON.parse(
        (await h.cli(['--json', 'privacy', 'report', '--phone', '11999990002'])).stdout,
      ) as typeof found
      expect(new Set(bia.records.map((r) => r.place))).toEqual(new Set(['history', 'batch_rows', 'batch_calls']))
      expect(subjectPattern(BIA).test(readFileSync(csvOut, 'latin1'))).toBe(true)
      expect(await xlsxText(join(h.dataDir, 'batch-exports', 'lote.xlsx'))).toContain('111.444.777-35')
      expect(readFileSync(list, 'latin1')).toBe(
        'Nome;CPF;Celular;Email\r\nBia;111.444.777-35;+55 11 99999-0002;bia@example.com',
      )
      expect((await h.cli(['--json', 'privacy', 'report', '--cpf', '529.982.247-25'])).stdout).toContain('"total":0')
      // The batch re-counts without the row and still exports.
      const again = await h.cli(['--json', 'screen', list, '--checks', 'alerts,score', '--out', csvOut])
      expect(again.code, again.stderr).toBe(0)
    } finally {
      outside.cleanup()
    }
  })
})
