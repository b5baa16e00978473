import { expect, test, WITH_CALLBACK_LISTENER } from './fixtures'

test.use(WITH_CALLBACK_LISTENER)

test('Data Trust with Token SMS: read the token on the virtual phone, one wrong try, then valid; the webhook refreshes the screen', async ({
  app,
}) => {
  await app.open()
  await app.page.getByRole('tab', { name: 'Data Trust (ClearSale)' }).click()
  await app.page.locator('#dt-cpf').fill('529.982.247-25')
  await app.page.locator('#dt-phone').fill('+55 (11) 91234-5678')
  await app.page.getByRole('checkbox', { name: 'Token SMS' }).check()
  await app.page.getByRole('button', { name: 'Enviar transação' }).click()

  const result = app.page.getByTestId('dt-result')
  await expect(result).toContainText('Transação DT')
  await expect(app.page.getByTestId('dt-token-state')).toHaveText('Token SMS: Aguardando')

  const sms = app.page.getByTestId('virtual-phone').getByTestId('phone-message').first()
  await expect(sms).toContainText('+5511912345678')
  const code = /verificação é (\d{6})/.exec((await sms.textContent()) ?? '')?.[1] ?? ''
  expect(code).toMatch(/^\d{6}$/)

  const wrong = code === '000000' ? '111111' : '000000'
  await app.page.locator('#dt-token').fill(wrong)
  await app.page.getByRole('button', { name: 'Validar token' }).click()
  await expect(app.page.getByTestId('dt-token-result')).toHaveText('Token incorreto (até 3 tentativas)')

  await app.page.locator('#dt-token').fill(code)
  await app.page.getByRole('button', { name: 'Validar token' }).click()
  await expect(app.page.getByTestId('dt-token-result')).toHaveText('Token válido')
  await expect(app.page.getByTestId('dt-webhook-refresh')).toContainText('Atualizada pelo webhook da ClearSale')
  await expect(app.page.getByTestId('dt-token-state')).toHaveText('Token SMS: Token válido')
  await expect(app.page.getByTestId('dt-score')).toContainText('99,99')
  await expect(app.page.getByTestId('dt-insights')).toContainText('Token SMS confirmado')
})

test('Data Trust form: a CPF with wrong check digits is refused with a clear message before any call', async ({
  app,
}) => {
  await app.open()
  await app.page.getByRole('tab', { name: 'Data Trust (ClearSale)' }).click()
  await app.page.locator('#dt-cpf').fill('529.982.247-24')
  await app.page.getByRole('button', { name: 'Enviar transação' }).click()
  await expect(app.page.getByTestId('error-banner')).toContainText('dígitos verificadores')
})

test('SMS template editor checks length and keys live, and saves at the sandbox', async ({ app }) => {
  await app.open()
  await app.page.getByRole('tab', { name: 'Data Trust (ClearSale)' }).click()
  await app.page.getByRole('tab', { name: 'Configuração de SMS' }).click()
  const text = app.page.locator('#sms-text')
  await text.fill('Olá {apelido}')
  await expect(app.page.getByTestId('sms-problem')).toContainText([
    'Chave desconhecida: {apelido}',
    'A chave {respostas} é obrigatória no envio do 2º fator.',
  ])
  await text.fill('Olá ')
  await app.page.getByRole('button', { name: '{primeiro-nome}' }).click()
  await text.press('End')
  await text.pressSequentially(', confirma? ')
  await app.page.getByRole('button', { name: '{respostas}' }).click()
  await expect(app.page.getByTestId('sms-problem')).toHaveCount(0)
  await expect(app.page.getByTestId('sms-length')).toContainText('no pior caso, com as chaves cheias: 91')
  await app.page.getByRole('button', { name: 'Salvar modelo' }).click()
  await expect(app.page.getByText('Modelo salvo na ClearSale.')).toBeVisible()
})
