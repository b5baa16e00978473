import { readFileSync } from 'node:fs'
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
 * Written by a tester given only the entry points; each asserts the correct behaviour. The ones marked "Found by the
 * attack" failed first (each fixed in the same change); the others were guards from the start.
 */

requireBuiltCli()
const ESC = '\u001b'
const cleanups: (() => Promise<void> | void)[] = []
const cores = new Set<Core>()
async function shut(core: Core): Promise<void> {
  if (cores.delete(core)) await core.close()
}
afterEach(async () => {
  for (const core of [...cores]) await shut(core)
  for (const c of cleanups.splice(0).reverse()) await c()
})

function dataDir(): string {
  const d = tempDir('attack22-')
  cleanups.push(d.cleanup)
  return d.path
}

async function open(dir: string, environment?: 'homologacao', endpoints: Record<string, string> = {}): Promise<Core> {
  const core = await createCore({ dataDir: dir, host: 'cli', log: silentLogger, endpoints, environment })
  cores.add(core)
  return core
}

const cli = (dir: string, args: string[]) => runBuiltCli(['--data-dir', dir, ...args], { env: envWithoutSessionBus() })

const jobOf = async (core: Core, jobId: number) =>
  (await invokeOrThrow(core, 'batch:jobs', {})).find((j) => j.id === jobId)
const decided = (core: Core, jobId: number) =>
  vi.waitFor(async () => expect((await jobOf(core, jobId))?.decided).toBeTruthy(), { timeout: 20_000, interval: 25 })

async function screen(
  core: Core,
  csv: string,
  o: { name?: string; checks?: ('alerts' | 'score')[]; mapping?: Record<string, number>; wait?: boolean } = {},
): Promise<number> {
  const name = o.name ?? 'lista.csv'
  const { uploadId } = await invokeOrThrow(core, 'batch:upload-begin', { name })
  await invokeOrThrow(core, 'batch:upload-chunk', {
    uploadId,
    offset: 0,
    dataBase64: Buffer.from(csv).toString('base64'),
  })
  await invokeOrThrow(core, 'batch:upload-end', { uploadId, name })
  const plan = await invokeOrThrow(core, 'batch:plan', {
    uploadId,
    ...(o.name ? { name: o.name } : {}),
    checks: o.checks ?? ['score'],
    mapping: o.mapping ?? { name: 0, cpf: 1 },
  })
  const jobId = plan.job.id
  if (o.wait === false) return jobId
  await invokeOrThrow(core, 'batch:start', { jobId, rate: { claro: 500 } })
  await decided(core, jobId)
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

const refused = (code: string) => ({ ok: false, error: { code } })

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

  it('terminal escapes in a name column and in a batch file name never reach `cases list` / `cases show`', async () => {
    // Found by the attack, now fixed: batch:plan `name` (and `screen`'s file name) keeps control characters; `cases show` prints them raw in
    // the evidence heading "Lote nº 1 (lista<ESC>[2J…)". (The name column is neutralised: `cases list` is clean.)
    const dir = dataDir()
    const core = await open(dir)
    const csv = `Nome;CPF\r\n"Ana${ESC}[31mRED\u009b2J";111.444.777-35\r\n`
    await screen(core, csv, { name: `lista${ESC}[2J${ESC}]0;pwned\u0007.csv` })
    await shut(core)
    const controls = (text: string) => [...text].filter((ch) => ch !== '\n' && /\p{Cc}/u.test(ch))
    const listed = await cli(dir, ['cases', 'list'])
    expect(listed.stdout).toContain('Ana [31mRED 2J')
    expect(controls(listed.stdout)).toEqual([])
    const shown = await cli(dir, ['cases', 'show', '1'])
    expect(shown.code, shown.stderr).toBe(0)
    expect(controls(shown.stdout)).toEqual([])
  })

  it('notes refuse escape sequences, are bounded, and reasons/notes with escapes never reach a record', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const id = await openCase(core)
    const escaped = await core.router.invoke('cases:note', { id, note: `ok ${ESC}[2K fake` })
    expect(escaped).toMatchObject(refused('invalid_request'))
    const long = { id, verdict: 'aprovar', reason: 'outro', note: 'x'.repeat(100_000) } as const
    expect(await core.router.invoke('cases:decide', long)).toMatchObject(refused('invalid_request'))
    const policy = stricter(DEFAULT_POLICY)
    expect(await core.router.invoke('policy:set', { policy, reason: `mudou${ESC}[31m` })).toMatchObject({ ok: false })
    await shut(core)
    const r = await cli(dir, [...`cases decide ${id} --verdict aprovar --reason outro --note`.split(' '), `a${ESC}b`])
    expect(r.code).toBe(2)
    expect(r.stderr + r.stdout).not.toContain(ESC)
    expect(JSON.parse((await cli(dir, ['--json', 'cases', 'show', String(id)])).stdout).status).toBe('open')
  })

  it('a lone carriage return in a note cannot overwrite what `cases show` prints', async () => {
    // Found by the attack, now fixed: CaseNoteSchema lets a bare "\r" through; the terminal output can be spoofed (line overwritten).
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
    const b = await openCase(core, '111.444.777-35', '(11) 99999-0404')
    expect(b).not.toBe(0)
    expect(b).not.toBe(a)
    expect((await invokeOrThrow(core, 'cases:list', {})).total).toBe(2)
    await invokeOrThrow(core, 'privacy:erase', { kind: 'phone', value: '11999990404', confirm: true })
    expect((await invokeOrThrow(core, 'cases:list', { status: 'all' })).total).toBe(0)
  })
})

