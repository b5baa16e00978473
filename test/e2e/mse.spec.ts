import { expect, test, WITH_CALLBACK_LISTENER } from './fixtures'

/* Issue #6 through the browser host: receipts attach to sent SMS, MO in ISO-8859-1, MMS parts, LBS on the map. */
test.use(WITH_CALLBACK_LISTENER)

const shot = (name: string) =>
  process.env['SENTINELA_SHOTS'] ? { path: `${process.env['SENTINELA_SHOTS']}/${name}.png`, fullPage: true } : undefined

test('an SMS sent in async-delivery gets its receipt attached; an accented MO and an MMS MO show correctly', async ({
  app,
}) => {
  await app.open()
  await app.goTo('SMS')
  const form = app.page.getByTestId('mse-form-sms')
  await expect(form.locator('#sms-mode')).toHaveValue('async-delivery')
  await form.locator('#mse-BNUM').fill('(11) 9100-00')
  await expect(app.page.getByTestId('problem-BNUM')).toBeVisible() // 8 digits: neither the seed's 10 nor a mobile's 11
  await form.locator('#mse-BNUM').fill('(11) 99100-0002')
  await expect(app.page.getByTestId('problem-BNUM')).toHaveCount(0) // today's 11-digit mobile, as the seed's examples send
  await form.locator('#mse-BNUM').fill('(11) 9100-0000')
  await form.locator('#mse-TEXT').fill('Seu código Sentinela: 4321')
  await form.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('mse-status')).toHaveText(/Status 0 — Sucesso/)
  const tid = ((await app.page.getByTestId('mse-result').locator('.mono').first().textContent()) ?? '').replace(
    /\D/g,
    '',
  )
  const row = app.page.getByTestId('sms-sent').locator(`li[data-transaction="${tid}"]`)
  await expect(row.getByTestId('receipt-status')).toHaveText('Entregue')
  await expect(row).toContainText('1191000000')
  await expect(row.getByTestId('timeline-receipt')).toContainText('Recibo: Entregue')

  const simulate = app.page.getByTestId('simulate-mo')
  await simulate.locator('#mo-text').fill('Olá, não recebi o código! Ação já — são 10h')
  await simulate.getByRole('button', { name: 'Enviar como assinante' }).click()
  const inbox = app.page.getByTestId('sms-inbox')
  await expect(inbox.locator('li[data-kind="sms"]').first().getByTestId('mo-text')).toHaveText(
    'Olá, não recebi o código! Ação já — são 10h'.replace('—', '?'),
  )

  await simulate.getByRole('tab', { name: 'MMS' }).click()
  await simulate.locator('#mo-subject').fill('Comprovante')
  await simulate.locator('#mo-text').fill('Segue a foto da fachada, não é fraude')
  await simulate.getByRole('button', { name: 'Enviar como assinante' }).click()
  const mms = inbox.locator('li[data-kind="mms"]').first()
  await expect(mms.getByTestId('mo-text')).toHaveText('Comprovante — Segue a foto da fachada, não é fraude')
  await mms.getByText('3 partes').click()
  await expect(mms.locator('li[data-content-type="image/gif"] img')).toBeVisible()
  await expect(mms.locator('li[data-content-type="application/smil"]')).toContainText('<smil>')
  await app.page.screenshot(shot('sms'))
})

test('an LBS answer is drawn on the offline map of Brazil', async ({ app }) => {
  await app.open()
  await app.goTo('Serviços MSE')
  await app.page.getByRole('tab', { name: 'Localização' }).click()
  const form = app.page.getByTestId('mse-form-lbs')
  // §6.4.12: LBS_TORPEDO is answered only in async-delivery — the answer below arrived later, by delivery.
  await expect(form.locator('#lbs-mode')).toHaveValue('async-delivery')
  await expect(form.locator('#lbs-mode')).toBeDisabled()
  await form.locator('#mse-CTN').fill('2191000000')
  await form.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('mse-status')).toHaveText(/Status 0/)
  const map = app.page.getByTestId('lbs-map')
  await expect(map).toBeVisible()
  const lat = Number(await map.getAttribute('data-lat'))
  const lon = Number(await map.getAttribute('data-lon'))
  expect(lat).toBeCloseTo(-22.9, 1) // DDD 21: Rio de Janeiro
  expect(lon).toBeCloseTo(-43.2, 1)
  await expect(map.locator('figcaption')).toContainText('Rio de Janeiro/RJ')
  // The marker sits inside Brazil's drawn outline, in its south-east.
  const marker = await app.page.getByTestId('lbs-marker').boundingBox()
  const overview = await app.page.getByTestId('lbs-overview').boundingBox()
  expect(
    marker &&
      overview &&
      marker.x > overview.x + overview.width * 0.55 &&
      marker.y > overview.y + overview.height * 0.55,
  ).toBe(true)
  await expect(app.page.getByTestId('lbs-circle')).toHaveAttribute('d', /^M/)
  await expect(app.page.getByTestId('lbs-sector')).toHaveAttribute('d', /^M/)
  await app.page.screenshot(shot('lbs'))
})

