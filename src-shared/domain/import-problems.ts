import type { Translate } from '../i18n'

/*
 * Why a list could not be imported, stored as a code (`import:empty`, `import:binary:detail`,
 * `import:stopped:12:CSV_MAX_RECORD_SIZE`) and worded in the reader's language where it is shown (issue #16: no
 * "arquivo vazio / empty file" in both languages at once).
 */
export const IMPORT_PROBLEM_KEYS = ['empty', 'binary', 'unreadable', 'utf16', 'header_only', 'no_identifier'] as const
export type ImportProblemKey = (typeof IMPORT_PROBLEM_KEYS)[number]

export function importProblemCode(key: ImportProblemKey, detail?: string): string {
  return detail ? `import:${key}:${detail}` : `import:${key}`
}

/** A record csv-parse gave up on, after which the rest of the file was not read. */
export function importStoppedCode(line: number, error: string): string {
  return `import:stopped:${line}:${error}`
}

const CSV_REASONS = ['CSV_MAX_RECORD_SIZE', 'CSV_QUOTE_NOT_CLOSED', 'CSV_INVALID_CLOSING_QUOTE']

export function importProblemText(stored: string, t: Translate): string {
  const m = /^import:([a-z_0-9]+)(?::(.*))?$/s.exec(stored)
  if (!m) return stored // written before the codes, or a reader's own message
  const [, key = '', rest] = m
  if (key === 'stopped') {
    const [, line = '', error = ''] = /^(\d+):(.*)$/s.exec(rest ?? '') ?? []
    // csv-parse's codes as words (the code itself stays in the stored value, for support).
    const code = error.split(':')[0] ?? ''
    const reason = CSV_REASONS.includes(code) ? code : 'other'
    return t('importProblems.stopped', { line, error: t(`importProblems.csv.${reason}`) })
  }
  const text = t(`importProblems.${key}`)
  return rest ? `${text} (${rest})` : text
}
