import { chmodSync, existsSync, mkdirSync, statSync, utimesSync, writeFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tmp'
import { createCore } from '../../src-main/app'
import { createFileLogger } from '../../src-main/infra/log'
import { Redactor } from '../../src-main/infra/redact'
import { silentLogger } from '../../src-main/infra/log'

/* Issue #14: personal data at rest — private files whatever the umask, logs that rotate, one retention for all of it. */

const mode = (path: string): number => statSync(path).mode & 0o777

describe('the data folder at rest', () => {
  let dir: ReturnType<typeof tempDir>
  let umask: number
  beforeEach(() => {
    dir = tempDir()
    umask = process.umask(0o022)
  })
  afterEach(() => {
    process.umask(umask)
    dir.cleanup()
  })

  it('is 0700 with 0600 files under umask 022, even when an older folder was 0755 and its settings 0644', async () => {
    chmodSync(dir.path, 0o755)
    writeFileSync(join(dir.path, 'settings.json'), '{}', { mode: 0o644 })
    mkdirSync(join(dir.path, 'logs'), { mode: 0o755 })
    writeFileSync(join(dir.path, 'logs', 'sentinela.log.1'), 'old\n', { mode: 0o644 })
    const core = await createCore({ dataDir: dir.path, host: 'cli' })
    try {
      await core.context.settings.update({ historyRetentionDays: 30 }) // a settings write, a log line, a database write
      core.context.history.add({
        environment: 'sandbox',
        kind: 'score',
        identifier: '52998224725',
        outcome: 'ok',
        summary: '870',
        errorCode: null,
        durationMs: 1,
        raw: null,
      })
      expect(mode(dir.path)).toBe(0o700)
      expect(mode(join(dir.path, 'logs'))).toBe(0o700)
      const files = ['settings.json', 'sentinela.db', 'sentinela.db-wal', 'logs/sentinela.log', 'logs/sentinela.log.1']
      for (const f of files) expect([f, mode(join(dir.path, f))]).toEqual([f, 0o600])
    } finally {
      await core.close()
    }
  })

  it('rotates the log by size and keeps three old ones', () => {
    const log = createFileLogger(dir.path, new Redactor(), 'info', 400)
    for (let i = 0; i < 60; i++) log.info('linha', { i, texto: 'x'.repeat(20) })
    const names = readdirSync(join(dir.path, 'logs')).sort()
    expect(names).toEqual(['sentinela.log', 'sentinela.log.1', 'sentinela.log.2', 'sentinela.log.3'])
    for (const n of names) expect(statSync(join(dir.path, 'logs', n)).size).toBeLessThanOrEqual(400)
  })

  it('one retention setting purges every table and file with personal data, and keeps what is recent', async () => {
    const core = await createCore({ dataDir: dir.path, host: 'cli', log: silentLogger })
    try {
      const db = core.context.db
      const old = new Date(Date.now() - 40 * 86_400_000).toISOString()
      const recent = new Date().toISOString()
      for (const at of [old, recent]) {
        db.prepare('INSERT INTO mse_inbox (at, kind, anum, bnum, body) VALUES (?, ?, ?, ?, ?)').run(
          at,
          'sms',
          '11999990001',
          '333',
          '{}',
        )
        db.prepare(
          'INSERT INTO ussd_log (at, kind, msisdn, short_code, summary, detail) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(at, 'push', '11999990001', '100', 's', '{}')
        db.prepare('INSERT INTO mse_messages (transaction_id, at, service, target, text) VALUES (?, ?, ?, ?, ?)').run(
          `t${at}`,
          at,
          'SMS_TEXT',
          '11999990001',
          'x',
        )
        db.prepare('INSERT INTO callbacks (at, provider, kind, summary, body) VALUES (?, ?, ?, ?, ?)').run(
          at,
          'mse',
          'mo',
          's',
          'b',
        )
        db.prepare(
          "INSERT INTO effects (started_at, environment, operation, fingerprint, target, state) VALUES (?, 'sandbox', 'mse.SMS_TEXT', 'f', 't', 'done')",
        ).run(at)
      }
      mkdirSync(join(dir.path, 'batch-exports'), { recursive: true })
      const stale = join(dir.path, 'batch-exports', 'antigo.csv')
      writeFileSync(stale, 'CPF\n52998224725\n')
      const then = new Date(Date.now() - 40 * 86_400_000)
      utimesSync(stale, then, then)
      await core.router.invoke('settings:update', { historyRetentionDays: 30 })
      for (const table of ['mse_inbox', 'ussd_log', 'mse_messages', 'callbacks', 'effects']) {
        expect([table, (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]).toEqual([table, 1])
      }
      expect(existsSync(stale)).toBe(false)
    } finally {
      await core.close()
    }
  })
})
