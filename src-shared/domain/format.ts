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
