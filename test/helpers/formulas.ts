/**
 * Whether a spreadsheet would run a cell as a formula (issue #23 item 7), written from the rule and not from the
 * code under test: after optional spaces, `=` or `@`, or a tab or line break among or instead of the spaces, or a
 * sign before anything but a bare number (digits and number punctuation cannot call a function).
 */
export function runsAsFormula(cell: string): boolean {
  const [spaces = ''] = /^\s*/.exec(cell) ?? []
  if (/[\t\r\n]/.test(spaces)) return true
  const rest = cell.slice(spaces.length)
  if (rest.startsWith('=') || rest.startsWith('@')) return true
  return (rest.startsWith('+') || rest.startsWith('-')) && !/^[+-][\d\s().,/-]*$/.test(rest)
}
