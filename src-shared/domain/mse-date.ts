/*
 * seed 003 §6.4.1: INITIALDATE and FINALDATE come as `yyMMddHHmm`. The seed gives no time zone: read as Brasília
 * time (UTC−3, no daylight saving since 2019), the operator's clock. Assumption kept here as a named constant.
 */
const MSE_CLOCK_OFFSET = '-03:00'
const OFFSET_MINUTES = -180

/** `0608151207` → `2006-08-15T12:07:00-03:00`; null when it is not a date in that format. */
export function decodeMseDate(value: string | undefined): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value ?? '')
  if (!m) return null
  const [, yy, mo, dd, hh, mi] = m.map(Number) as [number, number, number, number, number, number]
  if (mo < 1 || mo > 12 || dd < 1 || dd > 31 || hh > 23 || mi > 59) return null
  const two = (n: number): string => String(n).padStart(2, '0')
  return `20${two(yy)}-${two(mo)}-${two(dd)}T${two(hh)}:${two(mi)}:00${MSE_CLOCK_OFFSET}`
}

/** The MSE clock now, as `yyMMddHHmm` (what the sandbox stamps its receipts with). */
export function mseDateNow(now = Date.now()): string {
  return new Date(now + OFFSET_MINUTES * 60_000).toISOString().replace(/\D/g, '').slice(2, 12)
}
