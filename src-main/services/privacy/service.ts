import { z } from 'zod'
import type { Db } from '../../infra/store/db'
import type { Logger } from '../../infra/log'
import { AppFailure } from '../../infra/errors'
import { anyPattern, parseSubject, type Subject, type SubjectKind } from '../../../src-shared/domain/privacy'
import type { SubjectHasher } from './key'
import { deleteRecords, scrubDatabase } from './erase'
import { findRecords, type DbRecord } from './records'
import { personalFiles, scanFile, type FileKind } from './files'
import { relatedOf, type Related } from './related'
import { eraseFromSettings, settingsRecords, type SettingsAccess } from './settings'

/*
 * LGPD data-subject requests (Lei 13.709, art. 18; issue #14): a report of every record held about a person, and
 * their erasure everywhere Sentinela keeps data — database, settings, uploaded lists, exports, logs — leaving no copy
 * in SQLite's free pages or WAL, and only an anonymous line (when, what kind, how many) in the audit. The other
 * identifiers the person's records name are listed, and erased in the same act when the analyst says so (issue #23).
 */

export interface PrivacyDeps {
  db: Db
  dataDir: string
  hash: SubjectHasher
  log: Logger
  settings: SettingsAccess
}

export interface FileFinding {
  path: string
  kind: FileKind
  records: number
  /** The file could not be read or rewritten (the reason, never its content). */
  error?: string
}

export interface PrivacyReport {
  records: DbRecord[]
  files: FileFinding[]
  total: number
  /** Identifiers the person's records name: the same person, maybe, under another identifier. */
  related: Related[]
}

export interface ErasureResult {
  removed: Record<string, number>
  files: FileFinding[]
  total: number
  /** False when another open connection kept SQLite's WAL from being emptied: erase again with it closed. */
  storageClean: boolean
  /** Identifiers the erased records named that were not erased with them (offered for another erasure). */
  related: Related[]
}

export interface SubjectInput {
  kind: SubjectKind
  value: string
}

function subjectFrom({ kind, value }: SubjectInput): Subject {
  const parsed = parseSubject(kind, value)
  if (!parsed.ok) throw new AppFailure('privacy.subject_invalid', { kind })
  return parsed.subject
}

/** The people of one request: their written forms (one pattern) and keyed hashes, and every row naming them. */
function lookFor(deps: PrivacyDeps, people: Subject[]): { pattern: RegExp; records: DbRecord[] } {
  const pattern = anyPattern(people)
  const records = findRecords(deps.db, pattern, new Set(people.map(deps.hash)))
  return { pattern, records }
}

async function files(deps: PrivacyDeps, pattern: RegExp, erase: boolean): Promise<FileFinding[]> {
  const found: FileFinding[] = []
  for (const file of personalFiles(deps.dataDir, deps.db)) {
    try {
      const records = await scanFile(file, pattern, erase)
      if (records > 0) found.push({ path: file.path, kind: file.kind, records })
    } catch (error) {
      found.push({
        path: file.path,
        kind: file.kind,
        records: 0,
        error: (error as NodeJS.ErrnoException).code ?? (error as Error).message.slice(0, 200),
      })
    }
  }
  return found
}

export async function privacyReport(deps: PrivacyDeps, input: SubjectInput): Promise<PrivacyReport> {
  const person = subjectFrom(input)
  const { pattern, records } = lookFor(deps, [person])
  const all = [...records, ...settingsRecords(deps.settings.get(), pattern)]
  const found = await files(deps, pattern, false)
  const related = relatedOf([person], records)
  deps.log.info('privacy.report', {
    kind: input.kind,
    records: all.length,
    files: found.length,
    related: related.length,
  })
  return { records: all, files: found, total: all.length + found.reduce((n, f) => n + f.records, 0), related }
}

/** Erases the person — and, in the same act, the identifiers in `also` (those the report listed, as chosen). */
export async function privacyErase(
  deps: PrivacyDeps,
  input: SubjectInput,
  also: readonly SubjectInput[] = [],
  now = new Date(),
): Promise<ErasureResult> {
  const people = [input, ...also].map(subjectFrom)
  const { pattern, records } = lookFor(deps, people)
  const related = relatedOf(people, records)
  // The settings first: a value the schema would refuse without the person stops the erasure before any deletion.
  const inSettings = await eraseFromSettings(deps.settings, pattern)
  deleteRecords(deps.db, records)
  const removed: Record<string, number> = {}
  for (const r of records) removed[r.place] = (removed[r.place] ?? 0) + 1
  if (inSettings > 0) removed['settings'] = inSettings
  // Files before the scrub: a log line written meanwhile holds no identifier (see the audit line below).
  const found = await files(deps, pattern, true)
  for (const f of found) if (!f.error) removed[`files.${f.kind}`] = (removed[`files.${f.kind}`] ?? 0) + f.records
  const storageClean = scrubDatabase(deps.db)
  // Anonymous: when, which kind of identifier, how many records — never the identifier or its hash.
  deps.db
    .prepare('INSERT INTO privacy_audit (at, kind, removed) VALUES (?, ?, ?)')
    .run(now.toISOString(), input.kind, JSON.stringify(removed))
  deps.log.info('privacy.erased', {
    kind: input.kind,
    also: also.length,
    removed,
    storageClean,
    failedFiles: found.filter((f) => f.error).length,
  })
  return { removed, files: found, total: Object.values(removed).reduce((a, b) => a + b, 0), storageClean, related }
}

export interface AuditLine {
  at: string
  kind: SubjectKind
  removed: Record<string, number>
}

/** The anonymous erasure audit, newest first. */
export function privacyAudit(db: Db, limit = 50): AuditLine[] {
  return (
    db.prepare('SELECT at, kind, removed FROM privacy_audit ORDER BY id DESC LIMIT ?').all(limit) as {
      at: string
      kind: SubjectKind
      removed: string
    }[]
  ).map((r) => ({
    at: r.at,
    kind: r.kind,
    removed: z.record(z.string(), z.number()).parse(JSON.parse(r.removed)),
  }))
}
