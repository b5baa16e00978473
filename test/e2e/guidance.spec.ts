import { expect, test, WITH_CALLBACK_LISTENER } from './fixtures'

/* Issue #16 "Finding your way": personas everywhere, a sample list, no plan without identifiers, progress that
 * survives a reload, settings that say they were saved. */
test.use(WITH_CALLBACK_LISTENER)

test('personas fill Cliente and Data Trust; the sample list runs; its counts survive a reload; settings confirm', async ({
  app,
}) => {
  const page = app.page
  await app.open()

  await app.goTo('Cliente')
  const personas = page.getByTestId('personas')
  await personas.getByRole('button', { name: '(11) 99999-0001' }).click()
  await personas.getByRole('button', { name: '111.444.777-35' }).first().click()
  await expect(page.locator('#customer-phone')).toHaveValue('(11) 99999-0001')
  await expect(page.locator('#customer-cpf')).toHaveValue('111.444.777-35')

  // Score fails for this CPF on the sandbox: only it is asked again; Data Trust (billed) keeps its transaction.
  await page.locator('#customer-cpf').fill('222.333.444-05')
  await page.getByRole('button', { name: 'Analisar cliente' }).click()
  await expect(page.getByTestId('customer-score').getByTestId('error-banner')).toBeVisible()
  const transaction = await page.getByTestId('customer-dataTrust').locator('h3').textContent()
  await page.getByTestId('retry-score').click()
  await expect(page.getByTestId('customer-steps')).toHaveCount(0)
  await expect(page.getByTestId('customer-score').getByTestId('error-banner')).toBeVisible()
  await expect(page.getByTestId('customer-dataTrust').locator('h3')).toHaveText(transaction ?? '')

  await app.goTo('Consulta')
  await page.getByRole('tab', { name: 'Data Trust (ClearSale)' }).click()
  await page.getByTestId('personas').getByRole('button', { name: '529.982.247-25' }).click()
  await expect(page.locator('#dt-cpf')).toHaveValue('529.982.247-25')

  await app.goTo('Lote')
  await expect(page.getByTestId('batch-expected')).toContainText('um cliente por linha')
  await page.getByRole('button', { name: 'Experimentar com a lista de exemplo' }).click()
  await expect(page.getByTestId('batch-file-name')).toHaveText('exemplo-sentinela.csv')
  await expect(page.getByTestId('batch-preview')).toContainText('Ana Souza')
  // Without the CPF and phone columns no chosen check can run: the plan is refused, and said why.
  await page.getByLabel('CPF', { exact: true }).selectOption('')
  await page.getByLabel('Telefone', { exact: true }).selectOption('')
  await expect(page.getByRole('button', { name: 'Planejar' })).toBeDisabled()
  await expect(page.getByTestId('batch-no-identifier')).toContainText('sem ela nenhuma checagem escolhida roda')
  await page.getByLabel('CPF', { exact: true }).selectOption({ label: 'CPF' })
  await page.getByLabel('Telefone', { exact: true }).selectOption({ label: 'Celular' })
  await page.getByRole('button', { name: 'Planejar' }).click()
  await expect(page.getByTestId('batch-plan')).toContainText('4 linhas, 1 com problema')
  await page.getByRole('button', { name: 'Iniciar' }).click()
  await expect(page.getByTestId('batch-progress')).toHaveAttribute('data-status', 'done', { timeout: 20_000 })
  await page.reload()
  await expect(page.getByTestId('batch-counts')).toContainText('4 linhas na lista (1 com problema).')
  await expect(page.getByTestId('batch-counts').locator('[data-check="alerts"]')).toContainText(
    'Alerta (Claro): 4 de 4 consultas respondidas, 0 falharam',
  )
  await expect(page.getByTestId('batch-counts').locator('[data-check="score"]')).toContainText(
    'Score (Claro): 3 de 3 consultas respondidas, 0 falharam',
  )
  await expect(page.getByTestId('batch-grid').getByTestId('grid-total')).toHaveText('4 linhas')

  await app.goTo('Configurações')
  await page.locator('#settings-retention').fill('30')
  await page.locator('#settings-retention').press('Enter')
  await expect(page.getByTestId('settings-saved')).toHaveText(/^Configurações salvas às \d{2}:\d{2}:\d{2}\.$/)
})
