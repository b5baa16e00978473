import { expect, test, WITH_CALLBACK_LISTENER } from './fixtures'

/* Issue #7, SMS console: encoding and segments before sending; the receipt on the transaction's timeline. */
test.use(WITH_CALLBACK_LISTENER)

test('an SMS with accents shows UCS-2 and its segments before sending; the receipt lands on the timeline; the handset replies', async ({
  app,
}) => {
  await app.open()
  await app.goTo('SMS')
  const form = app.page.getByTestId('mse-form-sms')
  await form.locator('#mse-TEXT').fill('Seu codigo: 4321')
  const info = app.page.getByTestId('sms-info')
  await expect(info).toHaveAttribute('data-encoding', 'GSM-7')
  const text =
    'Olá! Sua solicitação de portabilidade foi recebida. Não compartilhe o código 4321 com ninguém; a Claro nunca pede códigos por telefone.'
  await form.locator('#mse-TEXT').fill(text)
  await expect(info).toHaveAttribute('data-encoding', 'UCS-2')
  await expect(info).toContainText(`${[...text].length}/160 caracteres · UCS-2 · 3 segmentos de até 67`)
  await expect(info).toContainText('UCS-2 por causa de: á ç ã ó')
  await form.locator('#mse-TEXT').fill(`${text} ${'x'.repeat(30)}`)
  await expect(app.page.getByTestId('problem-TEXT')).toHaveText('Máximo de 160 caracteres.')
  await expect(info).toContainText('O MSE recusa textos acima de 160 caracteres')
  await form.locator('#mse-TEXT').fill(text)
  await form.locator('#mse-BNUM').fill('1191000003')
  await form.locator('#mse-ANUM').fill('333')
  await form.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('mse-status')).toHaveText(/Status 0 — Sucesso/)
  await expect(app.page.getByTestId('raw-answer')).toContainText('<transaction-id>')

  const row = app.page.getByTestId('sms-sent').locator('li[data-receipt="UNKNOWN"]')
  await expect(row.getByTestId('timeline-receipt')).toContainText(
    /Recibo: Desconhecido · .* · início \d{2}\/\d{2}\/\d{4}/,
  )
  await expect(row.getByTestId('timeline')).toContainText('Aceita pelo MSE')

  const handset = app.page.getByTestId('sms-handsets').locator('li[data-msisdn="1191000003"]')
  await expect(handset).toContainText('Sua solicitação de portabilidade')
  await handset.getByLabel('Resposta de 1191000003 para 333').fill('Não fui eu, bloqueiem!')
  await handset.getByRole('button', { name: 'Responder' }).click()
  await expect(app.page.getByTestId('sms-inbox').locator('li[data-kind="sms"]').first()).toContainText(
    '1191000003 → 333',
  )
  await expect(app.page.getByTestId('sms-inbox').getByTestId('mo-text').first()).toHaveText('Não fui eu, bloqueiem!')
  if (process.env['SENTINELA_SHOTS'])
    await app.page.screenshot({ path: `${process.env['SENTINELA_SHOTS']}/sms-console.png`, fullPage: true })
})
