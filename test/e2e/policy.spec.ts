import { expect, test, WITH_CALLBACK_LISTENER } from './fixtures'
import type { AppPage } from './pages/app-page'
import { ConsultaPage } from './pages/consulta-page'

test.use(WITH_CALLBACK_LISTENER)

/* Issue #12 in the browser: one policy decides Cliente and Lote alike; what-if re-decides a batch with no provider call. */

const LIST = [
  'Nome;CPF;Celular',
  'Risco;111.444.777-35;(11) 99999-0001',
  'Limpa;529.982.247-25;(11) 99999-0003',
  'Media;123.456.789-09;(11) 99999-0003',
].join('\n')

/** What the embedded simulators have received, through the same API the page uses. */
async function sandboxRequests(app: AppPage): Promise<number> {
  const response = await app.page.request.post(`${app.served.origin}/api/invoke`, {
    data: { channel: 'sandbox:stats', payload: {} },
  })
  const body = (await response.json()) as { ok: boolean; data: Record<string, Record<string, number>> }
  expect(body.ok).toBe(true)
  return Object.values(body.data)
    .flatMap((counters) => Object.entries(counters))
    .filter(([k]) => /^(GET|POST) \/(?!__)/.test(k))
    .reduce((n, [, v]) => n + v, 0)
}

async function screen(app: AppPage, withDataTrust: boolean): Promise<void> {
  await app.goTo('Lote')
  await app.page
    .locator('#batch-file')
    .setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST, 'utf8') })
  await expect(app.page.getByTestId('batch-preview')).toContainText('Risco')
  if (withDataTrust) await app.page.getByRole('checkbox', { name: 'Data Trust (ClearSale)' }).check()
  await app.page.getByRole('button', { name: 'Planejar' }).click()
  await expect(app.page.getByTestId('batch-plan')).toContainText('3 linhas')
  await app.page.getByRole('button', { name: 'Iniciar' }).click()
  await expect(app.page.getByTestId('batch-progress')).toHaveAttribute('data-status', 'done', { timeout: 20_000 })
}

test('Cliente and Lote show the same verdict and the same reasons for the same customer', async ({ app }) => {
  await app.open()
  await app.goTo('Cliente')
  await app.page.locator('#customer-cpf').fill('111.444.777-35')
  await app.page.locator('#customer-phone').fill('(11) 99999-0001')
  await app.page.getByRole('button', { name: 'Analisar cliente' }).click()
  await expect(app.page.getByTestId('verdict-value')).toHaveText('Recusar')
  const cliente = (await app.page.getByTestId('verdict-reasons').locator('li').allInnerTexts()).map((t) =>
    t.replace(/^\S+ · /, ''),
  )
  expect(cliente.length).toBeGreaterThanOrEqual(4)

  await screen(app, true)
  const grid = app.page.getByTestId('batch-grid')
  await expect(grid.getByTestId('grid-total')).toHaveText('3 linhas')
  await grid.getByTestId('grid-row').first().click()
  const drawer = app.page.getByTestId('row-verdict')
  await expect(drawer).toContainText('Recusar')
  expect(await drawer.locator('li').allInnerTexts()).toEqual(cliente)
})

test('what-if: moving the Score threshold changes the counts, and no request reaches the sandbox meanwhile', async ({
  app,
}) => {
  await app.open()
  await screen(app, false)
  await app.page.getByRole('tab', { name: 'E se…' }).click()
  const panel = app.page.getByTestId('whatif')
  const calls = await sandboxRequests(app)
  expect(calls).toBeGreaterThan(0)

  // 640 (123.456.789-09) and 870 (529.982.247-25) pass today's 300; at 900 both would be reviewed.
  await panel.getByLabel('Score Claro abaixo de (0–1000) — limite').fill('900')
  await panel.getByRole('button', { name: 'Simular' }).click()
  await expect(panel.getByTestId('whatif-changed')).toHaveText('2 vereditos mudariam')
  await expect(panel.getByTestId('whatif-before-aprovar')).toHaveText('2')
  await expect(panel.getByTestId('whatif-after-aprovar')).toHaveText('0')
  await expect(panel.getByTestId('whatif-after-revisar')).toHaveText('2')
  await expect(panel.getByTestId('whatif-rows')).toContainText('Linha 2: Aprovar → Revisar')
  if (process.env['SENTINELA_SHOTS'])
    await app.page.screenshot({ path: `${process.env['SENTINELA_SHOTS']}/whatif.png`, fullPage: true })

  // An invalid threshold is named in words and cannot be simulated.
  await panel.getByLabel('Score Claro abaixo de (0–1000) — limite').fill('1200')
  await expect(panel.getByRole('alert')).toContainText('rules.claro_score_low.below: no máximo 1000')
  await expect(panel.getByRole('button', { name: 'Simular' })).toBeDisabled()
  expect(await sandboxRequests(app)).toBe(calls)

  // Adopting the simulated policy re-decides this batch — explicitly, with a reason — still without a call.
  await panel.getByLabel('Score Claro abaixo de (0–1000) — limite').fill('900')
  await panel.getByRole('button', { name: 'Simular' }).click()
  const adopt = panel.getByRole('button', { name: 'Adotar esta política para este lote' })
  await expect(adopt).toBeDisabled()
  await panel.getByLabel('Por que adotar esta política para este lote').fill('comitê de crédito')
  await adopt.click()
  await expect(panel).toContainText(/Política v2 · \w{8} adotada para este lote: 2 vereditos mudaram/)
  await expect(app.page.getByTestId('decision-info')).toContainText('adotada em')
  await app.page.getByRole('tab', { name: 'Grade' }).click()
  await app.page.locator('#grid-verdict').selectOption('aprovar')
  await expect(app.page.getByTestId('batch-grid').getByTestId('grid-total')).toHaveText('0 linhas')
  expect(await sandboxRequests(app)).toBe(calls)
  // The policy in force did not change: adopting for one batch is not a policy change.
  await app.goTo('Configurações')
  await expect(app.page.getByTestId('settings-policy-identity')).toContainText('Versão 1 · hash ')
  await expect(app.page.getByTestId('policy-log-entry').first()).toContainText('adotada para o Lote nº')
  await expect(app.page.getByTestId('policy-log-entry').first()).toContainText('comitê de crédito')
})

