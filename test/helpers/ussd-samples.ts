import { USSD_PAGING_FOOTER, type UssdCommand } from '../../src-shared/domain/ussd'

/** seed 003 §6.4.18 "Exemplo com paginação": the four-item menu over 150 characters, and its two screens. */
export const SEED_MENU: Extract<UssdCommand, { kind: 'menu' }> = {
  kind: 'menu',
  title: 'This is an example menu. It contains over 150 chars and will be paged by USSD.',
  options: ['first', 'second', 'third', 'forth'].map((w, i) => ({ index: String(i + 1), subtitle: `This is the ${w} menu item.` })),
}

export const SEED_MENU_SCREENS = [
  `${SEED_MENU.title}\n1. This is the first menu item.\n${USSD_PAGING_FOOTER}`,
  `2. This is the second menu item.\n3. This is the third menu item.\n4. This is the forth menu item.\n${USSD_PAGING_FOOTER}`,
]
