import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectMapping, keyFor, neutralise } from '../../src-shared/domain/batch'
import { backoffMs, SlidingWindowLimiter } from '../../src-main/services/batch/limits'
import { runsAsFormula } from '../helpers/formulas'

describe('batch: columns, identifiers, cells', () => {
  it('detects the columns Excel users name in Portuguese', () => {
    expect(detectMapping(['Nome Completo', 'Número do CPF', 'Telefone Celular', 'E-mail', 'CEP'])).toEqual({
      name: 0,
      cpf: 1,
      phone: 2,
      email: 3,
      cep: 4,
    })
    expect(detectMapping(['cliente', 'documento', 'msisdn'])).toEqual({ name: 0, cpf: 1, phone: 2 })
    expect(detectMapping(['a', 'b'])).toEqual({})
  })

  it('one call per normalised identifier: formatted and bare forms share a key', () => {
    const m = { cpf: 0, phone: 1 }
    expect(keyFor('score', ['529.982.247-25', ''], m)).toEqual(keyFor('score', ['52998224725', ''], m))
    expect(keyFor('alerts', ['', '+55 (11) 91234-5678'], m)).toEqual({ ok: true, key: '5511912345678' })
    expect(keyFor('line', ['', '11 91234-5678'], m)).toEqual({ ok: true, key: '11912345678' })
    expect(keyFor('score', ['123', ''], m)).toEqual({ ok: false, reason: 'invalid_cpf.length' })
  })

  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    // Digits and number punctuation only cannot call a function: identifiers keep no stray apostrophe.
    ['+55 11 91234-5678', '+55 11 91234-5678'],
    ['+55 (11) 91234-5678', '+55 (11) 91234-5678'],
    ['-12,5', '-12,5'],
    ['-2+3', `'-2+3`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['-1 +HYPERLINK("x")', `'-1 +HYPERLINK("x")`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['Maria', 'Maria'],
    ['529.982.247-25', '529.982.247-25'],
    // Issue #23 item 7: a line feed first, and any trigger after spaces.
    ['\n=1+1', `'\n=1+1`],
    ['\r\n=1+1', `'\r\n=1+1`],
    ['  =1+1', `'  =1+1`],
    [' @SUM(A1)', `' @SUM(A1)`],
    [' \t=1', `' \t=1`],
    ['\u00a0+cmd', `'\u00a0+cmd`],
    ['\t-1', `'\t-1`],
    [' -12,5', ' -12,5'],
    [' Maria = Ana', ' Maria = Ana'],
    ["'=1+1", "'=1+1"],
  ])('neutralises %j against formula injection', (input, output) => expect(neutralise(input)).toBe(output))

  it('leaves no cell, whatever its content, starting with a formula after spaces; only a quote is ever added', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 4, unit: 'grapheme' }),
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', '\u00a0', "'", '1', '(11)', ',5', 'SUM(A1)'),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const cell = pieces.join('')
        const out = neutralise(cell)
        // Its meaning kept: the cell itself, or the cell behind one quote.
        expect([cell, `'${cell}`]).toContain(out)
        expect(runsAsFormula(out)).toBe(false)
      }),
      { numRuns: 5000 },
    )
  })

  it('backs off exponentially with jitter, never under Retry-After', () => {
    expect(backoffMs(0, 0, () => 0)).toBe(200)
    expect(backoffMs(3, 0, () => 1)).toBe(3200)
    expect(backoffMs(10, 0, () => 1)).toBe(15_000)
    expect(backoffMs(0, 2000, () => 0)).toBe(2000)
  })

  it('the sliding window never lets more than N calls start in any second', async () => {
    const limiter = new SlidingWindowLimiter(20)
    const starts: number[] = []
    const started = performance.now()
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        await limiter.take()
        starts.push(performance.now())
      }),
    )
    for (const t of starts) expect(starts.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(20)
    expect(performance.now() - started).toBeGreaterThanOrEqual(2000) // 50 calls at 20/s: two full windows of waiting
  })
})
