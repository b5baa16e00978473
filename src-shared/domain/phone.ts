/*
 * Brazilian mobile numbers as people type them — `+55 (11) 91234-5678`, `11 91234-5678`, `011 91234-5678`,
 * `0 21 11 91234-5678` (carrier code), `5511912345678` — normalised to the 13 digits `55 + DDD + 9 digits` the
 * Claro Alerta examples use (seed 000/001: networkMsisdn "XXXXXXXXXXXXX").
 */

/** Area codes in use (Anatel). */
const DDDS = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48,
  49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89,
  91, 92, 93, 94, 95, 96, 97, 98, 99,
])

export type MsisdnResult =
  { ok: true; msisdn: string } | { ok: false; reason: 'empty' | 'format' | 'length' | 'ddd' | 'not_mobile' }

export function parseMsisdn(input: string): MsisdnResult {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, reason: 'empty' }
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return { ok: false, reason: 'format' }
  let digits = trimmed.replace(/\D/g, '')
  if (trimmed.startsWith('+')) {
    if (!digits.startsWith('55')) return { ok: false, reason: 'format' } // a foreign number
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2) // international prefix 00 55 …
  } else if (digits.startsWith('0') && digits.length === 14) {
    digits = digits.slice(3) // 0 + carrier code (2 digits) + DDD + number
  } else if (digits.startsWith('0')) {
    digits = digits.slice(1) // trunk prefix 0 + DDD + number
  }
  if (digits.length === 11) digits = `55${digits}`
  if (digits.length !== 13 || !digits.startsWith('55')) return { ok: false, reason: 'length' }
  if (!DDDS.has(Number(digits.slice(2, 4)))) return { ok: false, reason: 'ddd' }
  if (digits[4] !== '9') return { ok: false, reason: 'not_mobile' }
  return { ok: true, msisdn: digits }
}

export function maskMsisdn(msisdn: string): string {
  return msisdn.replace(/^55(\d{2})(\d)\d{4}(\d{4})$/, '($1) $2****-$3')
}
