import type { Language } from './settings'
/*
 * Brazilian formats for people and spreadsheets. A `;` CSV is what pt-BR Excel opens: decimal comma and
 * `dd/mm/aaaa hh:mm` in the user's time zone; a `,` CSV keeps ISO-8601 with the offset and a decimal point.
 */

export interface NumberStyle {
  decimalComma: boolean
}

const numberFormats = new Map<string, Intl.NumberFormat>()

export function formatNumber(value: number, style: NumberStyle, maxFraction = 2): string {
  const key = `${style.decimalComma}:${maxFraction}`
  let f = numberFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(style.decimalComma ? 'pt-BR' : 'en-US', {
      useGrouping: false,
      maximumFractionDigits: maxFraction,
    })
    numberFormats.set(key, f)
  }
  return f.format(value)
}

export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** `-03:00` */
  offset: string
}

const clocks = new Map<string, Intl.DateTimeFormat>()

/** The wall-clock time of an instant in a zone (IANA name). */
function wallClock(instant: Date, timeZone: string): WallClock {
  let f = clocks.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
    clocks.set(timeZone, f)
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]))
  const offset = (parts['timeZoneName'] ?? 'GMT').replace('GMT', '') || '+00:00'
  const n = (k: string): number => Number(parts[k])
  return {
    year: n('year'),
    month: n('month'),
    day: n('day'),
    hour: n('hour'),
    minute: n('minute'),
    second: n('second'),
    offset,
  }
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** `29/11/2026 09:00` (pt-BR) — or `2026-11-29T09:00:00-03:00` (ISO with offset). Unreadable input comes back as is. */
export function formatDateTime(iso: string, timeZone: string, style: 'br' | 'iso'): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  const c = wallClock(at, timeZone)
  if (style === 'br') return `${pad(c.day)}/${pad(c.month)}/${c.year} ${pad(c.hour)}:${pad(c.minute)}`
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${c.offset}`
}

/** For spreadsheet cells without a zone (XLSX): a Date whose UTC fields are the wall clock in `timeZone`. */
export function wallClockDate(iso: string, timeZone: string): Date | null {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return null
  const c = wallClock(at, timeZone)
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second))
}

/** `(11) 99999-0001` from the 13 normalised digits (55 + DDD + 9 digits). */
export function formatPhoneBr(msisdn: string): string {
  return msisdn.replace(/^55(\d{2})(\d{5})(\d{4})$/, '($1) $2-$3')
}

/** `111.444.777-35` from 11 digits (anything else comes back as is). */
export function formatCpfBr(digits: string): string {
  return digits.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4')
}

/**
 * ClearSale's dates (`CreationDate`, `Score.Date`, seed 004) carry no offset: they are Brasília time (issue #16 —
 * read as UTC they showed three hours off the webhook's time on the same screen). Brasília has had no daylight
 * saving since 2019, so the offset is a fixed -03:00. Dates with their own offset or `Z` are kept.
 */
export function brasiliaInstant(text: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}-03:00` : text
}

/** Every way the interface writes a number, a date or an identifier, for one language and time zone. */
export interface Formats {
  /** `29/11/2026 09:00` — with `seconds`, `29/11/2026 09:00:05`. */
  dateTime(iso: string, options?: { seconds?: boolean }): string
  /** `09:00:05` */
  time(iso: string): string
  /** `91,5`, `1.000` — grouped, at most `fraction` decimals. */
  number(value: number, fraction?: number): string
  phone(msisdn: string): string
  cpf(digits: string): string
}

const intl = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = intl.get(key) as T | undefined
  if (!f) {
    f = make()
    intl.set(key, f)
  }
  return f
}

export function formatsFor(language: Language, timeZone: string): Formats {
  const dates = (seconds: boolean, date: boolean) =>
    cached(
      `d:${language}:${timeZone}:${seconds}:${date}`,
      () =>
        new Intl.DateTimeFormat(language, {
          timeZone,
          ...(date ? { dateStyle: 'short' as const } : {}),
          timeStyle: seconds ? 'medium' : 'short',
        }),
    )
  const instant = (iso: string): Date | null => {
    const at = new Date(iso)
    return Number.isNaN(at.getTime()) ? null : at
  }
  return {
    dateTime: (iso, options) => {
      const at = instant(iso)
      // `30/11/2026 23:19` as Brazilians write it (Intl puts a comma between date and time).
      return at ? (dates(options?.seconds ?? false, true) as Intl.DateTimeFormat).format(at).replace(', ', ' ') : iso
    },
    time: (iso) => {
      const at = instant(iso)
      return at ? (dates(true, false) as Intl.DateTimeFormat).format(at) : iso
    },
    number: (value, fraction = 2) =>
      (
        cached(
          `n:${language}:${fraction}`,
          () => new Intl.NumberFormat(language, { maximumFractionDigits: fraction }),
        ) as Intl.NumberFormat
      ).format(value),
    phone: formatPhoneBr,
    cpf: formatCpfBr,
  }
}
