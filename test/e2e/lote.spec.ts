import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { withCheckDigits } from '../../src-shared/domain/cpf'

/* Issue #8 through the browser host: import, map, run, pause and resume, grid and charts, export. */
const cpfs = Array.from({ length: 40 }, (_, i) => withCheckDigits(String(200_000_000 + i * 104_729).slice(-9)))
const csv = [
  'Nome;Número do CPF;Contato;Obs',
  ...cpfs.map(
    (c, i) =>
      `Cliente ${i};${c};(11) 9${String(4000 + i)}-${String(1000 + i)};${i === 3 ? '=HYPERLINK("http://x")' : 'ok'}`,
  ),
  'Sem CPF;123;abc;x',
].join('\n')

test('import a CSV, map, run with pause and resume, read the grid and charts, export', async ({ app }) => {
  await app.open()
  await app.goTo('Lote')
  await app.page
    .locator('#batch-file')
    .setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await expect(app.page.getByTestId('batch-sniffed')).toContainText('separador ";"')
  await expect(app.page.getByTestId('batch-preview')).toContainText('Cliente 0')
  await expect(app.page.getByLabel('CPF', { exact: true })).toHaveValue('1')
  // "Contato" is not recognised as a phone column: the analyst maps it.
  await expect(app.page.getByLabel('Telefone', { exact: true })).toHaveValue('')
  await app.page.getByLabel('Telefone', { exact: true }).selectOption({ label: 'Contato' })
  await expect(app.page.getByLabel('Telefone', { exact: true })).toHaveValue('2')
  await app.page.getByRole('button', { name: 'Planejar' }).click()
  const plan = app.page.getByTestId('batch-plan')
  await expect(plan).toContainText('41 linhas, 1 com problema')
  await expect(plan.locator('li[data-provider="claro"]')).toContainText('Claro: 80 chamadas')
  await expect(app.page.getByTestId('claro-trial')).toContainText('restam 1.000 de 1.000')

  await app.page.getByRole('button', { name: 'Iniciar' }).click()
  await expect(app.page.getByTestId('batch-progress')).toHaveAttribute('data-status', 'running')
  await app.page.getByRole('button', { name: 'Pausar' }).click()
  await expect(app.page.getByTestId('batch-progress')).toHaveAttribute('data-status', 'paused')
  // "Pausado" is said once the calls on the wire have answered (test/integration/batch.test.ts proves the count is then
  // final): some rows answered, some remain.
  await expect(app.page.getByTestId('batch-progress')).toContainText(
    /\d+ respondidas · 0 falharam · [1-9]\d* restantes/,
  )
  await app.page.getByRole('button', { name: 'Retomar' }).click()
  await expect(app.page.getByTestId('batch-progress')).toHaveAttribute('data-status', 'done', { timeout: 20_000 })
  await expect(app.page.getByTestId('batch-progress')).toContainText('80 respondidas · 0 falharam · 0 restantes')

  const grid = app.page.getByTestId('batch-grid')
  await expect(grid.getByTestId('grid-total')).toHaveText('41 linhas')
  await expect(grid.getByTestId('grid-row').first()).toContainText('Cliente 0')
  if (process.env['SENTINELA_SHOTS'])
    await app.page.screenshot({ path: `${process.env['SENTINELA_SHOTS']}/lote-grid.png`, fullPage: true })
  await app.page.locator('#grid-status').selectOption('not_run')
  await expect(grid.getByTestId('grid-total')).toHaveText('1 linha')
  await expect(grid.getByTestId('grid-row').first()).toContainText('Não consultado: CPF sem 11 dígitos')
  await expect(grid.getByTestId('grid-row').first()).toContainText('Revisar')
  await grid.getByTestId('grid-row').first().click()
  await expect(app.page.getByTestId('row-verdict')).toContainText('Score Claro não consultado: CPF sem 11 dígitos.')
  await expect(app.page.getByTestId('row-verdict')).toContainText(
    'Claro Alerta não consultado: celular com caracteres inválidos ou de fora do Brasil.',
  )
  await app.page.getByRole('button', { name: 'Fechar' }).click()

  await app.page.getByRole('tab', { name: 'Painel' }).click()
  await expect(app.page.getByTestId('chart-verdicts').locator('svg').first()).toBeVisible()
  await expect(app.page.getByTestId('chart-scores')).toBeVisible()
  await expect(app.page.getByTestId('chart-flags')).toBeVisible()
  await expect(app.page.getByTestId('chart-ages')).toBeVisible()

  const download = app.page.waitForEvent('download')
  await app.page.getByRole('button', { name: 'Exportar CSV (;)' }).click()
  const file = await (await download).path()
  await expect(app.page.getByTestId('export-saved')).toContainText('41 linhas exportadas')
  const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n')
  expect(lines).toHaveLength(42)
  expect(lines[0]).toMatch(
    /^\uFEFFNome;"Número do CPF";Contato;Obs;"CPF consultado";"Celular consultado";"Alerta: situação";/,
  )
  expect(lines[0]).toContain(';Veredito;Motivos;motivos_codigos;"Problema na linha";Política')
  expect(lines[4]).toContain(`"'=HYPERLINK(""http://x"")"`)
  if (process.env['SENTINELA_SHOTS'])
    await app.page.screenshot({ path: `${process.env['SENTINELA_SHOTS']}/lote.png`, fullPage: true })
})
