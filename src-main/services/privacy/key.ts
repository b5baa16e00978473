import { createHmac, randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { subjectKey, type Subject } from '../../../src-shared/domain/privacy'

/*
 * Masked identifiers must stay findable for LGPD requests without being kept in clear (issue #14): each history row
 * keeps an HMAC-SHA-256 of its identifier. The key lives in its own 0600 file, apart from the database: a copy of the
 * database alone (a backup, a support ticket) cannot be matched against the 10⁹ possible CPFs. Deleting the data
 * folder deletes the key with everything it could find.
 */

const KEY_FILE = 'privacy.key'

export type SubjectHasher = (subject: Subject) => string

function loadKey(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE)
  try {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex')
    if (key.length === 32) return key
  } catch {
    // first start: created below
  }
  const key = randomBytes(32)
  // 'w' (not 'wx'): an unreadable or truncated key is replaced — rows hashed with it could not be found anyway.
  writeFileSync(path, key.toString('hex'), { mode: 0o600 })
  return key
}

export function subjectHasher(dataDir: string): SubjectHasher {
  const key = loadKey(dataDir)
  return (subject) => createHmac('sha256', key).update(subjectKey(subject)).digest('hex')
}
