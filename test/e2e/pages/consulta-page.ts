import type { Locator, Page } from '@playwright/test'

/** The Consulta page: Alerta and Score tabs, each a form and its result. */
export class ConsultaPage {
  constructor(readonly page: Page) {}

  tab(name: 'Alerta (Claro)' | 'Score (Claro)'): Locator {
    return this.page.getByRole('tab', { name })
  }

  async alerts(msisdn: string, events: string[] = []): Promise<void> {
    await this.tab('Alerta (Claro)').click()
    await this.page.locator('#alerts-msisdn').fill(msisdn)
    for (const event of events) await this.page.getByRole('checkbox', { name: event }).check()
    await this.page.getByRole('button', { name: /^(Consultar|Look up)$/ }).click()
  }

  async score(cpf: string): Promise<void> {
    await this.tab('Score (Claro)').click()
    await this.page.locator('#score-cpf').fill(cpf)
    await this.page.getByRole('button', { name: /^(Consultar|Look up)$/ }).click()
  }

  get alertsResult(): Locator {
    return this.page.getByTestId('alerts-result')
  }

  get scoreResult(): Locator {
    return this.page.getByTestId('score-result')
  }

  get error(): Locator {
    return this.page.getByTestId('error-banner')
  }

  get raw(): Locator {
    return this.page.getByTestId('raw-answer')
  }
}
