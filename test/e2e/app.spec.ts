import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'

const AREAS_PT = [
  'Consulta',
  'Cliente',
  'Lote',
  'Monitoramento',
  'SMS',
  'USSD',
  'Serviços MSE',
  'Credenciais',
  'Configurações',
  'Histórico',
]
const AREAS_EN = [
  'Lookup',
  'Customer',
  'Batch',
  'Monitoring',
  'SMS',
  'USSD',
  'MSE services',
  'Credentials',
  'Settings',
  'History',
]

test('opens in Portuguese with every area and a status panel fed by app:info', async ({ app, served }) => {
  await app.open()
  for (const name of AREAS_PT) await expect(app.navItem(name)).toBeVisible()
  await expect(app.info('host')).toHaveText('Navegador (sentinela serve)')
  await expect(app.info('environment')).toHaveText('Sandbox (simulado)')
  await expect(app.info('datadir')).toHaveText(served.dataDir)
  await expect(app.info('version')).toHaveText(/^\d+\.\d+\.\d+$/)
  await expect(app.page).toHaveURL(`${served.origin}/`) // the token left the address bar
})

test('the first screen loads at most 700 KB of JavaScript; a page brings its own code when first opened', async ({
  app,
}) => {
  const scripts = new Map<string, number>()
  const reading: Promise<void>[] = []
  app.page.on('response', (r) => {
    if (r.url().endsWith('.js')) reading.push(r.body().then((b) => void scripts.set(r.url(), b.length)))
  })
  await app.open()
  await expect(app.page.locator('#page-title')).toHaveText('Consulta')
  await app.page.waitForLoadState('networkidle')
  await Promise.all(reading)
  expect([...scripts.keys()].some((u) => /ConsultaPage-/.test(u))).toBe(true)
  const firstLoad = [...scripts.values()].reduce((a, b) => a + b, 0)
  expect(firstLoad).toBeLessThan(700 * 1024)
  expect([...scripts.keys()].some((u) => /LotePage-|Dashboard-/.test(u))).toBe(false)
  await app.goTo('Lote')
  await expect(app.page.locator('#page-title')).toHaveText('Lote')
  await expect.poll(() => [...scripts.keys()].some((u) => /LotePage-/.test(u))).toBe(true)
  console.log(`first load: ${(firstLoad / 1024).toFixed(0)} KB of JavaScript`)
})

test('navigates between areas and keeps the area on reload', async ({ app }) => {
  await app.open()
  await app.goTo('Lote')
  await expect(app.title).toHaveText('Lote')
  await expect(app.page.getByTestId('batch-import')).toBeVisible()
  await app.page.reload()
  await expect(app.title).toHaveText('Lote')
  await expect(app.navItem('Lote')).toHaveAttribute('aria-current', 'page')
})

test('switches to English, persists it in settings, and keeps it after reload', async ({ app, served }) => {
  await app.open()
  await app.languageButton('EN').click()
  for (const name of AREAS_EN) await expect(app.navItem(name)).toBeVisible()
  await expect(app.info('host')).toHaveText('Browser (sentinela serve)')
  expect(JSON.parse(readFileSync(join(served.dataDir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'en' })
  await app.page.reload()
  await expect(app.navItem('Settings')).toBeVisible()
  await app.goTo('Settings')
  const select = app.page.getByRole('combobox', { name: 'Language' })
  await expect(select).toHaveValue('en')
  await select.selectOption('pt-BR')
  await expect(app.navItem('Configurações')).toBeVisible()
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'pt-BR')
})

test('refuses the page without the token', async ({ page, served }) => {
  const response = await page.goto(`${served.origin}/`)
  expect(response?.status()).toBe(401)
  await expect(page.getByText('Acesso negado')).toBeVisible()
})

test('refuses the API to a page of another origin, even a loopback one', async ({ app, page, served }) => {
  await app.open()
  // A request the app itself makes works…
  const ok = await page.evaluate(async () => {
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'app:info', payload: {} }),
    })
    return res.status
  })
  expect(ok).toBe(200)
  // …the same request from another origin (same host, other port) is refused by the host.
  const foreign = await page.request.post(`${served.origin}/api/invoke`, {
    headers: { Origin: 'http://127.0.0.1:9', 'Content-Type': 'application/json' },
    data: { channel: 'app:info', payload: {} },
  })
  expect(foreign.status()).toBe(403)
})

test.describe('with a corrupt settings file', () => {
  test.use({ seedFiles: { 'settings.json': '{ this is not json' } })

  test('shows a notice saying where the file went, and the user can dismiss it', async ({ app }) => {
    await app.open()
    const notice = app.page.getByRole('alert').filter({ hasText: 'corrompido' })
    await expect(notice).toContainText('settings.corrupt-')
    await notice.getByRole('button', { name: 'Dispensar' }).click()
    await expect(notice).toHaveCount(0)
    await app.page.reload()
    await expect(app.info('version')).toBeVisible()
    await expect(notice).toHaveCount(0)
  })
})
