import { describe, expect, it } from 'vitest'
import { decodeMseDate, mseDateNow } from '../../src-shared/domain/mse-date'

describe('MSE dates (seed 003 §6.4.1, yyMMddHHmm)', () => {
  it('decodes the seed example in Brasília time', () => {
    expect(decodeMseDate('0608151207')).toBe('2006-08-15T12:07:00-03:00')
    expect(new Date(decodeMseDate('0608151207') ?? '').toISOString()).toBe('2006-08-15T15:07:00.000Z')
  })
  it.each(['', '06081512', '0613151207', '0608151260', 'abcdefghij', undefined])('refuses %j', (v) =>
    expect(decodeMseDate(v)).toBeNull(),
  )
  it('stamps now in the same clock, and round-trips', () => {
    const now = Date.UTC(2026, 10, 23, 2, 30)
    expect(mseDateNow(now)).toBe('2611222330')
    expect(new Date(decodeMseDate(mseDateNow(now)) ?? '').getTime()).toBe(now)
  })
})
