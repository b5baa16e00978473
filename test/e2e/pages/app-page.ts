import { expect, type Locator, type Page } from '@playwright/test'
import type { ServedApp } from '../fixtures'

/** The workstation shell as a user sees it: top bar, navigation, status panel. */
export class AppPage {
  readonly nav: Locator
  readonly status: Locator
  readonly title: Locator

  constructor(
    readonly page: Page,
    readonly served: ServedApp,
  ) {
    this.nav = page.getByRole('navigation')
    this.status = page.getByTestId('status-panel')
    this.title = page.locator('#page-title')
  }

  async open(): Promise<void> {
    await this.page.goto(this.served.url)
    await expect(this.page.getByTestId('env-badge')).toBeVisible()
  }

  navItem(name: string | RegExp): Locator {
    return this.nav.getByRole('button', { name })
  }

  async goTo(name: string | RegExp): Promise<void> {
    await this.navItem(name).click()
  }

  languageButton(label: 'PT' | 'EN'): Locator {
    return this.page.getByRole('button', { name: label, exact: true })
  }

  info(field: 'version' | 'environment' | 'host' | 'datadir'): Locator {
    return this.status.getByTestId(`info-${field}`)
  }
}
