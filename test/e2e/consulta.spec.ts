import { expect, test } from './fixtures'
import { ConsultaPage } from './pages/consulta-page'

test('Alerta in pt-BR: a SIM swap yesterday shows as high risk on the timeline, with the raw answer', async ({
  app,
}) => {
  await app.open()
  const consulta = new ConsultaPage(app.page)
  await consulta.alerts('+55 (11) 99999-0001')
  await expect(consulta.alertsResult).toContainText('Eventos de (11) 99999-0001')
  await expect(consulta.page.getByTestId('alerts-risk')).toHaveText('Risco alto')
  await expect(consulta.page.getByTestId('alert-event')).toHaveCount(2)
  await expect(consulta.page.getByTestId('alert-event').filter({ hasText: 'Troca de SIM (chip)' })).toContainText(
    'há 1 dia',
  )
  await consulta.raw.getByText('Ver resposta bruta').click()
  await expect(consulta.raw).toContainText('profileEvents')
  await expect(consulta.raw).toContainText('HTTP 200')
})

test('Alerta in pt-BR: an unknown number is a clear 404, an impossible one is refused before any call', async ({
  app,
}) => {
  await app.open()
  const consulta = new ConsultaPage(app.page)
  await consulta.alerts('11 99999-0404')
  await expect(consulta.error).toContainText('A Claro não encontrou este número ou CPF na base dela (404)')
  await expect(consulta.raw).toBeVisible()
  await app.page.locator('#alerts-msisdn').fill('(20) 91234-5678')
  await expect(app.page.getByTestId('msisdn-feedback')).toHaveText('DDD inexistente no Brasil.')
})

test('Score in pt-BR: a low score reads against the policy threshold; a wrong check digit is refused', async ({
  app,
}) => {
  await app.open()
  const consulta = new ConsultaPage(app.page)
  await consulta.score('111.444.777-35')
  await expect(consulta.page.getByTestId('score-value')).toHaveText('180')
  // The label is the decision policy's, the same engine as Cliente and Lote.
  await expect(consulta.page.getByTestId('score-decision')).toHaveText('Revisar')
  await expect(consulta.page.getByTestId('score-reasons')).toHaveText(
    'Revisar · Score Claro 180 abaixo do mínimo da política (300).',
  )
  await expect(consulta.scoreResult).toContainText('Regra da política: Score Claro abaixo de 300 → Revisar.')
  // A CPF the form can already tell is wrong: said under the field, once, and nothing is sent.
  await consulta.score('529.982.247-24')
  await expect(consulta.page.getByTestId('cpf-feedback')).toContainText('os dígitos verificadores não conferem')
  await expect(consulta.error).toHaveCount(0)
})

test('in English: both forms, a success and an error each', async ({ app }) => {
  await app.open()
  await app.languageButton('EN').click()
  const consulta = new ConsultaPage(app.page)
  await consulta.alerts('11 99999-0002', ['Port-out requested'])
  await expect(consulta.page.getByTestId('alerts-risk')).toHaveText('High risk')
  await expect(consulta.page.getByTestId('alert-event')).toContainText('Port-out requested')
  await consulta.alerts('11 99999-0500')
  await expect(consulta.error).toContainText('Claro failed to serve the request (500)')
  await consulta.score('529.982.247-25')
  await expect(consulta.page.getByTestId('score-value')).toHaveText('870')
  await expect(consulta.page.getByTestId('score-decision')).toHaveText('Approve')
  await consulta.score('987.654.321-00')
  await expect(consulta.error).toContainText('Claro did not find this number or CPF in its base (404)')
})

test('personas fill the form, and every lookup lands in the Histórico with a masked identifier', async ({ app }) => {
  await app.open()
  const consulta = new ConsultaPage(app.page)
  await app.page.getByRole('button', { name: '(11) 99999-0003' }).click()
  await expect(app.page.locator('#alerts-msisdn')).toHaveValue('(11) 99999-0003')
  await app.page.getByRole('button', { name: 'Consultar' }).click()
  await expect(app.page.getByTestId('alerts-empty')).toHaveText('Nenhum evento registrado para esta linha.')
  await consulta.score('529.982.247-25')
  await expect(consulta.page.getByTestId('score-value')).toHaveText('870')
  await app.goTo('Histórico')
  await expect(app.page.getByTestId('history-total')).toHaveText('2 consultas')
  const table = app.page.getByTestId('history-table')
  await expect(table).toContainText('529.***.***-25')
  await expect(table).toContainText('(11) 9****-0003')
  await expect(table).not.toContainText('52998224725')
  await app.page.getByRole('combobox', { name: 'Tipo' }).selectOption('score')
  await expect(app.page.getByTestId('history-total')).toHaveText('1 consulta')
  await table.getByText('529.***.***-25').click()
  await app.page.getByTestId('history-detail').getByText('Ver resposta bruta').click()
  await expect(app.page.getByTestId('history-detail')).toContainText('"score": 870')
})
