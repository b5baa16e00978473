import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { expect, test } from './fixtures'
import { envWithoutSessionBus, runBuiltCli } from '../helpers/cli'

/*
 * Issue #22 acceptance through the browser host: a batch with three "revisar" rows opens three cases; two are decided
 * from the keyboard alone; the export shows the decisions; `cases list --json` agrees; `privacy erase` takes the
 * person's case.
 */
const csv = [
  'Nome;CPF;Celular',
  'Ana;529.982.247-25;(11) 99999-0404', // unknown line: not found → revisar
  'Bia;111.444.777-35;(11) 99999-0003', // score 180 → revisar
  'Caio;222.333.444-05;(11) 99999-0003', // Score 500 at the provider → failed → revisar
  'Duda;123.456.789-09;(11) 99999-0003', // clean → aprovar
].join('\r\n')

interface CaseJson {
  id: number
  status: string
  person: { label: string; cpf: string }
  decision: { verdict: string; reason: string } | null
}

test('three revisar rows become three cases, two decided from the keyboard, the export and the CLI agree', async ({
  app,
  served,
}) => {
  test.setTimeout(90_000)
  const cli = (...args: string[]) =>
    runBuiltCli(['--data-dir', served.dataDir, ...args], { env: envWithoutSessionBus() })
  await app.open()
  await app.goTo('Lote')
  await app.page
    .locator('#batch-file')
    .setInputFiles({ name: 'carteira.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await expect(app.page.getByTestId('batch-preview')).toContainText('Ana')
  await app.page.getByRole('button', { name: 'Planejar' }).click()
  await app.page.getByRole('button', { name: 'Iniciar' }).click()
  await expect(app.page.getByTestId('batch-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
  await expect(app.page.getByTestId('decision-info')).toContainText('decididos ao terminar')

  await app.goTo('Casos')
  const queue = app.page.getByTestId('case-queue')
  await expect(queue.getByTestId('case-row')).toHaveCount(3)
  await expect(app.page.getByTestId('cases-total')).toHaveText('3 casos')
  // Oldest first: the queue follows the file's order (Ana, Bia, Caio).
  await expect(queue.getByTestId('case-row').nth(0)).toContainText('Ana')

  // Keyboard only: the cursor on the first case, "a" opens the decision, ↓ picks the second reason, Enter confirms.
  await queue.focus()
  await app.page.keyboard.press('a')
  const reason = app.page.getByTestId('case-reason')
  await expect(reason).toBeFocused()
  await app.page.keyboard.press('ArrowDown')
  await expect(reason).toHaveValue('documentos_conferidos')
  await app.page.keyboard.press('Enter')
  await expect(app.page.getByTestId('cases-message')).toContainText('Aprovar')
  await expect(queue.getByTestId('case-row')).toHaveCount(2)
  await expect(queue).toBeFocused()
  // The cursor stays on the first row, now Bia: "r", Enter.
  await app.page.keyboard.press('j')
  await app.page.keyboard.press('k')
  await app.page.keyboard.press('r')
  await expect(app.page.getByTestId('case-reason')).toBeFocused()
  await app.page.keyboard.press('Enter')
  await expect(queue.getByTestId('case-row')).toHaveCount(1)
  await expect(queue.getByTestId('case-row').first()).toContainText('Caio')
  // Enter opens the last one; its dossier prints alone (the browser's print dialog in `serve`); Esc closes it.
  await app.page.keyboard.press('Enter')
  await expect(app.page.getByTestId('case-drawer')).toContainText('Caio')
  await expect(app.page.getByTestId('case-events')).toContainText('Score Claro falhou')
  await app.page.getByRole('button', { name: 'Dossiê para imprimir' }).click()
  const dossier = app.page.getByTestId('print-root')
  await expect(dossier).toContainText('Dossiê do caso nº 3')
  await expect(dossier).toContainText('222.333.444-05')
  await expect(dossier).toContainText(/Política versão 1 — sha256 [0-9a-f]{64}/)
  await app.page.emulateMedia({ media: 'print' })
  await expect(dossier).toBeVisible()
  await expect(app.page.getByTestId('case-drawer')).toBeHidden()
  if (process.env['SENTINELA_SHOTS'])
    await app.page.screenshot({ path: `${process.env['SENTINELA_SHOTS']}/dossie.png`, fullPage: true })
  await app.page.emulateMedia({ media: 'screen' })
  await app.page.keyboard.press('Escape')
  await expect(app.page.getByTestId('case-drawer')).toHaveCount(0)

  // The export carries the analyst's decisions.
  await app.goTo('Lote')
  const download = app.page.waitForEvent('download')
  await app.page.getByRole('button', { name: 'Exportar CSV (;)' }).click()
  const rows = parse(readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, ''), {
    delimiter: ';',
    columns: true,
  }) as Record<string, string>[]
  expect(rows.map((r) => [r['Nome'], r['Veredito'], r['Decisão do analista']])).toEqual([
    ['Ana', 'Revisar', 'Aprovar'],
    ['Bia', 'Revisar', 'Recusar'],
    ['Caio', 'Revisar', 'Caso aberto'],
    ['Duda', 'Aprovar', ''],
  ])

  // The CLI reads the same queue.
  const listed = await cli('--json', 'cases', 'list', '--all')
  expect(listed.code, listed.stderr).toBe(0)
  const cases = JSON.parse(listed.stdout) as CaseJson[]
  expect(cases.map((c) => [c.person.label, c.status, c.decision?.verdict ?? null, c.decision?.reason ?? null])).toEqual(
    [
      ['Ana', 'decided', 'aprovar', 'documentos_conferidos'],
      ['Bia', 'decided', 'recusar', 'fraude_confirmada'],
      ['Caio', 'open', null, null],
    ],
  )

  // LGPD: erasing Bia's CPF takes her case.
  expect((await cli('privacy', 'erase', '--cpf', '111.444.777-35', '--yes')).code).toBe(0)
  const after = JSON.parse((await cli('--json', 'cases', 'list', '--all')).stdout) as CaseJson[]
  expect(after.map((c) => c.person.label)).toEqual(['Ana', 'Caio'])
  await app.goTo('Casos')
  await app.page.locator('#cases-status').selectOption('all')
  await expect(app.page.getByTestId('case-queue').getByTestId('case-row')).toHaveCount(2)
})