describe('Casos: records, erasure, environments, races', () => {
  it('an erasure leaves nothing of the person in a dossier whose note spans lines', async () => {
    // Found by the attack, now fixed: the dossier is erased line by line; a note with "\n" splits the HTML and its other lines survive the erasure.
    const dir = dataDir()
    let core = await open(dir)
    const id = await openCase(core)
    const note = 'Ligou de outro número.\nMora na Rua das Flores 12; a filha Joana Prado atendeu.'
    await invokeOrThrow(core, 'cases:decide', { id, verdict: 'recusar', reason: 'fraude_confirmada', note })
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
    // Found by the attack, now fixed: cases:get / cases:decide / cases:note look a case up by id only; `--env homologacao` reads and decides sandbox cases.
    const dir = dataDir()
    const sandbox = await open(dir)
    const id = await openCase(sandbox)
    await shut(sandbox)
    const homolog = await open(dir, 'homologacao')
    expect((await invokeOrThrow(homolog, 'cases:list', { status: 'all' })).total).toBe(0)
    expect(await homolog.router.invoke('cases:get', { id })).toMatchObject(refused('cases.not_found'))
    const decided = await homolog.router.invoke('cases:decide', { id, verdict: 'aprovar', reason: 'falso_positivo' })
    expect(decided).toMatchObject(refused('cases.not_found'))
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
    expect(await core.router.invoke('cases:get', { id: id + 1 })).toMatchObject(refused('cases.not_found'))
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN])
      expect((await core.router.invoke('cases:get', { id: bad })).ok).toBe(false)
    expect((await core.router.invoke('cases:list', { rule: "x' OR 1=1 --" })).ok).toBe(false)
    expect(await invokeOrThrow(core, 'cases:find', { cpf: "' OR '1'='1", phone: "1' OR 1=1--" })).toEqual({ id: null })
    expect(await invokeOrThrow(core, 'cases:find', { jobId: -1, rowNo: -1 })).toEqual({ id: null })
    await shut(core)
    for (const arg of ['-5', '99999999999999999999', 'abc']) {
      const r = await cli(dir, ['cases', 'show', '--', arg])
      expect([arg, r.code]).toEqual([arg, 2])
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })
})

