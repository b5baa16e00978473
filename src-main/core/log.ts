import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Redactor } from './redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Turns an unknown error into loggable fields without dragging arbitrary object graphs along. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.name, reason: error.message, stack: error.stack }
  return { error: typeof error }
}

/**
 * JSON lines in `<dataDir>/logs/sentinela.log`, every line passed through the redactor first. Logging never
 * throws: a log that cannot be written must not take a lookup down with it.
 */
export function createFileLogger(dataDir: string, redactor: Redactor, minLevel: LogLevel = 'info'): Logger {
  const dir = join(dataDir, 'logs')
  const file = join(dir, 'sentinela.log')
  let ready = false
  const write = (level: LogLevel, event: string, fields?: LogFields): void => {
    if (ORDER[level] < ORDER[minLevel]) return
    try {
      if (!ready) {
        mkdirSync(dir, { recursive: true })
        ready = true
      }
      const safe = redactor.value({ event, ...fields }) as LogFields
      appendFileSync(file, JSON.stringify({ at: new Date().toISOString(), level, ...safe }) + '\n')
    } catch {
      // Deliberately silent: see above.
    }
  }
  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  }
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }
