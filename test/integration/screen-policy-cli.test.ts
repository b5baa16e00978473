import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'
import { createClaroSandbox } from '../../src-main/providers/claro/sandbox'
import { createClearSaleSandbox } from '../../src-main/providers/clearsale/sandbox'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { SandboxKnobsSchema } from '../../src-shared/domain/settings'
import { DEFAULT_POLICY } from '../../src-shared/domain/policy'

/* Issue #12 through `sentinela screen`: fail-closed verdicts in words, Excel-ready formats, codes for scripts, what-if. */

const LIST = [
  'Nome;CPF;Celular',
  'Limpa;529.982.247-25;(11) 99999-0003',
  'CPF errado;529.982.247-26;(11) 99999-0003',
  'CPF repetido;111.111.111-11;(11) 99999-0003',
  'Linha desconhecida;529.982.247-25;(11) 99999-0404',
  'CPF desconhecido;987.654.321-00;(11) 99999-0003',
  'Sem celular;529.982.247-25;',
  'Portabilidade;529.982.247-25;+55 11 99999-0002',
].join('\r\n')

describe('sentinela screen: one policy, words and formats', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()
  let claro: SandboxServer
  let clearsale: SandboxServer
  beforeEach(async () => {
    claro = await startSandboxServer(createClaroSandbox(), () => SandboxKnobsSchema.parse({}))
    clearsale = await startSandboxServer(createClearSaleSandbox(), () => SandboxKnobsSchema.parse({}))
  })
  afterEach(async () => {
    await claro.close()
    await clearsale.close()
  })
  const endpoints = (): string[] => ['--endpoint', `claro=${claro.url}`, '--endpoint', `clearsale=${clearsale.url}`]
  const calls = (): number =>
    Object.entries({ ...claro.stats(), ...clearsale.stats() })
      .filter(([k]) => k.startsWith('POST'))
      .reduce((n, [, v]) => n + v, 0)
  const read = (path: string, delimiter: string): Record<string, string>[] =>
    parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { delimiter, columns: true }) as Record<string, string>[]

  it('approves only the clean row; every other row says in words which check did not answer and why', async () => {
    const input = join(h.dataDir, 'lista.csv')
    writeFileSync(input, LIST)
    const out = join(h.dataDir, 'saida.csv')
    const run = await h.cli([
      ...endpoints(),
      '--json',
      'screen',
      input,
      '--checks',
      'alerts,score,datatrust',
      '--out',
      out,
    ])
    expect(run.code, run.stderr).toBe(0)
    const summary = JSON.parse(run.stdout) as {
      job: number
      verdicts: Record<string, number>
      policy: { version: number; hash: string }
    }
    expect(summary.verdicts).toEqual({ aprovar: 1, revisar: 5, recusar: 1, pendente: 0 })
    const rows = read(out, ';')
    expect(rows.map((r) => r['Veredito'])).toEqual([
      'Aprovar',
      'Revisar',
      'Revisar',
      'Revisar',
      'Revisar',
      'Revisar',
      'Recusar',
    ])
    expect(rows[0]?.['Motivos']).toBe('')
    expect(rows[1]?.['Motivos']).toContain('Score Claro não consultado: CPF com dígito verificador inválido.')
    expect(rows[1]?.['Motivos']).toContain('Data Trust não consultado: CPF com dígito verificador inválido.')
    expect(rows[2]?.['Motivos']).toContain('Score Claro não consultado: CPF com todos os dígitos iguais.')
    expect(rows[3]?.['Motivos']).toBe(
      'Claro Alerta não encontrou o cliente: a Claro não tem este cliente na base (404).',
    )
    expect(rows[4]?.['Motivos']).toContain(
      'Score Claro não encontrou o cliente: a Claro não tem este cliente na base (404).',
    )
    expect(rows[5]?.['Motivos']).toBe('Claro Alerta não consultado: falta o celular.')
    expect(rows[6]?.['Motivos']).toBe('Pedido de portabilidade há 2 dias — dentro da janela de 7 dias.')
    expect(rows[1]?.['motivos_codigos']).toBe(
      'score.not_run:invalid_cpf.check_digits | datatrust.not_run:invalid_cpf.check_digits',
    )
    expect(rows[1]?.['Score Claro: situação']).toBe('Não consultado: CPF com dígito verificador inválido')
    // pt-BR Excel: Brazilian identifiers, decimal comma, dd/mm/aaaa hh:mm, and no stray apostrophe on a phone.
    expect(rows[0]).toMatchObject({
      'CPF consultado': '529.982.247-25',
      'Celular consultado': '(11) 99999-0003',
      'Score Claro': '870',
      'Score Data Trust': '91,5',
    })
    expect(rows[6]?.['Celular']).toBe('+55 11 99999-0002')
    expect(rows[6]?.['Último evento (Alerta)']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
    expect(rows[6]?.['Alerta: eventos']).toBe('Pedido de portabilidade')
    expect(rows[0]?.['Política']).toBe(`v1 · ${summary.policy.hash.slice(0, 8)}`)

    // The same job in English, as a `,` CSV (ISO dates with offset, decimal point) and with the machine keys.
    const en = join(h.dataDir, 'out-en.csv')
    const again = await h.cli([
      ...endpoints(),
      '--lang',
      'en',
      'screen',
      input,
      '--checks',
      'alerts,score,datatrust',
      '--out',
      en,
      '--delimiter',
      ',',
    ])
    expect(again.code, again.stderr).toBe(0)
    const enRows = read(en, ',')
    expect(enRows[1]?.['Verdict']).toBe('Review')
    expect(enRows[1]?.['Reasons']).toContain('Claro Score not run: the CPF check digits do not match.')
    expect(enRows[0]?.['Data Trust score']).toBe('91.5')
    expect(enRows[6]?.['Latest event (Alerta)']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-03:00$/)
    const codes = join(h.dataDir, 'out-codes.csv')
    expect(
      (
        await h.cli([
          ...endpoints(),
          'screen',
          input,
          '--checks',
          'alerts,score,datatrust',
          '--out',
          codes,
          '--columns',
          'codes',
        ])
      ).code,
    ).toBe(0)
    const codeRows = read(codes, ';')
    expect(Object.keys(codeRows[0] ?? {})).toEqual([
      'Nome',
      'CPF',
      'Celular',
      'alerta_status',
      'alerta_eventos',
      'alerta_ultimo_evento',
      'score_status',
      'score',
      'datatrust_status',
      'datatrust_score',
      'datatrust_insights',
      'veredito',
      'veredito_motivos',
      'linha_problema',
      'politica',
      'decisao_analista',
      'decidido_por',
      'decidido_em',
    ])
    expect(codeRows.map((r) => r['veredito'])).toEqual([
      'aprovar',
      'revisar',
      'revisar',
      'revisar',
      'revisar',
      'revisar',
      'recusar',
    ])
    expect(codeRows[3]?.['alerta_status']).toBe('not_found:claro.not_found')

    // XLSX: real numbers and dates with formats, identifiers as text.
    const xlsx = join(h.dataDir, 'saida.xlsx')
    expect(
      (await h.cli([...endpoints(), 'screen', input, '--checks', 'alerts,score,datatrust', '--out', xlsx])).code,
    ).toBe(0)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsx)
    const sheet = book.getWorksheet('Sentinela')
    const header = (sheet?.getRow(1).values as unknown[]).slice(1)
    const col = (name: string): number => header.indexOf(name) + 1
    expect(sheet?.getRow(2).getCell(col('CPF')).value).toBe('529.982.247-25')
    expect(sheet?.getRow(2).getCell(col('Score Claro')).value).toBe(870)
    expect(sheet?.getRow(2).getCell(col('Score Data Trust'))).toMatchObject({ value: 91.5, numFmt: '0.0#' })
    expect(sheet?.getRow(8).getCell(col('Último evento (Alerta)')).value).toBeInstanceOf(Date)
    expect(sheet?.getRow(8).getCell(col('Último evento (Alerta)')).numFmt).toBe('dd/mm/yyyy hh:mm')

    // What-if from the command line: a stricter score rule turns the clean row into a review, with no provider call.
    const strict = join(h.dataDir, 'politica.json')
    writeFileSync(
      strict,
      JSON.stringify({
        ...DEFAULT_POLICY,
        rules: { ...DEFAULT_POLICY.rules, claro_score_low: { enabled: true, action: 'revisar', below: 900 } },
      }),
    )
    const before = calls()
    const rescore = await h.cli([
      ...endpoints(),
      '--json',
      'screen',
      '--rescore',
      String(summary.job),
      '--policy',
      strict,
    ])
    expect(rescore.code, rescore.stderr).toBe(0)
    expect(JSON.parse(rescore.stdout)).toMatchObject({
      changed: 1,
      before: { aprovar: 1, revisar: 5, recusar: 1 },
      after: { aprovar: 0, revisar: 6, recusar: 1 },
      rows: [{ rowNo: 1, before: 'aprovar', after: 'revisar', reasons: ['claro_score_low'] }],
    })
    expect(calls()).toBe(before)
  })

  it('policy show prints the document --policy takes; policy check names every problem in words (exit 2)', async () => {
    const show = await h.cli(['policy', 'show'])
    expect(show.code).toBe(0)
    const shown = JSON.parse(show.stdout) as typeof DEFAULT_POLICY
    expect(shown).toEqual(DEFAULT_POLICY)
    const good = join(h.dataDir, 'boa.json')
    writeFileSync(good, show.stdout)
    expect(JSON.parse((await h.cli(['policy', 'check', good])).stdout)).toMatchObject({
      valid: true,
      version: 1,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    const bad = join(h.dataDir, 'ruim.json')
    writeFileSync(
      bad,
      JSON.stringify({
        ...shown,
        rules: { ...shown.rules, claro_score_low: { enabled: true, action: 'revisar', below: 1200 } },
      }),
    )
    const checked = await h.cli(['policy', 'check', bad])
    expect(checked).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('rules.claro_score_low.below: no máximo 1000'),
    })
    writeFileSync(bad, '{ isto não é json')
    expect(await h.cli(['policy', 'check', bad])).toMatchObject({ code: 2 })
    // A broken policy stops a batch before any call.
    const input = join(h.dataDir, 'lista.csv')
    writeFileSync(input, LIST)
    const refused = await h.cli([
      ...endpoints(),
      'screen',
      input,
      '--checks',
      'score',
      '--out',
      join(h.dataDir, 'x.csv'),
      '--policy',
      bad,
    ])
    expect(refused.code).toBe(2)
    expect(calls()).toBe(0)
    // customer exits 0 whatever the verdict, 2 for bad input.
    expect(
      await h.cli([...endpoints(), 'customer', '--cpf', '111.444.777-35', '--phone', '11 99999-0001']),
    ).toMatchObject({ code: 0 })
    expect(await h.cli([...endpoints(), 'customer', '--cpf', '111.444.777-35', '--checks', 'score,sms'])).toMatchObject(
      { code: 2 },
    )
  })

  it('what was decided stays decided: the same screen re-exports the job as decided; --new and --adopt are explicit', async () => {
    const input = join(h.dataDir, 'lista.csv')
    writeFileSync(input, LIST)
    const out = join(h.dataDir, 'saida.csv')
    const screen = (...extra: string[]) =>
      h.cli([...endpoints(), '--json', 'screen', input, '--checks', 'score', '--out', out, ...extra])
    const first = await screen()
    expect(first.code, first.stderr).toBe(0)
    const decided = JSON.parse(first.stdout) as { job: number; verdicts: Record<string, number> }
    const exported = readFileSync(out, 'utf8')
    const strict = join(h.dataDir, 'rigida.json')
    writeFileSync(
      strict,
      JSON.stringify({
        ...DEFAULT_POLICY,
        rules: { ...DEFAULT_POLICY.rules, claro_score_low: { enabled: true, action: 'recusar', below: 900 } },
      }),
    )
    expect(await h.cli(['policy', 'set', strict])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--reason'),
    })
    expect(await h.cli(['policy', 'set', strict, '--reason', 'comitê de crédito'])).toMatchObject({ code: 0 })
    const before = calls()
    const again = await h.cli([...endpoints(), 'screen', input, '--checks', 'score', '--out', out])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).toContain(`Lote ${decided.job} já concluído: exportado como foi decidido`)
    expect(readFileSync(out, 'utf8')).toBe(exported)
    expect(calls()).toBe(before)
    const fresh = await screen('--new')
    expect(fresh.code, fresh.stderr).toBe(0)
    const freshSummary = JSON.parse(fresh.stdout) as { job: number; verdicts: Record<string, number> }
    expect(freshSummary.job).not.toBe(decided.job)
    expect(freshSummary.verdicts['recusar']).toBeGreaterThan(decided.verdicts['recusar'] ?? 0)
    expect(await h.cli(['screen', '--rescore', String(decided.job), '--policy', strict, '--adopt'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--reason'),
    })
    const adopted = await h.cli([
      '--json',
      'screen',
      '--rescore',
      String(decided.job),
      '--policy',
      strict,
      '--adopt',
      '--reason',
      'comitê de crédito',
    ])
    expect(adopted.code, adopted.stderr).toBe(0)
    expect(JSON.parse(adopted.stdout)).toMatchObject({ adopted: { set: 2, changed: expect.any(Number) } })
    const log = JSON.parse((await h.cli(['--json', 'policy', 'log'])).stdout) as { kind: string; reason: string }[]
    expect(log.map((e) => [e.kind, e.reason])).toEqual([
      ['job', 'comitê de crédito'],
      ['in_force', 'comitê de crédito'],
    ])
    const words = await h.cli(['policy', 'log'])
    expect(words.stdout).toContain('Score Claro abaixo de (0–1000): limite de 300 para 900.')
    expect(words.stdout).toContain(`adotada para o Lote nº ${decided.job}`)
  })
})
