import { expect, test, WITH_CALLBACK_LISTENER } from './fixtures'

/* Issue #7 through the browser host: USSD push to the virtual handset, and the app tester with record/replay. */
test.use(WITH_CALLBACK_LISTENER)

const shot = (name: string) =>
  process.env['SENTINELA_SHOTS'] ? { path: `${process.env['SENTINELA_SHOTS']}/${name}.png`, fullPage: true } : undefined

test('build a paged menu, send it, see it on the virtual handset, answer, see the inbound message', async ({ app }) => {
  await app.open()
  await app.goTo('USSD')
  const form = app.page.getByTestId('ussd-push-form')
  await form
    .locator('#ussd-title')
    .fill('This is an example menu. It contains over 150 chars and will be paged by USSD.')
  const items = ['first', 'second', 'third', 'forth']
  for (let i = 0; i < items.length; i++) {
    if (i > 0) await form.getByRole('button', { name: 'Adicionar opção' }).click()
    await form.getByLabel(`Texto da opção ${i + 1}`).fill(`This is the ${items[i]} menu item.`)
  }
  await form.getByLabel('Índice da opção 4').fill('9')
  await expect(app.page.getByTestId('ussd-problems')).toContainText('reservado')
  await form.getByLabel('Índice da opção 4').fill('4')
  await expect(app.page.getByTestId('ussd-problems').locator('.problem-error')).toHaveCount(0)
  await expect(app.page.getByTestId('ussd-problems')).toContainText('Sugestão: título com 78 caracteres')
  await expect(app.page.getByTestId('ussd-page')).toHaveText([
    'This is an example menu. It contains over 150 chars and will be paged by USSD.\n1. This is the first menu item.\n0: previous, 9: next',
    '2. This is the second menu item.\n3. This is the third menu item.\n4. This is the forth menu item.\n0: previous, 9: next',
  ])
  await expect(app.page.getByTestId('ussd-xml')).toContainText('<password>•••</password>')
  await form.getByRole('button', { name: 'Enviar ao MSE' }).click()
  await expect(app.page.getByTestId('ussd-push-status')).toContainText('Status 0')

  const handset = app.page.getByTestId('push-handset')
  await expect(handset.getByTestId('handset-screen')).toContainText('1. This is the first menu item.')
  await handset.getByRole('button', { name: '9', exact: true }).click()
  await handset.getByRole('button', { name: 'Enviar' }).click()
  await expect(handset.getByTestId('handset-screen')).toContainText('4. This is the forth menu item.')
  await handset.getByRole('button', { name: '3', exact: true }).click()
  await handset.getByRole('button', { name: 'Enviar' }).click()
  await expect(app.page.getByTestId('ussd-inbound')).toContainText('1199998888 → *100#: opção 3')
  await expect(handset.getByTestId('handset-screen')).toHaveText('Resposta recebida pelo Sentinela. Obrigado!')
  await app.page.getByText('Histórico USSD (guardado nesta máquina)').click()
  await expect(app.page.getByTestId('ussd-history')).toContainText('resposta do assinante')
  await expect(app.page.getByTestId('ussd-history')).toContainText('push')
  await app.page.screenshot(shot('ussd-push'))
})

test('drive the demo app through three steps, save it, replay green; change the app, replay red with the differing screen', async ({
  app,
}) => {
  await app.open()
  await app.goTo('USSD')
  await app.page.getByRole('tab', { name: 'Testar aplicação USSD' }).click()
  await expect(app.page.locator('#app-url')).toHaveValue(/\/__demo\/ussd-app$/)
  const phone = app.page.getByTestId('app-handset')
  const send = async (entry: string) => {
    await phone.getByLabel('Digitação').fill(entry)
    await phone.getByRole('button', { name: 'Enviar' }).click()
  }
  await send('*100#')
  await expect(phone.getByTestId('handset-screen')).toContainText('1. Consultar saldo')
  await send('1')
  await expect(phone.getByTestId('handset-screen')).toHaveText('Digite os 4 ultimos digitos do seu CPF:')
  await send('1234')
  await expect(phone.getByTestId('handset-screen')).toHaveText(
    'Saldo disponivel: R$ 37,90. Obrigado por usar o Sentinela Demo!',
  )
  await expect(app.page.getByTestId('session-log').locator('li')).toHaveCount(3)

  await app.page.locator('#script-name').fill('Consulta de saldo')
  await app.page.getByRole('button', { name: 'Salvar sessão como roteiro (3 passos)' }).click()
  const script = app.page.getByTestId('scripts').locator('li[data-script="Consulta de saldo"]')
  await script.getByRole('button', { name: 'Reproduzir' }).click()
  await expect(script.getByTestId('replay-result')).toHaveAttribute('data-ok', 'true')
  await expect(script).toContainText('Todas as telas conferem.')

  await app.page.getByRole('radio', { name: 'B' }).check()
  await script.getByRole('button', { name: 'Reproduzir' }).click()
  await expect(script.getByTestId('replay-result')).toHaveAttribute('data-ok', 'false')
  const failed = script.locator('[data-testid="replay-step"][data-ok="false"]')
  await expect(failed).toHaveCount(1)
  await expect(failed.getByTestId('expected')).toContainText('R$ 37,90')
  await expect(failed.getByTestId('actual')).toContainText('R$ 12,50')
  await app.page.screenshot(shot('ussd-replay'))
})