test('saving a stricter policy never changes a finished batch, even after a reload; leaving with unsaved edits asks', async ({
  app,
}) => {
  await app.open()
  await screen(app, false)
  const grid = app.page.getByTestId('batch-grid')
  await app.page.locator('#grid-verdict').selectOption('aprovar')
  await expect(grid.getByTestId('grid-total')).toHaveText('2 linhas')

  await app.goTo('Configurações')
  const panel = app.page.getByTestId('settings-policy-panel')
  await panel.getByLabel('Score Claro abaixo de (0–1000) — limite').fill('900')
  // Unsaved edits: leaving asks; "stay" keeps the analyst here with the edit.
  app.page.once('dialog', (dialog) => void dialog.dismiss())
  await app.goTo('Lote')
  await expect(app.page.getByTestId('page-configuracoes')).toBeVisible()
  await expect(panel.getByLabel('Score Claro abaixo de (0–1000) — limite')).toHaveValue('900')
  await expect(panel.getByRole('button', { name: 'Salvar política' })).toBeDisabled()
  await panel.getByTestId('settings-policy-reason').fill('inadimplência subiu')
  await panel.getByRole('button', { name: 'Salvar política' }).click()
  await expect(panel.getByTestId('settings-policy-identity')).toContainText('Versão 2 · hash ')
  const log = app.page.getByTestId('policy-log-entry').first()
  await expect(log).toContainText('Score Claro abaixo de (0–1000): limite de 300 para 900.')
  await expect(log).toContainText('inadimplência subiu')

  // The finished batch reads as it was decided, now and after a reload.
  await app.goTo('Lote')
  await expect(app.page.getByTestId('decision-info')).toContainText('v1 · ')
  await app.page.locator('#grid-verdict').selectOption('aprovar')
  await expect(grid.getByTestId('grid-total')).toHaveText('2 linhas')
  await app.page.reload()
  await app.page.locator('#grid-verdict').selectOption('aprovar')
  await expect(grid.getByTestId('grid-total')).toHaveText('2 linhas')
  await expect(app.page.getByTestId('decision-info')).toContainText('decididos ao terminar')
})

test('Configurações: the policy is validated in words, saved with a new version, and a bad file is refused', async ({
  app,
}) => {
  await app.open()
  await app.goTo('Configurações')
  const panel = app.page.getByTestId('settings-policy-panel')
  await expect(panel.getByTestId('settings-policy-identity')).toContainText('Versão 1 · hash ')
  await panel.getByLabel('SIM swap ou portabilidade nos últimos (dias) — limite').fill('0')
  await expect(panel.getByTestId('settings-policy-problems')).toContainText('rules.takeover_recent.days: no mínimo 1')
  await expect(panel.getByRole('button', { name: 'Salvar política' })).toBeDisabled()
  await panel.getByLabel('SIM swap ou portabilidade nos últimos (dias) — limite').fill('30')
  await panel.getByTestId('settings-policy-reason').fill('janela maior de portabilidade')
  await panel.getByRole('button', { name: 'Salvar política' }).click()
  await expect(panel.getByTestId('settings-policy-identity')).toContainText('Versão 2 · hash ')

  await panel.getByTestId('settings-policy-import').setInputFiles({
    name: 'ruim.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'sentinela-policy/1', version: 1, name: 'x', rules: {} })),
  })
  await expect(panel.getByTestId('settings-policy-import-problems')).toContainText(
    'rules.takeover_recent: campo obrigatório ausente',
  )
  await expect(panel.getByTestId('settings-policy-identity')).toContainText('Versão 2 · hash ')

  // Consulta reads the same policy: a port-out 2 days ago is high risk inside the new 30-day window.
  await app.goTo('Consulta')
  await new ConsultaPage(app.page).alerts('11 99999-0002')
  await expect(app.page.getByTestId('alerts-result')).toContainText('SIM swap ou portabilidade nos últimos 30 dias')
})
