import { describe, expect, it } from 'vitest'
import { brasiliaInstant, formatsFor } from '../../src-shared/domain/format'
import { importProblemCode, importProblemText, importStoppedCode } from '../../src-shared/domain/import-problems'
import { createTranslator } from '../../src-shared/i18n'

/* Issue #16: one formatting module for the interface — numbers, dates in the analyst's zone, phones, CPFs. */
describe('formatsFor', () => {
  const br = formatsFor('pt-BR', 'America/Sao_Paulo')
  const en = formatsFor('en', 'America/Sao_Paulo')

  it('writes numbers the Brazilian way in pt-BR and the English way in en', () => {
    expect(br.number(91.5)).toBe('91,5')
    expect(br.number(1000)).toBe('1.000')
    expect(br.number(12.345, 1)).toBe('12,3')
    expect(en.number(91.5)).toBe('91.5')
    expect(en.number(1000)).toBe('1,000')
  })

  it('shows an instant in the chosen zone, dd/mm/aaaa hh:mm in pt-BR', () => {
    expect(br.dateTime('2026-11-30T22:11:00Z')).toBe('30/11/2026 19:11')
    expect(br.dateTime('2026-11-30T22:11:05Z', { seconds: true })).toBe('30/11/2026 19:11:05')
    expect(formatsFor('pt-BR', 'Europe/Lisbon').dateTime('2026-11-30T22:11:00Z')).toBe('30/11/2026 22:11')
    expect(br.time('2026-11-30T22:11:05Z')).toBe('19:11:05')
    expect(br.dateTime('not a date')).toBe('not a date')
  })

  it('reads ClearSale dates without an offset as Brasília time, so they agree with the webhook times', () => {
    // The transaction at 19:11 Brasília and its webhook at 22:11Z are the same minute on screen.
    expect(br.dateTime(brasiliaInstant('2026-11-30T19:11:00.000'))).toBe(br.dateTime('2026-11-30T22:11:00Z'))
    expect(brasiliaInstant('2026-11-30T19:11:00Z')).toBe('2026-11-30T19:11:00Z')
    expect(brasiliaInstant('2026-11-30T19:11:00+01:00')).toBe('2026-11-30T19:11:00+01:00')
  })

  it('writes phones as (11) 99999-0001 and CPFs as 111.444.777-35', () => {
    expect(br.phone('5511999990001')).toBe('(11) 99999-0001')
    expect(br.cpf('11144477735')).toBe('111.444.777-35')
  })
})

describe('import problems', () => {
  it('are stored as codes and worded in the reader’s language, one language at a time', () => {
    const pt = createTranslator('pt-BR')
    const en = createTranslator('en')
    expect(importProblemText(importProblemCode('empty'), pt)).toBe('O arquivo está vazio.')
    expect(importProblemText(importProblemCode('empty'), en)).toBe('The file is empty.')
    expect(importProblemText(importStoppedCode(12, 'CSV_MAX_RECORD_SIZE: too big'), pt)).toBe(
      'A linha 12 não pôde ser lida (um registro grande demais); o resto do arquivo não foi lido.',
    )
    expect(importProblemText('texto antigo', pt)).toBe('texto antigo')
  })
})

describe('plurals', () => {
  it('count 0, 1 and many the way each language does (pt-BR: "0 linhas", "1 linha", "2 linhas")', () => {
    const pt = createTranslator('pt-BR')
    const en = createTranslator('en')
    expect([0, 1, 2].map((count) => pt('batch.rowsShown', { count }))).toEqual(['0 linhas', '1 linha', '2 linhas'])
    expect([0, 1, 2].map((count) => en('batch.rowsShown', { count }))).toEqual(['0 rows', '1 row', '2 rows'])
    expect(pt('history.total', { count: 1 })).toBe('1 consulta')
  })
})
