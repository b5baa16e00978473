import { z } from 'zod'
import { parseCpf } from './cpf'
import type { Provider } from './environment'
import { parseMsisdn } from './phone'
import { operation } from './operations'

/*
 * Batch screening, the pure parts: which column holds what, which checks exist and what identifies one call
 * (rows with the same normalised identifier share one call), and how a cell is made safe for spreadsheets.
 */

export const FIELDS = ['cpf', 'phone', 'email', 'cep', 'name'] as const
export type Field = (typeof FIELDS)[number]
export type Mapping = Partial<Record<Field, number>>

const HEADER_HINTS: Record<Field, RegExp> = {
  cpf: /^(cpf|n[uú]mero.?do.?cpf|documento|doc|cpf.?cnpj)$/,
  phone:
    /^(telefone|tel|fone|celular|cel|msisdn|n[uú]mero|numero.?celular|telefone.?celular|whats(app)?|mobile|phone)$/,
  email: /^(e.?mail|email|correio)$/,
  cep: /^(cep|c[oó]digo.?postal|zip)$/,
  name: /^(nome|nome.?completo|cliente|name|raz[aã]o.?social)$/,
}

const simplify = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ /g, '.')

/** Column auto-detection from the header names (accents, case and separators ignored). */
export function detectMapping(header: readonly string[]): Mapping {
  const mapping: Mapping = {}
  header.forEach((h, i) => {
    const s = simplify(h)
    const field = FIELDS.find((f) => mapping[f] === undefined && HEADER_HINTS[f].test(s))
    if (field) mapping[field] = i
  })
  return mapping
}

export const CHECKS = ['alerts', 'score', 'datatrust', 'line'] as const
export type Check = (typeof CHECKS)[number]

export const CHECK_PROVIDER: Record<Check, Provider> = {
  alerts: 'claro',
  score: 'claro',
  datatrust: 'clearsale',
  line: 'mse',
}

/** The provider operation behind each check (domain/operations): only Data Trust's is an effect. */
const CHECK_OPERATION: Record<Check, string> = {
  alerts: 'claro.alerts',
  score: 'claro.score',
  datatrust: 'clearsale.transaction',
  line: 'mse.SYS_CTN_INFO_TYPE',
}

export function isEffectCheck(check: Check): boolean {
  return operation(CHECK_OPERATION[check]).kind === 'effect'
}

export type KeyResult = { ok: true; key: string } | { ok: false; reason: string }

/** The identifiers of one customer as typed or read from a row (formatted or not). */
export interface Person {
  cpf: string
  phone: string
  email: string
  cep: string
}

const cell = (fields: readonly string[], index: number | undefined): string =>
  index === undefined ? '' : (fields[index] ?? '').trim()

export function personFrom(fields: readonly string[], mapping: Mapping): Person {
  return {
    cpf: cell(fields, mapping.cpf),
    phone: cell(fields, mapping.phone),
    email: cell(fields, mapping.email),
    cep: cell(fields, mapping.cep),
  }
}

/**
 * The identifier one call is made for, the same for Cliente, Lote and the CLI. MSE's CTN (seed 003 §6.4.17) is DDD +
 * number: a mobile's 11 digits, as the seed's own examples send them (its text says 10, from before the ninth
 * digit). Data Trust takes the phone only when it is a valid mobile.
 */
export function checkKey(check: Check, person: Person): KeyResult {
  const cpf = () => parseCpf(person.cpf)
  const phone = () => parseMsisdn(person.phone)
  switch (check) {
    case 'score': {
      const c = cpf()
      return c.ok ? { ok: true, key: c.cpf } : { ok: false, reason: `invalid_cpf.${c.reason}` }
    }
    case 'alerts': {
      const p = phone()
      return p.ok ? { ok: true, key: p.msisdn } : { ok: false, reason: `invalid_msisdn.${p.reason}` }
    }
    case 'line': {
      const p = phone()
      return p.ok ? { ok: true, key: p.msisdn.slice(2) } : { ok: false, reason: `invalid_msisdn.${p.reason}` }
    }
    case 'datatrust': {
      const c = cpf()
      if (!c.ok) return { ok: false, reason: `invalid_cpf.${c.reason}` }
      const p = person.phone.trim() ? phone() : null
      return {
        ok: true,
        key: JSON.stringify([
          c.cpf,
          p?.ok ? p.msisdn : '',
          person.email.trim().toLowerCase(),
          person.cep.replace(/\D/g, ''),
        ]),
      }
    }
  }
}

export function keyFor(check: Check, fields: readonly string[], mapping: Mapping): KeyResult {
  return checkKey(check, personFrom(fields, mapping))
}

const DataTrustKeySchema = z.tuple([z.string(), z.string(), z.string(), z.string()])

/** The Data Trust key back into its parts. */
export function dataTrustKey(key: string): { cpf: string; phone: string; email: string; cep: string } {
  const [cpf = '', phone = '', email = '', cep = ''] = DataTrustKeySchema.parse(JSON.parse(key))
  return { cpf, phone, email, cep }
}

/**
 * A spreadsheet runs a cell as a formula when it starts with one of these after optional spaces — a line feed too:
 * "\n=1+1" went out as it came (issue #23 item 7). Such a cell is written with a quote in front (OWASP CSV
 * injection), in the CSV and as the text of an XLSX cell, so a sheet re-saved as CSV stays inert.
 */
const FORMULA_START = /^\s*[=+\-@\t\r\n]/
/**
 * A cell of digits and number punctuation only after its sign (`+55 (11) 99999-0001`, ` -12,5`), with no tab or line
 * break before it, cannot call a function or reach DDE: it is left as it is, so identifiers carry no stray apostrophe.
 */
const PLAIN_NUMBER = /^[^\S\t\r\n]*[+-][\d\s().,/-]*$/

export function neutralise(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
}
