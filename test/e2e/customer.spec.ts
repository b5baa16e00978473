import { expect, test, WITH_CALLBACK_LISTENER } from './fixtures'

test.use(WITH_CALLBACK_LISTENER)

test('the customer view shows Alerta, Score and Data Trust and a verdict with every reason', async ({ app }) => {
  await app.open()
  await app.goTo('Cliente')
  await app.page.locator('#customer-cpf').fill('111.444.777-35')
  await app.page.locator('#customer-phone').fill('(11) 99999-0001')
  await app.page.locator('#customer-email').fill('cliente@exemplo.com.br')
  await app.page.getByRole('button', { name: 'Analisar cliente' }).click()

  await expect(app.page.getByTestId('verdict-value')).toHaveText('Recusar')
  const reasons = app.page.getByTestId('verdict-reasons')
  await expect(reasons).toContainText('SIMCARD_CHANGED há 1 dia(s) — dentro da janela de 7 dias.')
  await expect(reasons).toContainText('Score Claro 180 abaixo de 300.')
  await expect(reasons).toContainText('Score Data Trust 12.4 abaixo de 30.')
  await expect(reasons).toContainText('Insight de relevância "Alerta": DEV017')
  await expect(app.page.getByTestId('customer-alerts')).toContainText('Troca de SIM (chip)')
  await expect(app.page.getByTestId('customer-score').getByTestId('score-value')).toHaveText('180')
  await expect(app.page.getByTestId('customer-dataTrust').getByTestId('dt-score')).toContainText('12.4')

  // The rules are editable: switching the takeover rule off turns the verdict into a review.
  await app.page.getByTestId('rules-editor').getByText('Regras (editáveis)').click()
  const takeover = app.page.getByRole('checkbox', { name: 'SIM swap ou portabilidade recente (dias)' })
  await takeover.click() // saved through settings:update; the box follows the saved settings
  await expect(takeover).not.toBeChecked()
  await app.page.getByRole('button', { name: 'Analisar cliente' }).click()
  await expect(app.page.getByTestId('verdict-value')).toHaveText('Revisar')
  await expect(reasons).not.toContainText('SIMCARD_CHANGED')
})

test('a clean customer is approved, and a provider left out says why', async ({ app }) => {
  await app.open()
  await app.goTo('Cliente')
  await app.page.locator('#customer-cpf').fill('529.982.247-25')
  await app.page.getByRole('button', { name: 'Analisar cliente' }).click()
  await expect(app.page.getByTestId('verdict-value')).toHaveText('Aprovar')
  await expect(app.page.getByTestId('verdict')).toContainText('Nenhuma regra disparou.')
  await expect(app.page.getByTestId('customer-alerts')).toContainText('Não consultado: falta o identificador.')
})
