import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCore, type Core } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { invokeOrThrow } from '../../src-main/cli/invoke'
import { CLARO_PATHS } from '../../src-main/providers/claro/paths'
import { DEFAULT_POLICY, type Policy } from '../../src-shared/domain/policy'
import { envWithoutSessionBus, runBuiltCli } from '../helpers/cli'
import { requireBuiltCli } from '../helpers/cli-harness'
import { startWireServer } from '../helpers/wire-server'
import { tempDir } from '../helpers/tmp'

/*
 * Adversarial tests for issue #22 (decisions as a record, exports, configuration errors, Casos, Data Trust reuse).
 * Each test asserts the CORRECT behaviour; a failing one is marked "FINDING:" at its top.
 */

requireBuiltCli()
const ESC = '\u001b'
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

function dataDir(): string {
  const d = tempDir('attack22-')
  cleanups.push(d.cleanup)
  return d.path
}

async function open(dir: string, environment?: 'sandbox' | 'homologacao'): Promise<Core> {
  const core = await createCore({ dataDir: dir, host: 'cli', log: silentLogger, ...(environment ? { environment } : {}) })
  let closed = false
  const close = async () => {
    if (!closed) await core.close()
    closed = true
  }
  ;(core as { closeOnce?: () => Promise<void> }).closeOnce = close
  cleanups.push(close)
  return core
}
const shut = (core: Core) => (core as unknown as { closeOnce: () => Promise<void> }).closeOnce()

const cli = (dir: string, args: string[]) => runBuiltCli(['--data-dir', dir, ...args], { env: envWithoutSessionBus() })

async function upload(core: Core, text: string | Buffer, name = 'lista.csv'): Promise<string> {
  const { uploadId } = await invokeOrThrow(core, 'batch:upload-begin', { name })
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  for (let offset = 0; offset < bytes.length; offset += 512 * 1024)
    await invokeOrThrow(core, 'batch:upload-chunk', {
      uploadId,
      offset,
      dataBase64: bytes.subarray(offset, offset + 512 * 1024).toString('base64'),
    })
  await invokeOrThrow(core, 'batch:upload-end', { uploadId, name })
  return uploadId
}

const jobOf = async (core: Core, jobId: number) => (await invokeOrThrow(core, 'batch:jobs', {})).find((j) => j.id === jobId)

async function screen(
  core: Core,
  csv: string | Buffer,
  o: { name?: string; checks?: ('alerts' | 'score')[]; mapping?: Record<string, number>; wait?: boolean } = {},
): Promise<number> {
  const uploadId = await upload(core, csv, o.name ?? 'lista.csv')
  const plan = await invokeOrThrow(core, 'batch:plan', {
    uploadId,
    ...(o.name ? { name: o.name } : {}),
    checks: o.checks ?? ['score'],
    mapping: o.mapping ?? { name: 0, cpf: 1 },
  })
  const jobId = plan.job.id
  if (o.wait === false) return jobId
  await invokeOrThrow(core, 'batch:start', { jobId, rate: { claro: 500 } })
  await vi.waitFor(async () => expect((await jobOf(core, jobId))?.decided).toBeTruthy(), {
    timeout: 20_000,
    interval: 25,
  })
  return jobId
}

async function exportCsv(core: Core, jobId: number): Promise<string[][]> {
  const out = await invokeOrThrow(core, 'batch:export', { jobId, format: 'csv', delimiter: ';' })
  const text = readFileSync(out.saved ? out.path : '', 'utf8').replace(/^\uFEFF/, '')
  return parse(text, { delimiter: ';', relax_column_count: true }) as string[][]
}

const stricter = (base: Policy): Policy => ({
  ...base,
  name: 'Crédito restrito',
  rules: { ...base.rules, claro_score_low: { enabled: true, action: 'recusar', below: 700 } },
})

const openCase = async (core: Core, cpf = '529.982.247-25', phone = '(11) 99999-0404') =>
  (await invokeOrThrow(core, 'customer:check', { cpf, phone, checks: ['alerts'] })).caseId ?? 0