it('a CLI case id is a plain decimal number: "0x1", "1e0", "0b1" are not case 1', async () => {
  // Found by the attack, now fixed: caseId() uses Number(): `cases show 0x1` (or 1e0, 0b1, " 1 ") silently reads case 1.
  const dir = dataDir()
  const core = await open(dir)
  await openCase(core)
  await shut(core)
  for (const arg of ['0x1', '1e0', '0b1'])
    expect([arg, (await cli(dir, ['cases', 'show', arg])).code]).toEqual([arg, 2])
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
    const jobId = await screen(core, PEOPLE, {
      checks: ['alerts', 'score'],
      mapping: { name: 0, cpf: 1, phone: 2 },
      wait: false,
    })
    await invokeOrThrow(core, 'batch:start', { jobId, concurrency: 1, rate: { claro: 2 } })
    await vi.waitFor(
      async () => expect((await invokeOrThrow(core, 'batch:stats', { jobId })).verdicts['pendente']).toBeLessThan(11),
      { timeout: 15_000, interval: 50 },
    )
    const rows = await exportCsv(core, jobId)
    const [head = [], ...body] = rows
    const at = (name: string) => head.indexOf(name)
    expect(body).toHaveLength(12)
    expect(body.some((r) => r[at('Veredito')] === 'Pendente')).toBe(true) // the export really caught the job running
    for (const r of body) {
      expect(r).toHaveLength(head.length)
      const answered = r[at('Alerta: situação')] !== '' && r[at('Score Claro: situação')] !== ''
      if (!answered) expect([r[0], r[at('Veredito')]]).toEqual([r[0], 'Pendente'])
      expect(r[at('Política')]).toContain('provisória')
    }
    expect((await invokeOrThrow(core, 'cases:list', { status: 'all' })).total).toBe(0)
    const adopt = await core.router.invoke('batch:adopt', { jobId, policy: stricter(DEFAULT_POLICY), reason: 'teste' })
    expect(adopt).toMatchObject(refused('batch.not_finished'))
    await invokeOrThrow(core, 'batch:control', { jobId, action: 'cancel' })
    await vi.waitFor(async () => expect((await jobOf(core, jobId))?.decided).toBeTruthy(), { timeout: 10_000 })
    // Only rows that answered "revisar" have cases; rows cut by the cancel stay Pendente.
    const after = await exportCsv(core, jobId)
    const revisar = after.slice(1).filter((r) => r[head.indexOf('Veredito')] === 'Revisar').length
    expect((await invokeOrThrow(core, 'cases:list', { status: 'all' })).total).toBeLessThanOrEqual(revisar)
  })

  it('policy:set never changes a finished job; adopting the same policy twice leaves one adoption', async () => {
    // Found by the attack, now fixed: adopting the policy that already decides the job adds another decision set and policy-log line.
    const dir = dataDir()
    const core = await open(dir)
    const csv = ['Nome;CPF', 'Ana;529.982.247-25', 'Bia;111.444.777-35', 'Duda;123.456.789-09'].join('\r\n')
    const jobId = await screen(core, csv)
    const before = await exportCsv(core, jobId)
    await invokeOrThrow(core, 'policy:set', { policy: stricter(DEFAULT_POLICY), reason: 'mais restrita' })
    expect(await exportCsv(core, jobId)).toEqual(before)
    expect(await invokeOrThrow(core, 'batch:decisions', { jobId })).toHaveLength(1)
    const policy = stricter(DEFAULT_POLICY)
    await invokeOrThrow(core, 'batch:adopt', { jobId, policy, reason: 'adotar para o lote' })
    await core.router.invoke('batch:adopt', { jobId, policy, reason: 'de novo' })
    // Refused or a no-op: either way, no third decision set and no second adoption line for nothing changed.
    expect(await invokeOrThrow(core, 'batch:decisions', { jobId })).toHaveLength(2)
    expect((await invokeOrThrow(core, 'policy:log', {})).filter((e) => e.kind === 'job')).toHaveLength(1)
  })

  it('what-if and adopt after an LGPD erasure of some rows: counts add up, the erased person never comes back', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const csv = 'Nome;CPF\nAna;529.982.247-25\nBia;111.444.777-35\nBia2;111.444.777-35\nDuda;123.456.789-09'
    const jobId = await screen(core, csv)
    await invokeOrThrow(core, 'privacy:erase', { kind: 'cpf', value: '111.444.777-35', confirm: true })
    const whatif = await invokeOrThrow(core, 'batch:whatif', { jobId, policy: stricter(DEFAULT_POLICY), limit: 10 })
    expect(Object.values(whatif.before).reduce((a, b) => a + b, 0)).toBe(2)
    const adopted = await invokeOrThrow(core, 'batch:adopt', {
      jobId,
      policy: stricter(DEFAULT_POLICY),
      reason: 'depois do apagamento',
    })
    const stats = await invokeOrThrow(core, 'batch:stats', { jobId })
    expect(Object.values(stats.verdicts).reduce((a, b) => a + b, 0)).toBe(2)
    expect(adopted.job.decided?.counts).toMatchObject(stats.verdicts)
    const rows = await exportCsv(core, jobId)
    expect(JSON.stringify(rows)).not.toMatch(/111\.444\.777-35|Bia/)
    expect((await invokeOrThrow(core, 'cases:list', { status: 'all' })).rows.map((c) => c.person.cpf)).not.toContain(
      '11144477735',
    )
  })
})

