/** Payloads no channel accepts: wrong types, foreign keys, prototype tricks, huge strings. */
export const HUGE = 'x'.repeat(2 * 1024 * 1024)

export const MALFORMED_PAYLOADS: { name: string; payload: unknown }[] = [
  { name: 'a number', payload: 42 },
  { name: 'a string', payload: 'hello' },
  { name: 'an array', payload: [1, 2, 3] },
  { name: 'null', payload: null },
  { name: 'a foreign key', payload: { unexpected: true } },
  { name: 'a huge key', payload: { ['k'.repeat(10_000)]: 1 } },
  { name: 'a huge string value', payload: { code: HUGE, language: HUGE } },
  { name: 'a prototype key', payload: JSON.parse('{"__proto__": {"polluted": true}, "language": 1}') as unknown },
  { name: 'wrong field types', payload: { language: 7, environment: ['x'], code: 12 } },
]

export const BAD_CHANNELS: unknown[] = [
  'nope',
  'app:nope',
  '__proto__',
  'constructor',
  'toString',
  '',
  'x'.repeat(100_000),
  12,
  null,
  { a: 1 },
]
