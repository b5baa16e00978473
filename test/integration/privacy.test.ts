import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tmp'
import { createCore, type Core } from '../../src-main/app'
import { MAX_UPLOAD_BYTES } from '../../src-shared/contract/batch'

/* Issue #14: the person's data in every table and file is reported and erased; nobody else's is touched. */

const ANA = '11912345678'
const BIA = '11987654321'

describe('privacy report and erase over every place', () => {
  let dir: ReturnType<typeof tempDir>
  let core: Core
  const invoke: Core['router']['invoke'] = (channel, payload) => core.router.invoke(channel, payload)
  beforeEach(async () => {
    dir = tempDir()
    core = await createCore({ dataDir: dir.path, host: 'cli' })
  })
  afterEach(async () => {
    await core.close()
    dir.cleanup()
  })

  function plant(phone: string, at: string): void {
    const db = core.context.db
    db.prepare('INSERT INTO mse_inbox (at, kind, anum, bnum, body) VALUES (?, ?, ?, ?, ?)').run(
      at,
      'mo',
      `55${phone}`,
      '12345',
      '{"TEXT":"SIM"}',
    )
    db.prepare('INSERT INTO ussd_log (at, kind, msisdn, short_code, summary, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
      at,
      'push',
      phone,
      '*100#',
      'menu',
      '{}',
    )
    db.prepare('INSERT INTO callbacks (at, provider, kind, summary, body) VALUES (?, ?, ?, ?, ?)').run(
      at,
      'mse',
      'receipt',
      'DELIVRD',
      `ANUM=12345&BNUM=%2B55${phone}`,
    )
    db.prepare('INSERT INTO ussd_scripts (created_at, app_url, script) VALUES (?, ?, ?)').run(
      at,
      'http://127.0.0.1:9/app',
      `dial *100# from (${phone.slice(0, 2)}) ${phone.slice(2, 7)}-${phone.slice(7)}`,
    )
    core.context.log.info('test.line', { note: `enviado para ${phone}` })
  }

  it('finds a masked history row by its keyed hash only, and erases every table, upload and log line about the person', async () => {
    const at = new Date().toISOString()
    for (const phone of [ANA, BIA]) {
      plant(phone, at)
      core.context.history.add({
        environment: 'sandbox',
        kind: 'alerts',
        identifier: `55${phone}`,
        outcome: 'ok',
        summary: '0 eventos',
        errorCode: null,
        durationMs: 1,
        raw: null,
      })
    }
    const history = core.context.db.prepare('SELECT identifier, subject FROM history').all() as {
      identifier: string
      subject: string
    }[]
    expect(history.map((r) => r.identifier)).toEqual(['(11) 9****-5678', '(11) 9****-4321']) // masked: only the hash finds it
    expect(history.every((r) => /^[0-9a-f]{64}$/.test(r.subject))).toBe(true)
    mkdirSync(join(dir.path, 'batch-uploads'))
    const upload = join(dir.path, 'batch-uploads', 'lista.csv')
    writeFileSync(upload, `Nome;Celular\nAna;(11) 91234-5678\nBia;(11) 98765-4321\n`)

    const report = await invoke('privacy:report', { kind: 'phone', value: '(11) 91234-5678' })
    expect(report.ok).toBe(true)
    const data = (
      report as {
        data: { records: { place: string; text: string }[]; files: { kind: string; records: number }[]; total: number }
      }
    ).data
    expect(data.records.map((r) => r.place).sort()).toEqual([
      'callbacks',
      'history',
      'mse_inbox',
      'ussd_log',
      'ussd_scripts',
    ])
    expect(data.records.find((r) => r.place === 'ussd_log')?.text).toBe('Sessão USSD *100# (push)')
    expect(data.files.map((f) => [f.kind, f.records]).sort()).toEqual([
      ['log', 1],
      ['upload', 1],
    ])

    expect(await invoke('privacy:erase', { kind: 'phone', value: ANA })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    }) // no confirm
    const erased = await invoke('privacy:erase', { kind: 'phone', value: ANA, confirm: true })
    expect(erased).toMatchObject({
      ok: true,
      data: {
        total: 7,
        storageClean: true,
        removed: {
          history: 1,
          mse_inbox: 1,
          ussd_log: 1,
          callbacks: 1,
          ussd_scripts: 1,
          'files.upload': 1,
          'files.log': 1,
        },
      },
    })

    const after = await invoke('privacy:report', { kind: 'phone', value: ANA })
    expect(after).toMatchObject({ ok: true, data: { total: 0 } })
    const bia = await invoke('privacy:report', { kind: 'phone', value: BIA })
    expect(bia).toMatchObject({ ok: true, data: { total: 7 } })
    expect(readFileSync(upload, 'utf8')).toBe('Nome;Celular\nBia;(11) 98765-4321\n')
    const log = readFileSync(join(dir.path, 'logs', 'sentinela.log'), 'utf8')
    expect(log).not.toContain(ANA)
    expect(log).toContain(BIA)
    // The audit says when, by which kind, how many — never who.
    const audit = await invoke('privacy:audit', {})
    expect(audit).toMatchObject({ ok: true, data: { lines: [{ kind: 'phone', removed: { history: 1 } }] } })
    expect(JSON.stringify(audit)).not.toMatch(/1234|5678/)
  })

  it('waits for a batch in progress: erasing under it would let the runner write the person back', async () => {
    await invoke('settings:update', { sandbox: { latencyMs: 1500 } })
    const begun = (await invoke('batch:upload-begin', { name: 'lista.csv' })) as {
      ok: true
      data: { uploadId: string }
    }
    const { uploadId } = begun.data
    await invoke('batch:upload-chunk', {
      uploadId,
      offset: 0,
      dataBase64: Buffer.from(`Nome;Celular\nAna;(11) 91234-5678\n`).toString('base64'),
    })
    await invoke('batch:upload-end', { uploadId, name: 'lista.csv' })
    const plan = (await invoke('batch:plan', { uploadId, checks: ['alerts'], mapping: { phone: 1 } })) as {
      ok: true
      data: { job: { id: number } }
    }
    expect(await invoke('batch:start', { jobId: plan.data.job.id })).toMatchObject({ ok: true })
    const refused = await invoke('privacy:erase', { kind: 'phone', value: ANA, confirm: true })
    expect(refused).toMatchObject({ ok: false, error: { code: 'privacy.batch_running' } })
    expect((refused as { error: { message: string } }).error.message).toContain('espere ele terminar ou cancele-o')
    expect(core.context.db.prepare('SELECT COUNT(*) AS n FROM batch_rows').get()).toEqual({ n: 1 }) // nothing was erased
  })

  it('refuses an identifier that is none, in words', async () => {
    const r = await invoke('privacy:report', { kind: 'cpf', value: '123' })
    expect(r).toMatchObject({ ok: false, error: { code: 'privacy.subject_invalid' } })
    expect((r as { error: { message: string } }).error.message).toMatch(/^Identificador inválido/)
  })

  it('refuses a list past the upload limit with a sentence, and deletes what arrived', async () => {
    const begun = (await invoke('batch:upload-begin', { name: 'enorme.csv' })) as {
      ok: true
      data: { uploadId: string }
    }
    const path = join(dir.path, 'batch-uploads', begun.data.uploadId)
    truncateSync(path, MAX_UPLOAD_BYTES - 2) // sparse: the limit without writing 512 MB
    const r = await invoke('batch:upload-chunk', {
      uploadId: begun.data.uploadId,
      offset: MAX_UPLOAD_BYTES - 2,
      dataBase64: Buffer.from('abcd').toString('base64'),
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'batch.upload_too_large' } })
    expect((r as { error: { message: string } }).error.message).toContain('512 MB')
    expect(existsSync(path)).toBe(false)
  })
})