describe('exports, configuration errors, Data Trust reuse', () => {
  it('rows thousands of fields wide, formula cells, leading newlines and a cut last record line up in CSV and XLSX', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const wide = Array.from({ length: 6000 }, (_, i) => `f${i}`).join(';')
    const csv = [
      'Nome;CPF;=HYPERLINK("http://x")',
      `=1+1;529.982.247-25;${wide}`,
      '"\n=2+2";111.444.777-35',
      `"@SUM(A1)";123.456.789-09;"${'y'.repeat(9000)}";"a""b;c\nd"`,
      '"Cut;529.982.247-25;"never closed',
    ].join('\n')
    const jobId = await screen(core, csv)
    const rows = await exportCsv(core, jobId)
    const [head = [], ...body] = rows
    expect(body).toHaveLength(4)
    for (const r of body) expect(r).toHaveLength(head.length)
    expect(head[2]).toBe(`'=HYPERLINK("http://x")`)
    expect(body[0]?.[0]).toBe("'=1+1")
    expect(body.map((r) => r[head.indexOf('Veredito')])).toEqual(expect.arrayContaining(['Revisar']))
    for (const r of body) expect(['Aprovar', 'Revisar', 'Recusar']).toContain(r[head.indexOf('Veredito')])
    const out = await invokeOrThrow(core, 'batch:export', { jobId, format: 'xlsx' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out.saved ? out.path : '')
    const sheet = book.worksheets[0]
    const width = sheet?.getRow(1).cellCount ?? 0
    expect(width).toBe(head.length)
    sheet?.eachRow((row) => {
      expect(row.cellCount).toBeLessThanOrEqual(width)
      row.eachCell((c) => {
        expect(typeof c.value === 'object' && c.value !== null && 'formula' in c.value).toBe(false)
        expect(c.text.length).toBeLessThanOrEqual(32_767)
      })
    })
    expect(sheet?.getRow(2).getCell(width - head.length + head.indexOf('Veredito') + 1).text).toMatch(
      /Aprovar|Revisar|Recusar/,
    )
  })

  it('a CRLF line wider than 5000 fields does not swallow the next customer', async () => {
    // Found by the attack, now fixed: columnGuard drops the "\r" of a cut CRLF line; csv-parse then glues the next record onto it — the row vanishes.
    const core = await open(dataDir())
    const wide = Array.from({ length: 6000 }, (_, i) => `f${i}`).join(';')
    const csv = ['Nome;CPF;X', `Ana;529.982.247-25;${wide}`, 'Bia;111.444.777-35;b', 'Duda;123.456.789-09;d'].join(
      '\r\n',
    )
    const jobId = await screen(core, csv)
    const rows = await exportCsv(core, jobId)
    // Observed: Ana's "Campos excedentes" ends "…;\u0001colunas-cortadas\nBia;111.444.777-35;b" (marker leaks too).
    expect(JSON.stringify(rows)).not.toContain('\\u0001')
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Ana', 'Bia', 'Duda'])
    expect((await jobOf(core, jobId))?.totalRows ?? 0).toBe(3)
  })

  it('a 404 / refused credential at the Claro token endpoint fails Cliente with a configuration sentence, not "não encontrado"', async () => {
    const dir = dataDir()
    let status = 404
    const wire = await startWireServer((req) =>
      req.path === CLARO_PATHS.token ? { status } : { status: 200, body: '{}' },
    )
    cleanups.push(wire.close)
    const core = await open(dir, undefined, { claro: wire.url })
    const person = { cpf: '529.982.247-25', phone: '(11) 99999-0003', checks: ['alerts' as const, 'score' as const] }
    for (const { code, words } of [
      { code: 404, words: 'Configurações' },
      { code: 401, words: 'Credenciais' },
    ]) {
      status = code
      const r = await invokeOrThrow(core, 'customer:check', person)
      expect(r.alerts.status).toBe('error')
      const message = r.alerts.status === 'error' ? r.alerts.error.message : ''
      expect(message).toContain(words)
      expect(r.decision.reasons.map((x) => x.rule)).toEqual(['failed', 'failed'])
      for (const x of r.decision.reasons) expect(x.text).toMatch(new RegExp(`${words}\\.$`))
      expect(JSON.stringify(r.decision)).not.toMatch(/não encontrou o cliente|não tem este cliente|Não encontrado:/i)
      const c = await invokeOrThrow(core, 'cases:get', { id: r.caseId ?? 0 })
      expect(c.machine.reasons.map((x) => x.rule)).not.toContain('not_found')
    }
  })

  it('Data Trust reuse: the same person retyped is reused; another phone or e-mail, or newTransaction, is a new send', async () => {
    const dir = dataDir()
    const core = await open(dir)
    const sends = async () =>
      (await invokeOrThrow(core, 'sandbox:stats', {}))['clearsale']?.['POST /products/v1/datatrust'] ?? 0
    const check = (p: { cpf: string; phone?: string; email?: string; newTransaction?: boolean }) =>
      invokeOrThrow(core, 'customer:check', { ...p, checks: ['datatrust'] })
    await check({ cpf: '529.982.247-25', phone: '(11) 99999-0003', email: 'ana@exemplo.com.br' })
    expect(await sends()).toBe(1)
    const again = await check({ cpf: '52998224725', phone: '+55 11 99999-0003', email: 'ana@exemplo.com.br' })
    expect(again.dataTrust.status === 'ok' && again.dataTrust.result.reused).toBeTruthy()
    expect(await sends()).toBe(1)
    const otherPhone = await check({ cpf: '529.982.247-25', phone: '(11) 99999-0404', email: 'ana@exemplo.com.br' })
    expect(otherPhone.dataTrust.status === 'ok' && otherPhone.dataTrust.result.reused).toBeFalsy()
    expect(await sends()).toBe(2)
    await check({ cpf: '529.982.247-25', phone: '(11) 99999-0003', email: 'outra@exemplo.com.br' })
    expect(await sends()).toBe(3)
    await check({ cpf: '529.982.247-25', phone: '(11) 99999-0003', email: 'ana@exemplo.com.br', newTransaction: true })
    expect(await sends()).toBe(4)
  })
})
