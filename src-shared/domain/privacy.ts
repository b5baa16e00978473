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

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A character that may stand between the digits of an identifier, or its %-escape (`%20`, `%2D`). */
const escaped = (chars: string): string => `(?:[${chars}]|%[0-9A-Fa-f]{2})`
/** Inside a number: what people type — spaces, dots, dashes, slashes, parentheses — up to three in a row. */
const IN_NUMBER = `${escaped('\\s().\\-/')}{0,3}`
/**
 * Between the parts of a phone kept apart — 55, area code, number: Data Trust sends and answers `AreaCode` (String 2)
 * and `Phone` (String 9) as two fields (seed 004, Transação → Envio and "Dicionário de variáveis: Transaction"), a
 * list may hold DDD and number in two columns. Any punctuation (quotes, commas, colons, the backslashes of JSON kept
 * inside JSON) and up to four words of a field name. Words and punctuation are disjoint classes, every run bounded:
 * the test stays linear in the text, never backtracking without end.
 */
const PUNCT = escaped('^0-9A-Za-z%')
const BETWEEN_FIELDS = `${PUNCT}{0,12}(?:[A-Za-z]{1,32}${PUNCT}{1,12}){0,4}`
/** Not inside a longer run of digits (the last digit of a `%XX` escape before it is punctuation, not a digit). */
const START = '(?<!(?<!%[0-9A-Fa-f])\\d)'

/**
 * A pattern for every written form of the identifier: digits with any typed separators (`529.982.247-25`,
 * `(11) 91234-5678`, `+55 11 91234 5678`, `5511912345678`, `%2B5511…`, `0 21 11 …`), a phone's parts in separate
 * fields (`"AreaCode":"11","Phone":"912345678"`, `11;912345678`), never inside a longer run of digits; an e-mail in
 * any case, also URL-encoded (`%40`), never as the tail of a longer address.
 */
export function subjectPattern(subject: Subject): RegExp {
  if (subject.kind === 'email') {
    const [local = '', domain = ''] = subject.value.split('@')
    return new RegExp(
      `(?<![A-Za-z0-9._%+\\-])${escape(local)}(?:@|%40)${escape(domain)}(?![A-Za-z0-9\\-]|\\.[A-Za-z0-9])`,
      'i',
    )
  }
  if (subject.kind === 'cpf') return new RegExp(`${START}${subject.value.split('').join(IN_NUMBER)}(?!\\d)`, 'i')
  const [a = '', b = '', ...number] = subject.value.slice(2).split('')
  // 00 55 / +55 / 55 (maybe a field of its own), or the trunk 0 with an optional carrier code (parseMsisdn's forms).
  const prefix = `(?:(?:00)?55${BETWEEN_FIELDS}|0${IN_NUMBER}(?:\\d${IN_NUMBER}\\d${IN_NUMBER})?)?`
  return new RegExp(`${START}${prefix}${a}${IN_NUMBER}${b}${BETWEEN_FIELDS}${number.join(IN_NUMBER)}(?!\\d)`, 'i')
}

/** The pattern of any of several people (one erasure of a person and the identifiers seen with them). */
export function anyPattern(subjects: readonly Subject[]): RegExp {
  return new RegExp(subjects.map((s) => `(?:${subjectPattern(s).source})`).join('|'), 'i')
}

/**
 * Key names that say what a value is (a Data Trust `Document`, an MSE `BNUM`, a Claro `networkMsisdn`): a string
 * under them is read as that kind only, so a CPF that also reads as a mobile number is not taken for one.
 */
const KEY_KINDS: readonly [RegExp, SubjectKind][] = [
  [/^(?:cpf|id_?cpf|document|documento)$/i, 'cpf'],
  [/^(?:phone|msisdn|network_?msisdn|celular|telefone|mobile|bnum|anum|ctn)$/i, 'phone'],
  [/^e-?mail$/i, 'email'],
]
/** A phone in two fields (seed 004 "Dicionário de variáveis: Transaction": `AreaCode` String 2, `Phone` String 9). */
const AREA_KEY = /^(?:area_?code|ddd|cod(?:igo)?_?area)$/i
const NUMBER_KEY = /^(?:phone|phone_?number|telefone|celular|numero|number)$/i
/** A stored answer's body is JSON inside JSON: read it too, up to this size (a larger body is not an identifier). */
const MAX_NESTED_JSON = 4 * 1024 * 1024

