import { timingSafeEqual } from 'node:crypto'

/** Compares a presented secret with the expected one in constant time. */
export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