test('line info, IMEI check digit and TAC, protocol groups, billing confirmation naming the number', async ({
  app,
}) => {
  await app.open()
  await app.goTo('Serviços MSE')
  const linha = app.page.getByTestId('mse-form-linha')
  await linha.locator('#linha-service').selectOption('SYS_CTN_INFO_TYPE')
  await linha.locator('#mse-CTN').fill('+55 11 7000-0000')
  await linha.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('mse-outputs')).toContainText('Tipo de cliente')

  await app.page.getByRole('tab', { name: 'IMEI' }).click()
  const imei = app.page.getByTestId('mse-form-imei')
  await imei.locator('#mse-IMEI').fill('49-015420-323751-9')
  await expect(app.page.getByTestId('problem-IMEI')).toContainText('Luhn')
  await imei.locator('#mse-IMEI').fill('49-015420-323751-8')
  await expect(app.page.getByTestId('imei-check')).toHaveText('IMEI válido · TAC 49015420 (identifica o modelo)')
  await imei.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('mse-outputs')).toContainText('iPhone')

  await app.page.getByRole('tab', { name: 'Protocolo' }).click()
  const protocol = app.page.getByTestId('mse-form-protocolo')
  await protocol.locator('#mse-MSISDN').fill('1191000000')
  await protocol.locator('#mse-SITUACAO').selectOption('ABERTO')
  await expect(protocol.getByRole('note').first()).toContainText(
    'TELEFONE_CONTATO é exigido pelo seed quando SITUACAO=ABERTO',
  )
  await protocol.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('problem-MOTIVO_01')).toHaveText('Obrigatório.')
  await protocol.locator('#mse-MOTIVO_01').fill('Fraude')
  await protocol.locator('#mse-MOTIVO_02').fill('Troca de chip')
  await protocol.locator('#mse-METODO_CONTATO').fill('URA')
  await protocol.locator('details[data-group="contato"] summary').click()
  await protocol.locator('#mse-TELEFONE_CONTATO').fill('1133334444')
  await protocol.locator('#mse-NOME_CONTATO').fill('João')
  await protocol.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('mse-outputs')).toContainText('Número do protocolo')

  await app.page.getByRole('tab', { name: 'Cobrança' }).click()
  await expect(app.page.getByTestId('charge-warning')).toContainText('COBRA')
  const charge = app.page.getByTestId('mse-form-cobranca')
  await charge.locator('#mse-CTN').fill('(11) 9111-2222')
  await charge.getByRole('button', { name: 'Enviar ao MSE' }).click()
  const dialog = app.page.getByTestId('charge-confirm')
  await expect(dialog).toContainText('Você vai cobrar a linha 1191112222')
  const confirm = dialog.getByRole('button', { name: 'Cobrar 1191112222' })
  await expect(confirm).toBeDisabled()
  await dialog.locator('#charge-typed').fill('1191112223')
  await expect(confirm).toBeDisabled()
  await dialog.locator('#charge-typed').fill('11 9111-2222')
  await confirm.click()
  await expect(app.page.getByTestId('mse-status')).toHaveText(/Status 0 — Sucesso/)
  await app.page.screenshot(shot('charge'))
})

test('offers take exactly one of CATEGORIA or OFFERS; credit answers yes/no in words', async ({ app }) => {
  await app.open()
  await app.goTo('Serviços MSE')
  await app.page.getByRole('tab', { name: 'Ofertas' }).click()
  const offers = app.page.getByTestId('mse-form-ofertas')
  await offers.locator('#ofertas-service').selectOption('OFFER_DELETE')
  await offers.locator('#mse-CTN').fill('1170000000')
  await offers.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(offers).toContainText('Informe exatamente um: a categoria ou a lista de ofertas.')
  await offers.getByRole('radio', { name: 'Lista de ofertas (ids separados por ;)' }).check()
  await offers.locator('#mse-OFFERS').fill('12564231;6458974')
  await offers.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('mse-status')).toHaveText(/Status 0 — Sucesso/)
  await expect(app.page.getByTestId('mse-sent')).toContainText('OFFERS=12564231%3B6458974')
  await expect(app.page.getByTestId('mse-sent')).toContainText('pwd=•••')
  await expect(app.page.getByTestId('mse-sent')).not.toContainText('sentinela-sandbox')

  await app.page.getByRole('tab', { name: 'Crédito' }).click()
  const credit = app.page.getByTestId('mse-form-credito')
  await credit.locator('#mse-CTN').fill('1191112222')
  await credit.locator('#mse-AMOUNT').fill('1234567')
  await expect(app.page.getByTestId('problem-AMOUNT')).toHaveText('Valor em centavos, até 6 dígitos.')
  await credit.locator('#mse-AMOUNT').fill('990')
  await credit.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('mse-outputs').locator('[data-param="HAS_CREDIT"] dd')).toHaveText(/^(Sim|Não)$/)
})

test('MMS, WIB push and ringtones have forms: the seed limits are checked before anything is sent', async ({ app }) => {
  await app.open()
  await app.goTo('Serviços MSE')
  await app.page.getByRole('tab', { name: 'MMS, WIB e toques' }).click()
  const form = app.page.getByTestId('mse-form-envios')
  await form.locator('#envios-service').selectOption('SMS_HEX_RING')
  await form.locator('#mse-BNUM').fill('(11) 99100-0002')
  await form.locator('#mse-TEXT').fill('024A3A5185E195D9')
  await form.locator('#mse-VALPERIOD').fill('15 minutos')
  await expect(app.page.getByTestId('problem-VALPERIOD')).toContainText('000000001500000R')
  await form.locator('#mse-VALPERIOD').fill('000000001500000R')
  await expect(app.page.getByTestId('problem-VALPERIOD')).toHaveCount(0)
  await form.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('mse-status')).toHaveText(/Status 0 — Sucesso/)
  await expect(app.page.getByTestId('mse-sent')).toContainText('BNUM=11991000002')

  await form.locator('#envios-service').selectOption('WIB_PUSH')
  await form.locator('#mse-MSISDN').fill('11 99100-0002')
  await form.locator('#mse-WML').fill('<wml><card id="c1"><p>Olá</p></card></wml>')
  await form.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('mse-status')).toHaveText(/Status 0 — Sucesso/)
})
