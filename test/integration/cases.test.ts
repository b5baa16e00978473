import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCore, type Core } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { invokeOrThrow } from '../../src-main/cli/invoke'
import { tempDir } from '../helpers/tmp'

/*
 * Issue #22 item 6 and 7, over the app channels: revisar opens one case per person, later checks attach, a batch's
 * revisar rows become cases, the analyst's decisions are appended and reach the export, a watch change reopens a
 * decided case, an erasure takes the person's cases, and Cliente reuses the person's recent Data Trust transaction.
 */

let dir: ReturnType<typeof tempDir>
let core: Core
beforeEach(async () => {
  dir = tempDir()
  core = await createCore({ dataDir: dir.path, host: 'cli', log: silentLogger })
})
afterEach(async () => {
  await core.close()
  dir.cleanup()
})

const dataTrustSends = async (): Promise<number> => {
  const all = await invokeOrThrow(core, 'sandbox:stats', {})
  return all['clearsale']?.['POST /products/v1/datatrust'] ?? 0
}

describe('Casos', () => {
  it('a revisar in Cliente opens one case per person; the next check of the same person joins it', async () => {
    // An unknown line (404) answers "not found": revisar under the default policy.
    const person = { cpf: '529.982.247-25', phone: '(11) 99999-0404', checks: ['alerts', 'score'] as const }
    const first = await invokeOrThrow(core, 'customer:check', { ...person, checks: [...person.checks] })
    expect(first.decision.verdict).toBe('revisar')
    expect(first.caseId).not.toBeNull()
    const again = await invokeOrThrow(core, 'customer:check', { ...person, checks: [...person.checks] })
    expect(again.caseId).toBe(first.caseId)
    const list = await invokeOrThrow(core, 'cases:list', {})
    expect(list.total).toBe(1)
    expect(list.rows[0]).toMatchObject({
      origin: 'cliente',
      status: 'open',
      evidence: 2,
      person: { cpf: '52998224725', phone: '5511999990404' },
      machine: { verdict: 'revisar' },
    })
    expect(list.rules).toContainEqual({ rule: 'not_found', count: 1 })
    // Another, clean customer opens nothing.
    const clean = await invokeOrThrow(core, 'customer:check', {
      cpf: '123.456.789-09',
      phone: '(11) 99999-0003',
      checks: ['alerts', 'score'],
    })
    expect(clean.decision.verdict).toBe('aprovar')
    expect(clean.caseId).toBeNull()
  })

  it('decisions are appended with who and the policy in force; a decided case is reopened, never overwritten', async () => {
    const opened = await invokeOrThrow(core, 'customer:check', {
      cpf: '529.982.247-25',
      phone: '(11) 99999-0404',
      checks: ['alerts'],
    })
    const id = opened.caseId ?? 0
    const refused = await core.router.invoke('cases:decide', { id, verdict: 'aprovar', reason: 'fraude_confirmada' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    const other = await core.router.invoke('cases:decide', { id, verdict: 'aprovar', reason: 'outro' })
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    const decided = await invokeOrThrow(core, 'cases:decide', {
      id,
      verdict: 'aprovar',
      reason: 'cliente_confirmado',
      note: 'Ligou da loja',
    })
    expect(decided.status).toBe('decided')
    expect(decided.decision).toMatchObject({ verdict: 'aprovar', reason: 'cliente_confirmado' })
    expect(decided.decision?.who.length).toBeGreaterThan(0)
    const twice = await core.router.invoke('cases:decide', { id, verdict: 'recusar', reason: 'sem_contato' })
    expect(twice).toMatchObject({ ok: false, error: { code: 'cases.already_decided' } })
    await invokeOrThrow(core, 'cases:reopen', { id, note: 'cliente ligou de novo' })
    const again = await invokeOrThrow(core, 'cases:decide', { id, verdict: 'recusar', reason: 'sem_contato' })
    expect(again.events.map((e) => [e.kind, e.verdict])).toEqual([
      ['evidence', 'revisar'],
      ['decided', 'aprovar'],
      ['reopened', null],
      ['decided', 'recusar'],
    ])
    expect(again.events[1]?.policy?.version).toBe(1)
  })

  it('a finished batch with three revisar rows opens three cases; decisions reach the export', async () => {
    const csv = [
      'Nome;CPF;Celular',
      'Ana;529.982.247-25;(11) 99999-0404',
      'Bia;111.444.777-35;(11) 99999-0003',
      'Caio;123.456.789-09;(11) 99999-0500',
      'Duda;529.982.247-25;(11) 99999-0003',
    ].join('\r\n')
    const { uploadId } = await invokeOrThrow(core, 'batch:upload-begin', { name: 'lista.csv' })
    await invokeOrThrow(core, 'batch:upload-chunk', {
      uploadId,
      offset: 0,
      dataBase64: Buffer.from(csv).toString('base64'),
    })
    await invokeOrThrow(core, 'batch:upload-end', { uploadId, name: 'lista.csv' })
    const plan = await invokeOrThrow(core, 'batch:plan', {
      uploadId,
      checks: ['alerts', 'score'],
      mapping: { name: 0, cpf: 1, phone: 2 },
    })
    const jobId = plan.job.id
    await invokeOrThrow(core, 'batch:start', { jobId, rate: { claro: 200 } })
    await vi.waitFor(
      async () =>
        expect((await invokeOrThrow(core, 'batch:jobs', {})).find((j) => j.id === jobId)?.decided).toBeTruthy(),
      { timeout: 20_000, interval: 20 },
    )
    const cases = await invokeOrThrow(core, 'cases:list', { origin: 'lote' })
    // Ana (unknown line), Bia (score 180), Caio (Alerta 500); Duda is clean.
    expect(cases.rows.map((c) => c.person.label).sort()).toEqual(['Ana', 'Bia', 'Caio'])
    const [ana, bia] = ['Ana', 'Bia'].map((n) => cases.rows.find((c) => c.person.label === n)?.id ?? 0)
    await invokeOrThrow(core, 'cases:decide', { id: ana ?? 0, verdict: 'aprovar', reason: 'falso_positivo' })
    await invokeOrThrow(core, 'cases:decide', { id: bia ?? 0, verdict: 'recusar', reason: 'risco_de_credito' })
    const exported = await invokeOrThrow(core, 'batch:export', { jobId, format: 'csv', delimiter: ';' })
    const rows = parse(readFileSync(exported.saved ? exported.path : '', 'utf8').replace(/^\uFEFF/, ''), {
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[]
    expect(rows.map((r) => [r['Nome'], r['Decisão do analista']])).toEqual([
      ['Ana', 'Aprovar'],
      ['Bia', 'Recusar'],
      ['Caio', 'Caso aberto'],
      ['Duda', ''],
    ])
    expect(rows[0]?.['Decidido por']).not.toBe('')
    expect(rows[0]?.['Decidido em']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
    const row = await invokeOrThrow(core, 'batch:row', { jobId, rowNo: 3 })
    expect(row.caseId).toBe(cases.rows.find((c) => c.person.label === 'Caio')?.id)
    // LGPD: erasing Bia takes her case, its log and its link.
    await invokeOrThrow(core, 'privacy:erase', { kind: 'cpf', value: '111.444.777-35', confirm: true })
    const after = await invokeOrThrow(core, 'cases:list', { status: 'all' })
    expect(after.rows.map((c) => c.person.label).sort()).toEqual(['Ana', 'Caio'])
  })

  it('Cliente reads the person’s recent Data Trust transaction again instead of paying a new one, unless asked', async () => {
    const person = { cpf: '529.982.247-25', checks: ['datatrust'] as const }
    const first = await invokeOrThrow(core, 'customer:check', { ...person, checks: [...person.checks] })
    expect(first.dataTrust.status).toBe('ok')
    expect(await dataTrustSends()).toBe(1)
    const second = await invokeOrThrow(core, 'customer:check', { ...person, checks: [...person.checks] })
    expect(await dataTrustSends()).toBe(1)
    const reused = second.dataTrust.status === 'ok' ? second.dataTrust.result.reused : null
    const id = first.dataTrust.status === 'ok' ? first.dataTrust.result.transaction.ID : ''
    expect(reused).toMatchObject({ id })
    await invokeOrThrow(core, 'customer:check', { ...person, checks: [...person.checks], newTransaction: true })
    expect(await dataTrustSends()).toBe(2)
    await invokeOrThrow(core, 'settings:update', { dataTrustReuseHours: 0 })
    await invokeOrThrow(core, 'customer:check', { ...person, checks: [...person.checks] })
    expect(await dataTrustSends()).toBe(3)
  })

  it('a watch change on a person whose case was decided reopens it, keeping the decision in its log', async () => {
    // A low score opens the case (revisar); the analyst decides it.
    const opened = await invokeOrThrow(core, 'customer:check', {
      cpf: '111.444.777-35',
      phone: '(11) 99999-0003',
      checks: ['score'],
    })
    const id = opened.caseId ?? 0
    await invokeOrThrow(core, 'cases:decide', { id, verdict: 'aprovar', reason: 'documentos_conferidos' })
    const csv = 'Nome;Celular;CPF\r\nBia;(11) 99999-0003;111.444.777-35\r\n'
    const { uploadId } = await invokeOrThrow(core, 'batch:upload-begin', { name: 'carteira.csv' })
    await invokeOrThrow(core, 'batch:upload-chunk', {
      uploadId,
      offset: 0,
      dataBase64: Buffer.from(csv).toString('base64'),
    })
    await invokeOrThrow(core, 'batch:upload-end', { uploadId, name: 'carteira.csv' })
    const { list } = await invokeOrThrow(core, 'watch:add', {
      uploadId,
      name: 'Carteira',
      checks: ['alerts'],
      everyMinutes: 60,
    })
    await invokeOrThrow(core, 'watch:run', { listId: list.id }) // the baseline: a clean line, nothing new
    expect((await invokeOrThrow(core, 'cases:get', { id })).status).toBe('decided')
    const event = { msisdn: '5511999990003', eventName: 'SIMCARD_CHANGED' as const, at: new Date().toISOString() }
    await invokeOrThrow(core, 'settings:update', { sandbox: { extraEvents: [event] } })
    const pass = await invokeOrThrow(core, 'watch:run', { listId: list.id })
    expect(pass.changes).toBe(1)
    const reopened = await invokeOrThrow(core, 'cases:get', { id })
    expect(reopened.status).toBe('open')
    expect(reopened.events.map((e) => [e.kind, e.source])).toEqual([
      ['evidence', 'cliente'],
      ['decided', null],
      ['reopened', null],
      ['evidence', 'monitoramento'],
    ])
    expect(reopened.events[3]?.change).toMatchObject({ kind: 'event', eventName: 'SIMCARD_CHANGED' })
    expect(reopened.timeline.map((c) => c.eventName)).toEqual(['SIMCARD_CHANGED'])
    expect(reopened.machine.reasons.map((r) => r.rule)).toEqual(['takeover_recent'])
  })

  it('a customer repeated in a list is one case with one piece of evidence; every row carries its decision', async () => {
    const csv = ['Nome;CPF', 'Bia;111.444.777-35', 'Bia de novo;111.444.777-35', 'Bia outra vez;111.444.777-35'].join(
      '\r\n',
    )
    const { uploadId } = await invokeOrThrow(core, 'batch:upload-begin', { name: 'repetida.csv' })
    await invokeOrThrow(core, 'batch:upload-chunk', {
      uploadId,
      offset: 0,
      dataBase64: Buffer.from(csv).toString('base64'),
    })
    await invokeOrThrow(core, 'batch:upload-end', { uploadId, name: 'repetida.csv' })
    const plan = await invokeOrThrow(core, 'batch:plan', { uploadId, checks: ['score'], mapping: { name: 0, cpf: 1 } })
    await invokeOrThrow(core, 'batch:start', { jobId: plan.job.id })
    await vi.waitFor(
      async () =>
        expect((await invokeOrThrow(core, 'batch:jobs', {})).find((j) => j.id === plan.job.id)?.decided).toBeTruthy(),
      { timeout: 20_000, interval: 20 },
    )
    const { rows } = await invokeOrThrow(core, 'cases:list', {})
    expect(rows).toHaveLength(1)
    expect(rows[0]?.evidence).toBe(1)
    const id = rows[0]?.id ?? 0
    for (const rowNo of [1, 2, 3])
      expect((await invokeOrThrow(core, 'cases:find', { jobId: plan.job.id, rowNo })).id).toBe(id)
    await invokeOrThrow(core, 'cases:decide', { id, verdict: 'recusar', reason: 'risco_de_credito' })
    const grid = await invokeOrThrow(core, 'batch:rows', { jobId: plan.job.id, offset: 0, limit: 10 })
    const at = grid.header.indexOf('Decisão do analista')
    expect(grid.rows.map((r) => r.cells[at])).toEqual(['Recusar', 'Recusar', 'Recusar'])
  })

  it('retention: decided cases leave after the audit period, open ones wait for an analyst', async () => {
    const open = await invokeOrThrow(core, 'customer:check', { cpf: '111.444.777-35', checks: ['score'] })
    const decided = await invokeOrThrow(core, 'customer:check', {
      cpf: '529.982.247-25',
      phone: '(11) 99999-0404',
      checks: ['alerts'],
    })
    await invokeOrThrow(core, 'cases:decide', { id: decided.caseId ?? 0, verdict: 'aprovar', reason: 'falso_positivo' })
    const days = core.context.settings.get().caseRetentionDays
    expect(days).toBe(1825)
    const cases = core.modules.cases
    expect(cases.purge(days, new Date(Date.now() + (days - 1) * 86_400_000))).toBe(0)
    expect(cases.purge(days, new Date(Date.now() + (days + 1) * 86_400_000))).toBe(1)
    const left = await invokeOrThrow(core, 'cases:list', { status: 'all' })
    expect(left.rows.map((c) => c.id)).toEqual([open.caseId])
  })
})
