import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { requireBuiltCli } from '../helpers/cli-harness'
import { runBuiltCli } from '../helpers/cli'
import { DEFAULT_RUN_OPTIONS } from '../../src-main/services/batch/runner'
import { exportJob, prepareJob, runJob } from '../../src-main/services/batch/service'
import { createTranslator } from '../../src-shared/i18n'
import { invokeOrThrow } from '../../src-main/cli/invoke'

/*
 * Issue #12: one table of customers through three surfaces — Cliente's handler, the batch path (import, run,
 * export) and the built CLI — must give the same verdict and the same reasons, word for word.
 */

interface Case {
  name: string
  cpf: string
  phone: string
  verdict: 'aprovar' | 'revisar' | 'recusar' | 'input_error'
  codes: string[]
}

const CASES: Case[] = [
  { name: 'clean customer', cpf: '529.982.247-25', phone: '(11) 99999-0003', verdict: 'aprovar', codes: [] },
  {
    name: 'SIM swap yesterday, low scores, Alerta insight',
    cpf: '111.444.777-35',
    phone: '(11) 99999-0001',
    verdict: 'recusar',
    codes: ['takeover_recent', 'line_change_recent', 'claro_score_low', 'datatrust_score_low', 'insight_alert'],
  },
  {
    name: 'unknown line',
    cpf: '529.982.247-25',
    phone: '(11) 99999-0404',
    verdict: 'revisar',
    codes: ['alerts.not_found:claro.not_found'],
  },
  {
    name: 'empty phone while Alerta is asked',
    cpf: '529.982.247-25',
    phone: '',
    verdict: 'revisar',
    codes: ['alerts.not_run:invalid_msisdn.empty'],
  },
  {
    name: 'Alerta provider failure',
    cpf: '529.982.247-25',
    phone: '(11) 99999-0500',
    verdict: 'revisar',
    codes: ['alerts.failed:claro.server_error'],
  },
  {
    name: 'Score answers without a score',
    cpf: '555.666.777-20',
    phone: '(11) 99999-0003',
    verdict: 'revisar',
    codes: ['score.failed:claro.unexpected_answer', 'datatrust_score_low'],
  },
  {
    name: 'invalid CPF check digits',
    cpf: '529.982.247-26',
    phone: '(11) 99999-0003',
    verdict: 'input_error',
    codes: ['score.not_run:invalid_cpf.check_digits', 'datatrust.not_run:invalid_cpf.check_digits'],
  },
]

const pt = createTranslator('pt-BR')

describe('one decision on every surface', () => {
  const h = coreWithPrivateKeychain({ host: 'cli' })
  requireBuiltCli()

  it(
    'Cliente, Lote and the CLI give the same verdict and reasons for the same customers',
    { timeout: 120_000 },
    async () => {
      const ctx = h.core.context
      // The batch path: the table as one CSV, screened with the three checks, exported in words.
      const input = join(h.dataDir, 'tabela.csv')
      writeFileSync(input, ['Nome;CPF;Celular', ...CASES.map((c) => `${c.name};${c.cpf};${c.phone}`)].join('\r\n'))
      const job = await prepareJob(ctx, { inputPath: input, checks: ['alerts', 'score', 'datatrust'] })
      // Two tries at most keep the failure persona quick; retries do not change what a failure means.
      // Recorded when it finishes, as the app and the CLI do (issue #22).
      const conclude = (j: typeof job): void =>
        void h.core.modules.decisions.conclude(j, ctx.settings.get().policy, 'teste')
      const options = { ...structuredClone(DEFAULT_RUN_OPTIONS), maxAttempts: 2 }
      expect(await runJob(ctx, job, options, undefined, conclude).done).toBe('done')
      const out = join(h.dataDir, 'tabela.out.csv')
      await exportJob(ctx, job, out, { policy: ctx.settings.get().policy, columns: 'words', delimiter: ';' })
      const rows = parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<
        string,
        string
      >[]
      expect(rows).toHaveLength(CASES.length)

      for (const [i, c] of CASES.entries()) {
        const row = rows[i] ?? {}
        const batch = {
          verdict: row['Veredito'],
          codes: row['motivos_codigos'] ? row['motivos_codigos'].split(' | ') : [],
          texts: row['Motivos'] ? row['Motivos'].split(' | ') : [],
        }
        expect(batch.codes, `${c.name}: batch codes`).toEqual(c.codes)
        const payload = { cpf: c.cpf, ...(c.phone ? { phone: c.phone } : {}) }
        const cli = await runBuiltCli(
          [
            '--data-dir',
            h.dataDir,
            '--json',
            'customer',
            '--cpf',
            c.cpf,
            ...(c.phone ? ['--phone', c.phone] : []),
            '--checks',
            'alerts,score,datatrust',
          ],
          { env: h.keyring.env },
        )
        if (c.verdict === 'input_error') {
          // Cliente and the CLI refuse a CPF that cannot be right before any call; the batch keeps the row, never approved.
          expect(await h.core.router.invoke('customer:check', payload)).toMatchObject({
            ok: false,
            error: { code: 'invalid_cpf.check_digits' },
          })
          expect(cli.code, cli.stderr).toBe(2)
          expect(batch.verdict).toBe(pt('verdict.values.revisar'))
          expect(batch.texts).toContain('Score Claro não consultado: CPF com dígito verificador inválido.')
          continue
        }
        const d = (await invokeOrThrow(h.core, 'customer:check', payload)).decision
        expect(d.verdict, `${c.name}: Cliente`).toBe(c.verdict)
        expect(
          d.reasons.map((r) => r.code),
          `${c.name}: Cliente codes`,
        ).toEqual(c.codes)
        expect(batch.verdict, `${c.name}: Lote`).toBe(pt(`verdict.values.${c.verdict}`))
        expect(batch.texts, `${c.name}: Lote sentences`).toEqual(d.reasons.map((r) => r.text))
        expect(cli.code, cli.stderr).toBe(0)
        const json = JSON.parse(cli.stdout) as {
          verdict: string
          reasons: { code: string; text: string }[]
          policy: { version: number; hash: string }
        }
        expect(json.verdict, `${c.name}: CLI`).toBe(c.verdict)
        expect(json.reasons, `${c.name}: CLI reasons`).toEqual(d.reasons.map((r) => ({ code: r.code, text: r.text })))
        expect(json.policy).toEqual(d.policy)
        expect(row['Política']).toBe(`v${d.policy.version} · ${d.policy.hash.slice(0, 8)}`)
      }
    },
  )
})
