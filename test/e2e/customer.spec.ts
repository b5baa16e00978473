import { expect, test, WITH_CALLBACK_LISTENER } from './fixtures'

test.use(WITH_CALLBACK_LISTENER)

test('the customer view shows Alerta, Score and Data Trust and a verdict with every reason in words', async ({
  app,
}) => {
  await app.open()
  await app.goTo('Cliente')
  await app.page.locator('#customer-cpf').fill('111.444.777-35')
  await app.page.locator('#customer-phone').fill('(11) 99999-0001')
  await app.page.locator('#customer-email').fill('cliente@exemplo.com.br')
  await app.page.getByRole('button', { name: 'Analisar cliente' }).click()

  await expect(app.page.getByTestId('verdict-value')).toHaveText('Recusar')
  const reasons = app.page.getByTestId('verdict-reasons')
  await expect(reasons).toContainText('Troca de SIM (chip) há 1 dia — dentro da janela de 7 dias.')
  await expect(reasons).toContainText('Score Claro 180 abaixo do mínimo da política (300).')
  await expect(reasons).toContainText('Score Data Trust 12,4 abaixo do mínimo da política (30).')
  await expect(reasons).toContainText('Data Trust aponta um insight de relevância "Alerta": DEV017')
  await expect(app.page.getByTestId('verdict-policy')).toContainText('Decidido pela política v1 · ')
  await expect(app.page.getByTestId('customer-alerts')).toContainText('Troca de SIM (chip)')
  await expect(app.page.getByTestId('customer-score').getByTestId('score-value')).toHaveText('180')
  await expect(app.page.getByTestId('customer-dataTrust').getByTestId('dt-score')).toContainText('12,4')

  // The policy is editable here too: switching the takeover rule off and saving makes it version 2, and the
  // same customer is then reviewed (the device change still counts), no longer refused.
  await app.page.getByTestId('rules-editor').getByText('Editar a política').click()
  const takeover = app.page.getByRole('checkbox', { name: 'SIM swap ou portabilidade nos últimos (dias)' })
  await takeover.click()
  // A change of the policy in force says why (issue #22): it goes to the policy log.
  await app.page.getByTestId('customer-policy-reason').fill('teste da regra de SIM swap')
  await app.page.getByRole('button', { name: 'Salvar política' }).click()
  await expect(app.page.getByTestId('customer-policy-message')).toContainText('Política salva: v2 · ')
  await expect(takeover).not.toBeChecked()
  await app.page.getByRole('button', { name: 'Analisar cliente' }).click()
  await expect(app.page.getByTestId('verdict-value')).toHaveText('Revisar')
  await expect(app.page.getByTestId('verdict-policy')).toContainText('Decidido pela política v2 · ')
  await expect(reasons).not.toContainText('Troca de SIM (chip) há')
  await expect(reasons).toContainText(/Troca de aparelho (hoje|há \d+ dias?)/)
})

test('fail-closed: a check asked for and not run is a review with its reason; unticked, the clean customer is approved', async ({
  app,
}) => {
  await app.open()
  await app.goTo('Cliente')
  await app.page.locator('#customer-cpf').fill('529.982.247-25')
  await app.page.getByRole('button', { name: 'Analisar cliente' }).click()
  await expect(app.page.getByTestId('verdict-value')).toHaveText('Revisar')
  await expect(app.page.getByTestId('verdict-reasons')).toHaveText(
    'Revisar · Claro Alerta não consultado: falta o celular.',
  )
  await expect(app.page.getByTestId('customer-alerts')).toContainText('Não consultado: falta o celular.')

  await app.page.getByRole('checkbox', { name: 'Claro Alerta' }).uncheck()
  await app.page.getByRole('button', { name: 'Analisar cliente' }).click()
  await expect(app.page.getByTestId('verdict-value')).toHaveText('Aprovar')
  await expect(app.page.getByTestId('verdict')).toContainText(
    'Todas as checagens pedidas responderam e nenhuma regra disparou.',
  )
  await expect(app.page.getByTestId('customer-alerts')).toContainText('Não pedida nesta análise.')
})
