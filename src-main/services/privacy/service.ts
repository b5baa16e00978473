import { z } from 'zod'
import type { Db } from '../../infra/store/db'
import type { Logger } from '../../infra/log'
import { AppFailure } from '../../infra/errors'
import { parseSubject, subjectPattern, type Subject, type SubjectKind } from '../../../src-shared/domain/privacy'
import type { SubjectHasher } from './key'
import { deleteRecords, findRecords, scrubDatabase, type DbRecord } from './records'
import { personalFiles, scanFile, type FileKind } from './files'

/*
 * LGPD data-subject requests (Lei 13.709, art. 18; issue #14): a report of every record held about a person, and
 * their erasure everywhere Sentinela keeps data — database, uploaded lists, exports, logs — leaving no copy in
 * SQLite's free pages or WAL, and only an anonymous line (when, what kind, how many) in the audit.
 */

export interface PrivacyDeps {
  db: Db
  dataDir: string
  hash: SubjectHasher
  log: Logger
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
}

export interface ErasureResult {
  removed: Record<string, number>
  files: FileFinding[]
  total: number
  /** False when another open connection kept SQLite's WAL from being emptied: erase again with it closed. */
  storageClean: boolean
}

function subjectFrom(kind: SubjectKind, value: string): Subject {
  const parsed = parseSubject(kind, value)
  if (!parsed.ok) throw new AppFailure('privacy.subject_invalid', { kind })
  return parsed.subject
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

export async function privacyReport(deps: PrivacyDeps, kind: SubjectKind, value: string): Promise<PrivacyReport> {
  const subject = subjectFrom(kind, value)
  const pattern = subjectPattern(subject)
  const records = findRecords(deps.db, pattern, deps.hash(subject))
  const found = await files(deps, pattern, false)
  deps.log.info('privacy.report', { kind, records: records.length, files: found.length })
  return { records, files: found, total: records.length + found.reduce((n, f) => n + f.records, 0) }
}

export async function privacyErase(
  deps: PrivacyDeps,
  kind: SubjectKind,
  value: string,
  now = new Date(),
): Promise<ErasureResult> {
  const subject = subjectFrom(kind, value)
  const pattern = subjectPattern(subject)
  const records = findRecords(deps.db, pattern, deps.hash(subject))
  deleteRecords(deps.db, records)
  const removed: Record<string, number> = {}
  for (const r of records) removed[r.place] = (removed[r.place] ?? 0) + 1
  // Files before the scrub: a log line written meanwhile holds no identifier (see the audit line below).
  const found = await files(deps, pattern, true)
  for (const f of found) if (!f.error) removed[`files.${f.kind}`] = (removed[`files.${f.kind}`] ?? 0) + f.records
  const storageClean = scrubDatabase(deps.db)
  // Anonymous: when, which kind of identifier, how many records — never the identifier or its hash.
  deps.db
    .prepare('INSERT INTO privacy_audit (at, kind, removed) VALUES (?, ?, ?)')
    .run(now.toISOString(), kind, JSON.stringify(removed))
  deps.log.info('privacy.erased', { kind, removed, storageClean, failedFiles: found.filter((f) => f.error).length })
  return { removed, files: found, total: Object.values(removed).reduce((a, b) => a + b, 0), storageClean }
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
