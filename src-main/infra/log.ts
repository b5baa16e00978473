import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
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

/** Logs rotate by size: `sentinela.log` up to 5 MiB, then `.1` … `.3` (older ones go). */
const ROTATE_BYTES = 5 * 1024 * 1024
const KEEP_ROTATED = 3

function rotate(file: string): void {
  for (let i = KEEP_ROTATED; i >= 1; i--) {
    const from = i === 1 ? file : `${file}.${i - 1}`
    if (!existsSync(from)) continue
    if (i === KEEP_ROTATED && existsSync(`${file}.${i}`)) rmSync(`${file}.${i}`, { force: true })
    renameSync(from, `${file}.${i}`)
  }
}

/** LGPD retention for logs: rotated files last written before the cutoff are deleted. Returns how many went. */
export function purgeLogs(dataDir: string, cutoff: Date): number {
  const dir = join(dataDir, 'logs')
  if (!existsSync(dir)) return 0
  let removed = 0
  for (const name of readdirSync(dir)) {
    if (!/^sentinela\.log\.\d+$/.test(name)) continue
    const path = join(dir, name)
    if (statSync(path).mtime < cutoff) {
      rmSync(path, { force: true })
      removed++
    }
  }
  return removed
}

/**
 * JSON lines in `<dataDir>/logs/sentinela.log`, every line passed through the redactor first, rotated by size.
 * Logging never throws: a log that cannot be written must not take a lookup down with it.
 */
export function createFileLogger(
  dataDir: string,
  redactor: Redactor,
  minLevel: LogLevel = 'info',
  rotateBytes = ROTATE_BYTES,
): Logger {
  const dir = join(dataDir, 'logs')
  const file = join(dir, 'sentinela.log')
  let ready = false
  let size = 0
  const write = (level: LogLevel, event: string, fields?: LogFields): void => {
    if (ORDER[level] < ORDER[minLevel]) return
    try {
      if (!ready) {
        mkdirSync(dir, { recursive: true, mode: 0o700 })
        size = existsSync(file) ? statSync(file).size : 0
        ready = true
      }
      const safe = redactor.value({ event, ...fields }) as LogFields
      const line = JSON.stringify({ at: new Date().toISOString(), level, ...safe }) + '\n'
      if (size + line.length > rotateBytes && size > 0) {
        rotate(file)
        size = 0
      }
      appendFileSync(file, line, { mode: 0o600 })
      size += Buffer.byteLength(line)
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