/** A person read from stored data; `sure` when a key named its kind or the text reads as one kind only. */
interface Reading {
  subject: Subject
  sure: boolean
}

function readString(value: string, key: string | undefined, depth: number): Reading[] {
  if (/^\s*[[{]/.test(value) && value.length <= MAX_NESTED_JSON) {
    try {
      return readings(JSON.parse(value) as unknown, depth + 1)
    } catch {
      // not JSON: read as text below
    }
  }
  if (value.length > 320) return []
  const named = key === undefined ? undefined : KEY_KINDS.find(([k]) => k.test(key))?.[1]
  // A CPF's mask (`529.982.247-25`) is a CPF even when its digits would also make a mobile number.
  const kinds = named ? [named] : /^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(value.trim()) ? ['cpf' as const] : SUBJECT_KINDS
  const found = kinds.flatMap((kind) => {
    const r = parseSubject(kind, value)
    // Unnamed, a string may read as both a mobile number and a CPF (11 digits): indexed as both, never missed.
    return r.ok && (kind !== 'cpf' || /^[\d.\-\s]+$/.test(value)) ? [r.subject] : []
  })
  // Unnamed, a CPF is plausible only with valid check digits: 11 digits of something else are not a person to offer.
  const plausible = found.filter((s) => s.kind !== 'cpf' || parseCpf(value).ok)
  return found.map((subject) => ({
    subject,
    sure: named !== undefined || (plausible.length === 1 && plausible[0] === subject),
  }))
}

function splitPhone(entries: [string, unknown][]): Reading[] {
  const part = (test: RegExp): string | null => {
    const v = entries.find(([k]) => test.test(k))?.[1]
    return typeof v === 'string' || typeof v === 'number' ? String(v) : null
  }
  const area = part(AREA_KEY)
  const number = part(NUMBER_KEY)
  if (area === null || number === null) return []
  const r = parseSubject('phone', `${area} ${number}`)
  return r.ok ? [{ subject: r.subject, sure: true }] : []
}

function readings(value: unknown, depth: number, key?: string): Reading[] {
  if (typeof value === 'string') return readString(value, key, depth)
  if (depth > 8 || value === null || typeof value !== 'object') return []
  const entries = Object.entries(value)
  const nested = entries.flatMap(([k, v]) => readings(v, depth + 1, Array.isArray(value) ? undefined : k))
  return Array.isArray(value) ? nested : [...nested, ...splitPhone(entries)]
}

const unique = (subjects: Subject[]): Subject[] => [
  ...new Map(subjects.map((s) => [subjectKey(s), s] as const)).values(),
]

/**
 * The people a request or a stored answer is about: every string in it that reads as a mobile number, a CPF or an
 * e-mail (an MSE `BNUM`, a Data Trust `Document`, `Email`, its `AreaCode` + `Phone`), at any depth, also inside a
 * JSON body kept as a string. Each is indexed by keyed hash, so a masked row stays findable for each of them.
 */
export function subjectsIn(value: unknown): Subject[] {
  return unique(readings(value, 0).map((r) => r.subject))
}

/** The people stored data names without doubt (a key says which kind, or it reads as one kind only). */
export function sureSubjectsIn(value: unknown): Subject[] {
  return unique(
    readings(value, 0)
      .filter((r) => r.sure)
      .map((r) => r.subject),
  )
}

/** One test for a piece of stored text (null and undefined never mention anyone). */
export function mentions(pattern: RegExp, text: string | null | undefined): boolean {
  return typeof text === 'string' && text.length > 0 && pattern.test(text)
}
