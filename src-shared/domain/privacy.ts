import { parseCpf } from './cpf'
import { parseMsisdn } from './phone'

/*
 * LGPD data-subject requests (issue #14): the person is named by a CPF, a mobile number or an e-mail, however it
 * was typed. Finding them means recognising every way the identifier appears in stored text — formatted, bare,
 * with +55, inside JSON or a CSV line — without matching a longer number that merely contains it.
 */

export const SUBJECT_KINDS = ['cpf', 'phone', 'email'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]

/** A person, normalised: CPF 11 digits, phone 13 digits (55 + DDD + number), e-mail in lower case. */
export interface Subject {
  kind: SubjectKind
  value: string
}

export type SubjectResult = { ok: true; subject: Subject } | { ok: false; reason: 'empty' | 'cpf' | 'phone' | 'email' }

export function parseSubject(kind: SubjectKind, input: string): SubjectResult {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, reason: 'empty' }
  if (kind === 'cpf') {
    // Any 11 digits: a CPF with wrong check digits stored from a list is still the person's data.
    const parsed = parseCpf(trimmed)
    const digits = trimmed.replace(/\D/g, '')
    if (parsed.ok) return { ok: true, subject: { kind, value: parsed.cpf } }
    return parsed.reason === 'check_digits' || (parsed.reason === 'repeated' && digits.length === 11)
      ? { ok: true, subject: { kind, value: digits } }
      : { ok: false, reason: 'cpf' }
  }
  if (kind === 'phone') {
    const parsed = parseMsisdn(trimmed)
    return parsed.ok ? { ok: true, subject: { kind, value: parsed.msisdn } } : { ok: false, reason: 'phone' }
  }
  const email = trimmed.toLowerCase()
  return /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/.test(email)
    ? { ok: true, subject: { kind, value: email } }
    : { ok: false, reason: 'email' }
}

/** The string a keyed hash is taken of: the same person always gives the same text. */
export function subjectKey(subject: Subject): string {
  return `${subject.kind}:${subject.value}`
}

const SEP = '[\\s().\\-/]{0,2}'
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A pattern for every written form of the identifier: digits with or without separators (`529.982.247-25`,
 * `(11) 91234-5678`, `+55 11 91234 5678`, `5511912345678`, `%2B5511…`), never inside a longer run of digits;
 * an e-mail in any case, also URL-encoded (`%40`), never as the tail of a longer address.
 */
export function subjectPattern(subject: Subject): RegExp {
  if (subject.kind === 'email') {
    const [local = '', domain = ''] = subject.value.split('@')
    return new RegExp(
      `(?<![A-Za-z0-9._%+\\-])${escape(local)}(?:@|%40)${escape(domain)}(?![A-Za-z0-9\\-]|\\.[A-Za-z0-9])`,
      'i',
    )
  }
  const digits = subject.kind === 'phone' ? subject.value.slice(2) : subject.value
  const body = digits.split('').join(SEP)
  const prefix = subject.kind === 'phone' ? `(?:(?:\\+|%2B|00)?\\s?\\(?55\\)?${SEP}|0${SEP})?` : ''
  return new RegExp(`(?<!\\d)${prefix}${body}(?!\\d)`, 'i')
}

/**
 * The people a request is about: every string in it that reads as a mobile number, a CPF or an e-mail (an MSE
 * `BNUM`, a Data Trust `Document`, `Phone`, `Email`). Used to index a journaled send by keyed hash.
 */
export function subjectsIn(value: unknown, depth = 0): Subject[] {
  if (typeof value === 'string') {
    if (value.length > 320) return []
    // A string may read as both a mobile number and a CPF (11 digits): indexed as both, never missed.
    return SUBJECT_KINDS.flatMap((kind) => {
      const r = parseSubject(kind, value)
      return r.ok && (kind !== 'cpf' || /^[\d.\-\s]+$/.test(value)) ? [r.subject] : []
    })
  }
  if (depth > 6 || value === null || typeof value !== 'object') return []
  return Object.values(value).flatMap((v) => subjectsIn(v, depth + 1))
}

/** One test for a piece of stored text (null and undefined never mention anyone). */
export function mentions(pattern: RegExp, text: string | null | undefined): boolean {
  return typeof text === 'string' && text.length > 0 && pattern.test(text)
}
