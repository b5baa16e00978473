import { expect, type Locator, type Page } from '@playwright/test'

/** The Credenciais page: one card per credential, forms that never come back pre-filled. */
export class CredentialsPage {
  constructor(readonly page: Page) {}

  card(name: string): Locator {
    return this.page.getByTestId(`cred-${name}`)
  }

  field(name: string, field: string): Locator {
    return this.page.locator(`#cred-${name.replace(':', '-')}-${field}`)
  }

  async fill(name: string, values: Record<string, string>): Promise<void> {
    for (const [field, value] of Object.entries(values)) await this.field(name, field).fill(value)
  }

  async save(name: string): Promise<void> {
    await this.card(name)
      .getByRole('button', { name: /Salvar no chaveiro|Save to keychain/ })
      .click()
  }

  async expectConfigured(name: string, hint: string): Promise<void> {
    await expect(this.card(name).getByTestId('cred-state')).toHaveText(/Configurado|Configured/)
    await expect(this.card(name).getByTestId('cred-hint')).toContainText(hint)
  }

  environment(label: string): Locator {
    return this.page.getByRole('radio', { name: label })
  }
}
