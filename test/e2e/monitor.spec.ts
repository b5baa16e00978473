import { expect, test } from './fixtures'

/* Issue #17 E2E: a watchlist from a CSV, its quota before activation, a pass, the change in the feed and its
 * notification, the line's timeline. */
test('create a watchlist from a CSV, activate it, see the SIM swap in the feed and as a notification', async ({
  app,
}) => {
  const page = app.page
  await app.open()
  await app.goTo('Monitoramento')
  const csv = 'Nome;Celular\nAna;(11) 99999-0001\nBruno;(11) 99999-0003\n'
  await page
    .locator('#watch-file')
    .setInputFiles({ name: 'carteira.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.locator('#watch-name').fill('Carteira')
  await page.locator('#watch-every').fill('30')
  await page.getByRole('button', { name: 'Criar lista' }).click()

  const list = page.getByTestId('watch-lists').locator('li').first()
  await expect(list).toContainText('Carteira')
  await expect(list).toContainText('Pausada')
  // The quota planner, before anything runs: 2 lines × 48 passes a day.
  await expect(list.getByTestId('watch-quota')).toHaveText(
    '96 consultas por dia à Claro; a cota de teste é de 1.000 consultas no total.',
  )
  await expect(page.getByTestId('watch-feed')).toHaveCount(0)

  await list.getByRole('button', { name: 'Ativar' }).click()
  const notice = page.getByTestId('watch-notice')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('Ana')
  const feed = page.getByTestId('watch-feed')
  await expect(feed).toContainText('Troca de SIM (chip) em')
  await expect(feed).toContainText('(já estava na janela ao começar a vigiar)')
  await expect(feed.locator('li.unread').first()).toBeVisible()
  await expect(list).toContainText('Ativa')

  await feed
    .getByRole('button', { name: /Ana · \(11\) 99999-0001/ })
    .first()
    .click()
  await expect(page.getByTestId('watch-line-events')).toContainText('Troca de SIM (chip)')
  await page.getByTestId('watch-line').getByRole('button', { name: 'Fechar' }).click()

  await page.getByRole('button', { name: 'Marcar todas como lidas' }).click()
  await expect(feed.locator('li.unread')).toHaveCount(0)
})

test('a finished batch becomes a watchlist in one click', async ({ app }) => {
  const page = app.page
  await app.open()
  await app.goTo('Lote')
  await page.getByRole('button', { name: 'Experimentar com a lista de exemplo' }).click()
  await page.getByRole('button', { name: 'Planejar' }).click()
  await page.getByRole('button', { name: 'Iniciar' }).click()
  await expect(page.getByTestId('batch-progress')).toHaveAttribute('data-status', 'done', { timeout: 20_000 })
  await page.getByTestId('watch-job').click()
  await expect(page.locator('#page-title')).toHaveText('Monitoramento')
  const list = page.getByTestId('watch-lists').locator('li').first()
  await expect(list).toContainText('exemplo-sentinela.csv')
  await expect(list).toContainText('4 linhas')
  await expect(list).toContainText('Pausada')
})

test('the team webhook is set in Configurações; the screen says whether a secret exists, never shows one', async ({
  app,
}) => {
  const page = app.page
  await app.open()
  await app.goTo('Configurações')
  const section = page.getByTestId('webhook-settings')
  await section.locator('#webhook-url').fill('https://equipe.example/alertas')
  await section.locator('#webhook-url').press('Enter')
  await expect(page.getByTestId('settings-saved')).toContainText('Configurações salvas às')
  await expect(section.getByTestId('webhook-secret')).toContainText('Sem segredo de assinatura')
  await expect(section.getByTestId('webhook-secret').locator('code')).toHaveText('sentinela watch webhook set URL')
  // A cloud metadata address is refused, in words.
  await section.locator('#webhook-url').fill('http://169.254.169.254/latest')
  await section.locator('#webhook-url').press('Enter')
  await expect(section.getByTestId('webhook-refused')).toHaveText(
    'Endereço de webhook recusado: use http(s), nunca link-local ou metadados de nuvem.',
  )
  await page.reload()
  await expect(page.locator('#webhook-url')).toHaveValue('https://equipe.example/alertas')
})
