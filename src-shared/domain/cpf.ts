/*
 * CPF: 11 digits, the last two are check digits (módulo 11). Accepted formatted (`529.982.247-25`) or not;
 * verified before any provider call so an analyst's typo never costs a billed request (seed 002: "cobrança é
 * feita por resposta").
 */

export type CpfResult =
  { ok: true; cpf: string } | { ok: false; reason: 'empty' | 'format' | 'length' | 'repeated' | 'check_digits' }

function checkDigit(digits: string, length: number): number {
  let sum = 0
  for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i)
  const rest = (sum * 10) % 11
  return rest === 10 ? 0 : rest
}

export function parseCpf(input: string): CpfResult {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, reason: 'empty' }
  if (!/^[\d.\-\s/]+$/.test(trimmed)) return { ok: false, reason: 'format' }
  const digits = trimmed.replace(/\D/g, '')
  if (digits.length !== 11) return { ok: false, reason: 'length' }
  if (/^(\d)\1{10}$/.test(digits)) return { ok: false, reason: 'repeated' }
  if (checkDigit(digits, 9) !== Number(digits[9]) || checkDigit(digits, 10) !== Number(digits[10]))
    return { ok: false, reason: 'check_digits' }
  return { ok: true, cpf: digits }
}

export function formatCpf(cpf: string): string {
  return cpf.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4')
}

/** Keeps the first 3 and the check digits: enough to tell rows apart, not enough to identify the person. */
export function maskCpf(cpf: string): string {
  return cpf.replace(/^(\d{3})\d{6}(\d{2})$/, '$1.***.***-$2')
}

/** Completes 9 digits with valid check digits (sandbox personas and tests). */
export function withCheckDigits(nine: string): string {
  const first = checkDigit(nine, 9)
  const ten = `${nine}${first}`
  return `${ten}${checkDigit(ten, 10)}`
}
