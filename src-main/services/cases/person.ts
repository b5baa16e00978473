import { parseCpf } from '../../../src-shared/domain/cpf'
import { parseMsisdn } from '../../../src-shared/domain/phone'
import type { Reason } from '../../../src-shared/domain/policy'

/** Who a case is about, normalised: the same person from a form, a batch row or a watch line reads the same. */
export interface CasePerson {
  /** Digits; empty when absent or not a valid CPF. */
  cpf: string
  /** 55 + DDD + number; empty when absent or invalid. */
  phone: string
  email: string
  cep: string
  label: string
}

/** A person from raw identifiers (a form, a batch row, a watch line): invalid ones are left out, never guessed. */
export function casePerson(raw: { cpf?: string; phone?: string; email?: string; cep?: string; label?: string }) {
  const cpf = raw.cpf ? parseCpf(raw.cpf) : null
  const phone = raw.phone ? parseMsisdn(raw.phone) : null
  const email = (raw.email ?? '').trim().toLowerCase()
  return {
    cpf: cpf?.ok ? cpf.cpf : '',
    phone: phone?.ok ? phone.msisdn : '',
    email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : '',
    cep: (raw.cep ?? '').replace(/\D/g, '').length === 8 ? (raw.cep ?? '').replace(/\D/g, '') : '',
    // A name from a list is printed by the CLI: control characters (escape sequences) become spaces.
    label: (raw.label ?? '')
      .replace(/\p{Cc}/gu, ' ')
      .trim()
      .slice(0, 120),
  } satisfies CasePerson
}

export const rulesOf = (reasons: readonly Reason[]): string => ` ${[...new Set(reasons.map((r) => r.rule))].join(' ')} `