describe('Casos: injection, escapes, identity', () => {
  it('markup in a batch name column and in notes reaches the dossier HTML only escaped', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const csv = 'Nome;CPF\r\n"<img src=x onerror=alert(1)><script>alert(2)</script>";111.444.777-35\r\n'
    await screen(core, csv, { name: '<b>lista</b>.csv' })
    const id = (await invokeOrThrow(core, 'cases:list', {})).rows[0]?.id ?? 0
    await invokeOrThrow(core, 'cases:note', { id, note: '</li><script>alert(3)</script><a href="javascript:x">' })
    await shut(core)
    const html = join(dir, 'd.html')
    const shown = await cli(dir, ['cases', 'show', String(id), '--html', html])
    expect(shown.code, shown.stderr).toBe(0)
    const doc = readFileSync(html, 'utf8')
    expect(doc).not.toMatch(/<script|<img|<a |href="javascript|<b>|<\/li><script/i)
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('terminal escapes in a batch file name never reach `cases show` text output', async () => {
    // FINDING: batch:plan `name` (and `screen`'s file name) accepts control characters; the evidence heading prints them raw.
    const dir = dataDir()
    const core = await open(dir)
    await screen(core, 'Nome;CPF\r\nBia;111.444.777-35\r\n', { name: `lista${ESC}[2J${ESC}]0;pwned\u0007.csv` })
    const id = (await invokeOrThrow(core, 'cases:list', {})).rows[0]?.id ?? 0
    await shut(core)
    const shown = await cli(dir, ['cases', 'show', String(id)])
    expect(shown.code, shown.stderr).toBe(0)
    expect(shown.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
  })

  it('names with ESC / C1 CSI / bidi overrides are neutralised in `cases list`', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const csv = `Nome;CPF\r\n"Ana${ESC}[31mRED\u009b2J";111.444.777-35\r\n`
    await screen(core, csv)
    await shut(core)
    const listed = await cli(dir, ['cases', 'list'])
    expect(listed.code, listed.stderr).toBe(0)
    expect(listed.stdout).toContain('Ana [31mRED 2J')
    expect(listed.stdout).not.toMatch(/[\u001b\u009b]/)
  })

  it('notes refuse escape sequences, are bounded, and reasons/notes with escapes never reach a record', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const id = await openCase(core)
    const escaped = await core.router.invoke('cases:note', { id, note: `ok ${ESC}[2K fake` })
    expect(escaped).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    const huge = await core.router.invoke('cases:decide', {
      id,
      verdict: 'aprovar',
      reason: 'outro',
      note: 'x'.repeat(100_000),
    })
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    const policyReason = await core.router.invoke('policy:set', {
      policy: stricter(DEFAULT_POLICY),
      reason: `mudou${ESC}[31m`,
    })
    expect(policyReason).toMatchObject({ ok: false })
    await shut(core)
    const decided = await cli(dir, ['cases', 'decide', String(id), '--verdict', 'aprovar', '--reason', 'outro', '--note', `a${ESC}[2Jb`])
    expect(decided.code).toBe(2)
    expect(decided.stderr + decided.stdout).not.toContain(ESC)
    expect(JSON.parse((await cli(dir, ['--json', 'cases', 'show', String(id)])).stdout).status).toBe('open')
  })

  it('a lone carriage return in a note cannot overwrite what `cases show` prints', async () => {
    // FINDING: CaseNoteSchema lets a bare "\r" through; the terminal output can be spoofed (line overwritten).
    const dir = dataDir()
    const core = await open(dir)
    const id = await openCase(core)
    const r = await core.router.invoke('cases:note', { id, note: 'cliente suspeito, fraude provável\rOK, tudo certo' })
    await shut(core)
    const shown = await cli(dir, ['cases', 'show', String(id)])
    if (r.ok) expect(shown.stdout).not.toMatch(/\r(?!\n)/)
  })

  it('two CPFs sharing a phone are two cases; erasing by the phone reaches the case opened by CPF+phone', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const a = await openCase(core, '529.982.247-25', '(11) 99999-0404')
    const b = (await invokeOrThrow(core, 'customer:check', { cpf: '111.444.777-35', phone: '(11) 99999-0404', checks: ['alerts', 'score'] })).caseId
    expect(b).not.toBeNull()
    expect(b).not.toBe(a)
    expect((await invokeOrThrow(core, 'cases:list', {})).total).toBe(2)
    await invokeOrThrow(core, 'privacy:erase', { kind: 'phone', value: '11999990404', confirm: true })
    expect((await invokeOrThrow(core, 'cases:list', { status: 'all' })).total).toBe(0)
  })
})

