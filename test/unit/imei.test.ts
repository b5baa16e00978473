import { describe, expect, it } from 'vitest'
import { MSE_SERVICES } from '../../src-shared/domain/mse-services'
import { validateParams } from '../../src-shared/domain/mse-validate'
import { luhnCheckDigit, parseImei } from '../../src-shared/domain/imei'

describe('IMEI', () => {
  it('computes the Luhn check digit', () => {
    expect(luhnCheckDigit('49015420323751')).toBe(8)
    expect(luhnCheckDigit('35220601222952')).toBe(9) // the seed's example IMEI ends in 0 instead
  })
  it('accepts a valid IMEI, formatted or not, and gives its TAC', () => {
    expect(parseImei('49-015420-323751-8')).toEqual({
      ok: true,
      imei: '490154203237518',
      tac: '49015420',
      checkDigitZeroed: false,
    })
  })
  it.each([
    ['', 'empty'],
    ['abc', 'format'],
    ['4901542032375', 'length'],
    ['490154203237517', 'check_digit'],
  ])('refuses %j (%s)', (input, reason) => expect(parseImei(input)).toEqual({ ok: false, reason }))
  it("reads the seed's zeroed check digit only when asked, and says so", () => {
    expect(parseImei('352206012229520')).toEqual({ ok: false, reason: 'check_digit' })
    expect(parseImei('352206012229520', { allowZeroCheckDigit: true })).toEqual({
      ok: true,
      imei: '352206012229520',
      tac: '35220601',
      checkDigitZeroed: true,
    })
  })
  it("IMEI_TRANSLATOR accepts the IMEI as MSE writes it (seed §6.4.16's own 352206012229520), not another wrong digit", () => {
    const translator = MSE_SERVICES.get('IMEI_TRANSLATOR')
    if (!translator) throw new Error('no IMEI_TRANSLATOR')
    expect(validateParams(translator, { IMEI: '352206012229520' })).toEqual([])
    expect(validateParams(translator, { IMEI: '490154203237517' })).toEqual([{ param: 'IMEI', problem: 'imei' }])
  })
})
