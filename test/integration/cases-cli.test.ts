import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'

/*
 * Issue #22 through the built CLI: `cases list|show|decide` over the same channels as Casos, the dossier as a file
 * (`cases show --html`) that an erasure reaches, and `customer` naming the case it opened.
 */
describe('sentinela cases', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()

  it('lists, shows (as text and as a printable dossier) and decides a case; the dossier file is personal data', async () => {
    // An unknown line: Claro does not know the number → revisar, a case.
    const checked = await h.cli([
      'customer',
      '--cpf',
      '529.982.247-25',
      '--phone',
      '(11) 99999-0404',
      '--checks',
      'alerts',
    ])
    expect(checked.code, checked.stderr).toBe(0)
    const caseId = (JSON.parse(checked.stdout) as { case: number | null }).case
    expect(caseId).toEqual(expect.any(Number))

    const listed = await h.cli(['--json', 'cases', 'list'])
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { id: caseId, status: 'open', origin: 'cliente', machine: { verdict: 'revisar' } },
    ])
    const words = await h.cli(['cases', 'list'])
    expect(words.stdout).toContain(
      `Caso nº ${caseId} · aberto hoje · Cliente · (11) 99999-0404 · 529.982.247-25 · Revisar`,
    )

    const html = join(h.dataDir, 'fora', 'dossie.html')
    const shown = await h.cli(['cases', 'show', String(caseId), '--html', html])
    expect(shown.code, shown.stderr).toBe(0)
    expect(shown.stdout).toContain(`Dossiê do caso nº ${caseId}`)
    expect(shown.stdout).toContain('Claro Alerta: Não encontrado: a Claro não tem este cliente na base (404)')
    expect(shown.stdout).toMatch(/Política versão 1 — sha256 [0-9a-f]{64}/)
    const doc = readFileSync(html, 'utf8')
    expect(doc).toMatch(/^<!doctype html><html lang="pt-BR">/)
    expect(doc).not.toMatch(/<script|style="/)
    expect(doc).toContain('529.982.247-25')

    expect(
      await h.cli(['cases', 'decide', String(caseId), '--verdict', 'aprovar', '--reason', 'sem_contato']),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('"Cliente confirmado por contato"') })
    const decided = await h.cli([
      'cases',
      'decide',
      String(caseId),
      '--verdict',
      'recusar',
      '--reason',
      'Identidade não confirmada',
      '--note',
      'não atendeu <script>',
    ])
    expect(decided.code, decided.stderr).toBe(0)
    expect(decided.stdout).toContain('Decisão do analista: Recusar')
    const again = await h.cli(['cases', 'decide', String(caseId), '--verdict', 'aprovar', '--reason', 'falso_positivo'])
    expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining('já foi decidido') })
    const detail = JSON.parse((await h.cli(['--json', 'cases', 'show', String(caseId)])).stdout) as {
      decision: { verdict: string; reason: string; who: string }
      events: { kind: string; note: string | null }[]
    }
    expect(detail.decision).toMatchObject({ verdict: 'recusar', reason: 'identidade_nao_confirmada' })
    expect(detail.events.map((e) => e.kind)).toEqual(['evidence', 'decided'])
    // The analyst's note is escaped in the dossier, never markup.
    await h.cli(['cases', 'show', String(caseId), '--html', html])
    expect(readFileSync(html, 'utf8')).toContain('não atendeu &lt;script&gt;')

    // The dossier is about the person: the report finds it, the erasure empties it.
    const report = JSON.parse((await h.cli(['--json', 'privacy', 'report', '--cpf', '529.982.247-25'])).stdout) as {
      records: { place: string }[]
      files: { path: string }[]
    }
    expect(report.records.map((r) => r.place)).toContain('cases')
    expect(report.files.map((f) => f.path)).toContain(html)
    expect((await h.cli(['privacy', 'erase', '--cpf', '529.982.247-25', '--yes'])).code).toBe(0)
    expect(readFileSync(html, 'utf8')).not.toContain('529.982.247-25')
    expect(JSON.parse((await h.cli(['--json', 'cases', 'list', '--all'])).stdout)).toEqual([])
  })
})
