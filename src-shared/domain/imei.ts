/*
 * IMEI: 15 digits, the last a Luhn check digit; the first 8 are the TAC (type allocation code: the model).
 * seed 003 §6.4.17 notes that IMEI_TORPEDO answers with the check digit always 0: such an IMEI is read with
 * `allowZeroCheckDigit` and reported, not refused.
 */

export type ImeiResult =
  | { ok: true; imei: string; tac: string; checkDigitZeroed: boolean }
  | { ok: false; reason: 'empty' | 'format' | 'length' | 'check_digit' }

/** Luhn check digit for the first 14 digits. */
export function luhnCheckDigit(fourteen: string): number {
  let sum = 0
  for (let i = 0; i < fourteen.length; i++) {
    let d = Number(fourteen[fourteen.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

export function parseImei(input: string, options: { allowZeroCheckDigit?: boolean } = {}): ImeiResult {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, reason: 'empty' }
  if (!/^[\d\s\-/.]+$/.test(trimmed)) return { ok: false, reason: 'format' }
  const digits = trimmed.replace(/\D/g, '')
  if (digits.length !== 15) return { ok: false, reason: 'length' }
  const expected = luhnCheckDigit(digits.slice(0, 14))
  const given = Number(digits[14])
  if (given !== expected) {
    if (options.allowZeroCheckDigit && given === 0)
      return { ok: true, imei: digits, tac: digits.slice(0, 8), checkDigitZeroed: true }
    return { ok: false, reason: 'check_digit' }
  }
  return { ok: true, imei: digits, tac: digits.slice(0, 8), checkDigitZeroed: false }
}