describe('Casos: records, erasure, environments, races', () => {
  it('an erasure leaves nothing of the person in a dossier whose note spans lines', async () => {
    // FINDING: the dossier is erased line by line; a note with "\n" splits the HTML and its other lines survive the erasure.
    const dir = dataDir()
    let core = await open(dir)
    const id = await openCase(core)
    await invokeOrThrow(core, 'cases:decide', {
      id,
      verdict: 'recusar',
      reason: 'fraude_confirmada',
      note: 'Ligou de outro número.\nMora na Rua das Flores 12; a filha Joana Prado atendeu.',
    })
    await shut(core)
    const html = join(dir, 'fora', 'dossie.html')
    expect((await cli(dir, ['cases', 'show', String(id), '--html', html])).code).toBe(0)
    core = await open(dir)
    await invokeOrThrow(core, 'privacy:erase', { kind: 'cpf', value: '529.982.247-25', confirm: true })
    const left = readFileSync(html, 'utf8')
    expect(left).not.toContain('529.982.247-25')
    expect(left).not.toContain('Joana Prado')
  })

  it('a case of one environment is not readable or decidable from another', async () => {
    // FINDING: cases:get / cases:decide / cases:note look a case up by id only; `--env homologacao` reads and decides sandbox cases.
    const dir = dataDir()
    const sandbox = await open(dir)
    const id = await openCase(sandbox)
    await shut(sandbox)
    const homolog = await open(dir, 'homologacao')
    expect((await invokeOrThrow(homolog, 'cases:list', { status: 'all' })).total).toBe(0)
    expect(await homolog.router.invoke('cases:get', { id })).toMatchObject({ ok: false, error: { code: 'cases.not_found' } })
    const decided = await homolog.router.invoke('cases:decide', { id, verdict: 'aprovar', reason: 'falso_positivo' })
    expect(decided).toMatchObject({ ok: false, error: { code: 'cases.not_found' } })
  })

  it('the same case decided at once from several CLI processes: one decision wins, the others exit 2', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const id = await openCase(core)
    await shut(core)
    const runs = await Promise.all(
      ['falso_positivo', 'cliente_confirmado', 'evento_legitimo', 'documentos_conferidos'].map((reason) =>
        cli(dir, ['cases', 'decide', String(id), '--verdict', 'aprovar', '--reason', reason]),
      ),
    )
    expect(runs.map((r) => r.code).sort()).toEqual([0, 2, 2, 2])
    for (const r of runs.filter((x) => x.code === 2)) expect(r.stderr).toContain('já foi decidido')
    const detail = JSON.parse((await cli(dir, ['--json', 'cases', 'show', String(id)])).stdout) as {
      events: { kind: string }[]
    }
    expect(detail.events.filter((e) => e.kind === 'decided')).toHaveLength(1)
  })

  it('odd ids and SQL-looking filters are refused in words, never a stack or another case', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const id = await openCase(core)
    expect(await core.router.invoke('cases:get', { id: id + 1 })).toMatchObject({ ok: false, error: { code: 'cases.not_found' } })
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN])
      expect((await core.router.invoke('cases:get', { id: bad })).ok).toBe(false)
    expect((await core.router.invoke('cases:list', { rule: "x' OR 1=1 --" })).ok).toBe(false)
    expect(await invokeOrThrow(core, 'cases:find', { cpf: "' OR '1'='1", phone: "1' OR 1=1--" })).toEqual({ id: null })
    expect(await invokeOrThrow(core, 'cases:find', { jobId: -1, rowNo: -1 })).toEqual({ id: null })
    await shut(core)
    for (const arg of ['-5', '0', '1e400', '99999999999999999999', 'abc']) {
      const r = await cli(dir, ['cases', 'show', '--', arg])
      expect([arg, r.code]).toEqual([arg, 2])
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })
})


  it('a CLI case id is a plain decimal number: "0x1", "1e0", "0b1" are not case 1', async () => {
    // FINDING: caseId() uses Number(): `cases show 0x1` (or 1e0, 0b1, " 1 ") silently reads case 1.
    const dir = dataDir()
    const core = await open(dir)
    await openCase(core)
    await shut(core)
    for (const arg of ['0x1', '1e0', '0b1']) expect([arg, (await cli(dir, ['cases', 'show', arg])).code]).toEqual([arg, 2])
  })

