import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type ServedApp } from './fixtures'
import { CredentialsPage } from './pages/credentials-page'
import { readKeychainEntry, type Keyring } from '../helpers/keyring'
import { filesContaining } from '../helpers/cli'

const CANARY_SECRET = 'CANARY-e2e-5ecr3t-77f1'
const CANARY_KEY = 'CANARY-e2e-key-0000a1b2'
const CLARO = { key: CANARY_KEY, secret: CANARY_SECRET, customerId: 'ACMEFRAUDES' }

function keyringOf(served: ServedApp): Keyring {
  if (!served.keyring) throw new Error('this test needs test.use({ keychain: "private" })')
  return served.keyring
}

/** Everything the page receives: HTTP bodies and WebSocket frames. */
function recordTraffic(page: Page): () => Promise<string> {
  const pending: Promise<string>[] = []
  page.on('response', (response) => pending.push(response.text().catch(() => '')))
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => pending.push(Promise.resolve(String(frame.payload)))))
  return async () => (await Promise.all(pending)).join('\n')
}

test.describe('Credenciais with a private keychain', () => {
  test.use({ keychain: 'private' })

  test('stores what the user typed in the keychain; the page never receives a secret; reload shows the hint only', async ({
    app,
    served,
  }) => {
    const traffic = recordTraffic(app.page)
    await app.open()
    await app.goTo('Credenciais')
    const creds = new CredentialsPage(app.page)
    await creds.fill('claro', CLARO)
    await expect(creds.field('claro', 'secret')).toHaveAttribute('type', 'password')
    await creds.card('claro').getByRole('button', { name: 'Mostrar' }).nth(1).click()
    await expect(creds.field('claro', 'secret')).toHaveAttribute('type', 'text') // shown while typing, on request
    await creds.save('claro')
    await creds.expectConfigured('claro', 'key …a1b2')

    // The test process reads the entry back from the keychain itself.
    const entry = JSON.parse(readKeychainEntry(keyringOf(served), 'Sentinela', 'sandbox/claro') ?? 'null') as {
      value: unknown
    }
    expect(entry.value).toEqual(CLARO)

    await app.page.reload()
    await creds.expectConfigured('claro', 'key …a1b2')
    await expect(creds.field('claro', 'secret')).toHaveCount(0) // no form, so nothing to pre-fill
    await creds.card('claro').getByRole('button', { name: 'Substituir' }).click()
    for (const field of ['key', 'secret', 'customerId']) await expect(creds.field('claro', field)).toHaveValue('')

    const received = await traffic()
    expect(received.length).toBeGreaterThan(1000) // the recorder did see the app's traffic
    expect(received).toContain('key …a1b2')
    expect(received).not.toContain(CANARY_SECRET)
    expect(received).not.toContain(CANARY_KEY)
  })

  test('replaces and deletes with confirmation, per environment', async ({ app, served }) => {
    await app.open()
    await app.goTo('Credenciais')
    const creds = new CredentialsPage(app.page)
    await creds.environment('Produção').click()
    await creds.fill('clearsale', { username: 'analista.producao', password: CANARY_SECRET })
    await creds.save('clearsale')
    await creds.expectConfigured('clearsale', 'username …ucao')
    await creds.card('clearsale').getByRole('button', { name: 'Substituir' }).click()
    await creds.fill('clearsale', { username: 'outro.analista.2', password: 'another-pass' })
    await creds.save('clearsale')
    await creds.expectConfigured('clearsale', 'username …ta.2')

    await creds.environment('Sandbox (simulado)').click()
    await expect(creds.card('clearsale').getByTestId('cred-state')).toHaveText('Não configurado')

    await creds.environment('Produção').click()
    await creds.card('clearsale').getByRole('button', { name: 'Excluir' }).click()
    await expect(app.page.getByRole('alertdialog')).toContainText(
      'Excluir a credencial clearsale do ambiente Produção?',
    )
    await app.page.getByRole('button', { name: 'Confirmar exclusão' }).click()
    await expect(creds.card('clearsale').getByTestId('cred-state')).toHaveText('Não configurado')
    expect(readKeychainEntry(keyringOf(served), 'Sentinela', 'producao/clearsale')).toBeNull()
  })

  test('adds an MSE profile per service', async ({ app }) => {
    await app.open()
    await app.goTo('Credenciais')
    const creds = new CredentialsPage(app.page)
    await app.page.getByLabel('Serviço MSE').selectOption({ label: 'SMS de texto' })
    await app.page.getByRole('button', { name: 'Adicionar profile MSE' }).click()
    await creds.fill('mse:SMS_TEXT', { profile: 'PARCEIRO_SMS01', password: CANARY_SECRET })
    await creds.save('mse:SMS_TEXT')
    await creds.expectConfigured('mse:SMS_TEXT', 'profile …MS01')
  })

  test('canary: after the flows, no log, no data-dir file and no renderer bundle file holds the secret', async ({
    app,
    served,
  }) => {
    await app.open()
    await app.goTo('Credenciais')
    const creds = new CredentialsPage(app.page)
    await creds.fill('claro', CLARO)
    await creds.save('claro')
    await creds.expectConfigured('claro', 'key …a1b2')
    // A refused save that carries the canary too: its error must not echo it.
    await creds.card('claro').getByRole('button', { name: 'Substituir' }).click()
    await creds.fill('claro', { key: CANARY_KEY, secret: CANARY_SECRET, customerId: 'ACME CORP' })
    await creds.save('claro')
    await expect(creds.card('claro').getByRole('alert')).toContainText('customerId')
    await expect(creds.card('claro').getByRole('alert')).not.toContainText(CANARY_SECRET)
    await app.page.reload()
    await creds.expectConfigured('claro', 'key …a1b2')

    expect(readdirSync(join(served.dataDir, 'logs'))).toContain('sentinela.log')
    for (const canary of [CANARY_SECRET, CANARY_KEY]) {
      expect(filesContaining(served.dataDir, canary)).toEqual([])
      expect(filesContaining(join(import.meta.dirname, '../../out/renderer'), canary)).toEqual([])
    }
  })
})

test('without a session bus the page says what is missing and how to fix it, as steps for this system', async ({
  app,
}) => {
  await app.open()
  await app.goTo('Credenciais')
  const help = app.page.getByTestId('keychain-help')
  await expect(help.getByRole('heading', { level: 2 })).toHaveText('Chaveiro do sistema indisponível')
  await expect(help).toContainText('Não há sessão D-Bus')
  // On the sandbox it says the workstation works anyway.
  await expect(help.getByTestId('keychain-sandbox')).toContainText('No sandbox isso não impede nada')
  // Steps with the commands as code, no literal backticks; the platform's English text only behind a click.
  await expect(help.locator('ol.steps > li')).toHaveCount(4)
  await expect(help.locator('code', { hasText: 'dbus-run-session -- bash' })).toBeVisible()
  await expect(help).not.toContainText('`')
  await expect(help.getByText(/Cannot autolaunch/)).toBeHidden()
  await help.getByText('Detalhe técnico do sistema').click()
  await expect(help.locator('pre')).toContainText(/D-Bus|dbus/i)
  // Elsewhere than the sandbox, nothing could be saved: that is said instead.
  await app.page.getByRole('radio', { name: 'Produção' }).click()
  await expect(help).toContainText('nada foi gravado')
  await expect(help.getByTestId('keychain-sandbox')).toHaveCount(0)
})
