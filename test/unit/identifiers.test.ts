import { describe, expect, it } from 'vitest'
import { formatCpf, maskCpf, parseCpf, withCheckDigits } from '../../src-shared/domain/cpf'
import { maskMsisdn, parseMsisdn } from '../../src-shared/domain/phone'
import { formatPhoneBr } from '../../src-shared/domain/format'

describe('CPF', () => {
  it.each(['529.982.247-25', '52998224725', ' 529 982 247 25 ', '529.982.247/25'])('accepts %j', (input) => {
    expect(parseCpf(input)).toEqual({ ok: true, cpf: '52998224725' })
  })
  it.each([
    ['', 'empty'],
    ['abc', 'format'],
    ['529.982.247-2', 'length'],
    ['111.111.111-11', 'repeated'],
    ['529.982.247-24', 'check_digits'],
    ['529.982.247-15', 'check_digits'],
  ])('refuses %j (%s)', (input, reason) => expect(parseCpf(input)).toEqual({ ok: false, reason }))
  it('completes check digits, formats and masks', () => {
    expect(withCheckDigits('529982247')).toBe('52998224725')
    expect(formatCpf('52998224725')).toBe('529.982.247-25')
    expect(maskCpf('52998224725')).toBe('529.***.***-25')
  })
})

describe('mobile numbers', () => {
  it.each([
    '+55 (11) 91234-5678',
    '11 91234-5678',
    '(11) 91234-5678',
    '011 91234-5678',
    '0 21 11 91234-5678',
    '0xx11912345678'.replace('xx', '21'),
    '5511912345678',
    '+5511912345678',
    '00 55 11 91234 5678',
    '11.91234.5678',
  ])('normalises %j to 5511912345678', (input) =>
    expect(parseMsisdn(input)).toEqual({ ok: true, msisdn: '5511912345678' }),
  )
  it.each([
    ['', 'empty'],
    ['+1 (212) 555-1234', 'format'],
    ['11 1234-5678', 'length'],
    ['91234-5678', 'length'],
    ['(20) 91234-5678', 'ddd'],
    ['(11) 81234-5678', 'not_mobile'],
    ['11 91234-5678 ramal 2', 'format'],
  ])('refuses %j (%s)', (input, reason) => expect(parseMsisdn(input)).toEqual({ ok: false, reason }))
  it('formats and masks', () => {
    expect(formatPhoneBr('5511912345678')).toBe('(11) 91234-5678')
    expect(maskMsisdn('5511912345678')).toBe('(11) 9****-5678')
  })
})