describe('batch decisions are a record', () => {
  const PEOPLE = [
    'Nome;CPF;Celular',
    'Ana;529.982.247-25;(11) 99999-0003',
    'Bia;111.444.777-35;(11) 99999-0003',
    'Caio;123.456.789-09;(11) 99999-0404',
    ...Array.from({ length: 9 }, (_, i) => `P${i};529.982.247-25;(11) 99999-0003`),
  ].join('\r\n')

  it('while running: unanswered rows read Pendente (never Revisar), open no case, and adopting is refused', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const jobId = await screen(core, PEOPLE, { checks: ['alerts', 'score'], mapping: { name: 0, cpf: 1, phone: 2 }, wait: false })
    await invokeOrThrow(core, 'batch:start', { jobId, concurrency: 1, rate: { claro: 2 } })
    await vi.waitFor(async () => expect((await invokeOrThrow(core, 'batch:stats', { jobId })).verdicts['pendente']).toBeLessThan(11), { timeout: 15_000, interval: 50 })
    const rows = await exportCsv(core, jobId)
    const [head = [], ...body] = rows
    const at = (name: string) => head.indexOf(name)
    expect(body).toHaveLength(12)
    for (const r of body) {
      expect(r).toHaveLength(head.length)
      const answered = r[at('Alerta: situação')] !== '' && r[at('Score Claro: situação')] !== ''
      if (!answered) expect([r[0], r[at('Veredito')]]).toEqual([r[0], 'Pendente'])
      expect(r[at('Política')]).toContain('provisória')
    }
    expect((await invokeOrThrow(core, 'cases:list', { status: 'all' })).total).toBe(0)
    const adopt = await core.router.invoke('batch:adopt', { jobId, policy: stricter(DEFAULT_POLICY), reason: 'teste' })
    expect(adopt).toMatchObject({ ok: false, error: { code: 'batch.not_finished' } })
    await invokeOrThrow(core, 'batch:control', { jobId, action: 'cancel' })
    await vi.waitFor(async () => expect((await jobOf(core, jobId))?.decided).toBeTruthy(), { timeout: 10_000 })
    // Only rows that answered "revisar" have cases; rows cut by the cancel stay Pendente.
    const after = await exportCsv(core, jobId)
    const revisar = after.slice(1).filter((r) => r[head.indexOf('Veredito')] === 'Revisar').length
    expect((await invokeOrThrow(core, 'cases:list', { status: 'all' })).total).toBeLessThanOrEqual(revisar)
  })

  it('policy:set never changes a finished job; adopting the same policy twice leaves one adoption', async () => {
    // FINDING? adopting the policy that already decides the job adds another decision set and policy-log line.
    const dir = dataDir()
    const core = await open(dir)
    const csv = ['Nome;CPF', 'Ana;529.982.247-25', 'Bia;111.444.777-35', 'Duda;123.456.789-09'].join('\r\n')
    const jobId = await screen(core, csv)
    const before = await exportCsv(core, jobId)
    await invokeOrThrow(core, 'policy:set', { policy: stricter(DEFAULT_POLICY), reason: 'mais restrita' })
    expect(await exportCsv(core, jobId)).toEqual(before)
    expect((await invokeOrThrow(core, 'batch:decisions', { jobId }))).toHaveLength(1)
    const policy = stricter(DEFAULT_POLICY)
    await invokeOrThrow(core, 'batch:adopt', { jobId, policy, reason: 'adotar para o lote' })
    const twice = await core.router.invoke('batch:adopt', { jobId, policy, reason: 'de novo' })
    const sets = await invokeOrThrow(core, 'batch:decisions', { jobId })
    expect(sets.length + (twice.ok ? 0 : 0)).toBe(2)
  })

  it('what-if and adopt after an LGPD erasure of some rows: counts add up, the erased person never comes back', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const csv = ['Nome;CPF', 'Ana;529.982.247-25', 'Bia;111.444.777-35', 'Bia2;111.444.777-35', 'Duda;123.456.789-09'].join('\r\n')
    const jobId = await screen(core, csv)
    await invokeOrThrow(core, 'privacy:erase', { kind: 'cpf', value: '111.444.777-35', confirm: true })
    const whatif = await invokeOrThrow(core, 'batch:whatif', { jobId, policy: stricter(DEFAULT_POLICY), limit: 10 })
    expect(Object.values(whatif.before).reduce((a, b) => a + b, 0)).toBe(2)
    const adopted = await invokeOrThrow(core, 'batch:adopt', { jobId, policy: stricter(DEFAULT_POLICY), reason: 'depois do apagamento' })
    const stats = await invokeOrThrow(core, 'batch:stats', { jobId })
    expect(Object.values(stats.verdicts).reduce((a, b) => a + b, 0)).toBe(2)
    expect(adopted.job.decided?.counts).toMatchObject(stats.verdicts)
    const rows = await exportCsv(core, jobId)
    expect(JSON.stringify(rows)).not.toMatch(/111\\.444\\.777-35|Bia/)
    expect((await invokeOrThrow(core, 'cases:list', { status: 'all' })).rows.map((c) => c.person.cpf)).not.toContain('11144477735')
  })
})
