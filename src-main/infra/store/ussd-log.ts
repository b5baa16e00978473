import {
  SavedScriptSchema,
  UssdScriptSchema,
  type SavedScript,
  type UssdLogEntry,
} from '../../../src-shared/contract/ussd'
import type { UssdScript } from '../../../src-shared/domain/ussd-session'
import type { Db } from './db'

/** The USSD consoles' history (pushes, app sessions) and the saved replay scripts, in the local database. */
export class UssdStore {
  constructor(private readonly db: Db) {}

  add(entry: { kind: string; msisdn: string; shortCode: string; summary: string; detail: unknown }): void {
    this.db
      .prepare('INSERT INTO ussd_log (at, kind, msisdn, short_code, summary, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(
        new Date().toISOString(),
        entry.kind,
        entry.msisdn,
        entry.shortCode,
        entry.summary,
        JSON.stringify(entry.detail).slice(0, 256 * 1024),
      )
  }

  list(limit: number): UssdLogEntry[] {
    return this.db
      .prepare(
        'SELECT id, at, kind, msisdn, short_code AS shortCode, summary, detail FROM ussd_log ORDER BY id DESC LIMIT ?',
      )
      .all(limit) as UssdLogEntry[]
  }

  saveScript(appUrl: string, script: UssdScript): SavedScript {
    const createdAt = new Date().toISOString()
    const info = this.db
      .prepare('INSERT INTO ussd_scripts (created_at, app_url, script) VALUES (?, ?, ?)')
      .run(createdAt, appUrl, JSON.stringify(script))
    return { id: Number(info.lastInsertRowid), createdAt, appUrl, script }
  }

  scripts(): SavedScript[] {
    const rows = this.db.prepare('SELECT id, created_at, app_url, script FROM ussd_scripts ORDER BY id DESC').all() as {
      id: number
      created_at: string
      app_url: string
      script: string
    }[]
    return rows.flatMap((r) => {
      const parsed = SavedScriptSchema.safeParse({
        id: r.id,
        createdAt: r.created_at,
        appUrl: r.app_url,
        script: UssdScriptSchema.safeParse(JSON.parse(r.script)).data,
      })
      return parsed.success ? [parsed.data] : []
    })
  }

  deleteScript(id: number): boolean {
    return this.db.prepare('DELETE FROM ussd_scripts WHERE id = ?').run(id).changes > 0
  }
}
