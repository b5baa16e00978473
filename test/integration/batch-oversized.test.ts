import { createWriteStream, readFileSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { createClaroSandbox } from '../../src-main/providers/claro/sandbox'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { BatchJournal } from '../../src-main/services/batch/journal'
import { DEFAULT_RUN_OPTIONS } from '../../src-main/services/batch/runner'
import { exportJob, prepareJob, runJob } from '../../src-main/services/batch/service'
import { problemText } from '../../src-shared/domain/policy/explain'
import { SandboxKnobsSchema } from '../../src-shared/domain/settings'
import { createTranslator } from '../../src-shared/i18n'

/*
 * Issue #23 item 6, as the tester found it: a 50 MB cell turned two input rows into 290 "unreadable" rows and the
 * customer after it was never screened. Now the big record is one row, its cell cut and the reason said, and the
 * next customer is read and screened: as many rows out as in.
 */
const h = coreWithPrivateKeychain({ host: 'cli', endpoints: {} })
let claro: SandboxServer
beforeEach(async () => {
  claro = await startSandboxServer(createClaroSandbox(), () => SandboxKnobsSchema.parse({}))
  ;(h.core.context as { endpoints: Record<string, string> }).endpoints['claro'] = claro.url
})
afterEach(() => claro.close())

const MB = 1024 * 1024
const LINES_IN_CELL = 1000

/** The list, written a megabyte at a time (the test does not hold the 50 MB either). */
async function writeList(path: string, quoted: boolean): Promise<void> {
  const file = createWriteStream(path)
  file.write('Nome;CPF;Obs\r\n')
  file.write(`Ana;529.982.247-25;${quoted ? '"' : ''}`)
  for (let n = 0; n < 50; n++) {
    // Quoted, as Excel writes a cell with line breaks (LF inside, CRLF between records), quotes and delimiters.
    const piece = quoted ? `${'x'.repeat(MB - 64)}${'linha; ""aspas""\n'.repeat(LINES_IN_CELL / 50)}` : 'x'.repeat(MB)
    if (!file.write(piece)) await once(file, 'drain')
  }
  file.end(`${quoted ? '"' : ''}\r\nBia;111.444.777-35;ok\r\n`)
  await once(file, 'close')
}

describe('a 50 MB cell', () => {
  it.each([
    ['unquoted', false],
    ['quoted, with line breaks and quotes inside', true],
  ])(
    '%s: one row cut and flagged, the next customer screened, as many rows out as in',
    async (_name, quoted) => {
      const input = join(h.dataDir, `grande-${String(quoted)}.csv`)
      await writeList(input, quoted)
      const job = await prepareJob(h.core.context, { inputPath: input, checks: ['score'] })
      expect(job).toMatchObject({ status: 'ready', totalRows: 2, importProblem: null })
      const [ana, bia] = new BatchJournal(h.core.context.db).rows(job.id, 1, 10)
      expect(ana?.fields.slice(0, 2)).toEqual(['Ana', '529.982.247-25'])
      expect(ana?.fields[2]).toHaveLength(4096)
      expect(ana?.problem).toBe('cell_cut:4096')
      expect(problemText(ana?.problem ?? '', createTranslator('en'))).toBe('a cell over 4096 characters was cut')
      expect(bia).toMatchObject({ fields: ['Bia', '111.444.777-35', 'ok'], problem: null })
      // Its line in the file, the line breaks of the cut cell counted.
      expect(bia?.line).toBe(3 + (quoted ? LINES_IN_CELL : 0))

      const options = { ...structuredClone(DEFAULT_RUN_OPTIONS), timeoutMs: 5000 }
      expect(await runJob(h.core.context, job, options).done).toBe('done')
      const out = join(h.dataDir, `grande-${String(quoted)}-saida.csv`)
      const policy = h.core.context.settings.get().policy
      expect((await exportJob(h.core.context, job, out, { policy, columns: 'words', delimiter: ';' })).rows).toBe(2)
      const [head = [], ...body] = parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), {
        delimiter: ';',
      }) as string[][]
      expect(body.map((r) => r[0])).toEqual(['Ana', 'Bia'])
      const at = (name: string): number => head.indexOf(name)
      expect(body[0]?.[at('Problema na linha')]).toBe('campo acima de 4096 caracteres cortado')
      expect(body[1]?.[at('Problema na linha')]).toBe('')
      expect(body[1]?.[at('Score Claro')]).toMatch(/^\d+$/)
    },
    60_000,
  )

  it('a record past 1 MiB (300 cells of 4 KiB) is kept up to there and flagged; the next row is read', async () => {
    const input = join(h.dataDir, 'larga.csv')
    const wide = Array.from({ length: 300 }, (_, i) => `${i}`.padEnd(4000, 'y')).join(';')
    const file = createWriteStream(input)
    file.end(`Nome;CPF\nAna;529.982.247-25;${wide}\nBia;111.444.777-35\n`)
    await once(file, 'close')
    const job = await prepareJob(h.core.context, { inputPath: input, checks: ['score'] })
    expect(job).toMatchObject({ status: 'ready', totalRows: 2 })
    const [ana, bia] = new BatchJournal(h.core.context.db).rows(job.id, 1, 10)
    expect(ana?.fields.slice(0, 3)).toEqual(['Ana', '529.982.247-25', `0${'y'.repeat(3999)}`])
    expect(ana?.fields.join('').length).toBeLessThanOrEqual(1024 * 1024)
    expect(ana?.problem).toBe('columns:265,2; record_cut:1048576')
    expect(problemText(ana?.problem ?? '', createTranslator('pt-BR'))).toBe(
      '265 colunas onde o cabeçalho tem 2; linha com mais de 1048576 caracteres cortada',
    )
    expect(bia).toMatchObject({ fields: ['Bia', '111.444.777-35'], problem: null, line: 3 })
  })
})
