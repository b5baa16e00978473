import { USSD_PAGING_FOOTER, type UssdCommand } from '../../src-shared/domain/ussd'
import type { UssdScript } from '../../src-shared/domain/ussd-session'

/** seed 003 §6.4.18 "Exemplo com paginação": the four-item menu over 150 characters, and its two screens. */
export const SEED_MENU: Extract<UssdCommand, { kind: 'menu' }> = {
  kind: 'menu',
  title: 'This is an example menu. It contains over 150 chars and will be paged by USSD.',
  options: ['first', 'second', 'third', 'forth'].map((w, i) => ({
    index: String(i + 1),
    subtitle: `This is the ${w} menu item.`,
  })),
}

export const SEED_MENU_SCREENS = [
  `${SEED_MENU.title}\n1. This is the first menu item.\n${USSD_PAGING_FOOTER}`,
  `2. This is the second menu item.\n3. This is the third menu item.\n4. This is the forth menu item.\n${USSD_PAGING_FOOTER}`,
]

/** A saved session against the sandbox's demo application (answers version "a"): balance enquiry in three steps. */
export const DEMO_BALANCE_SCRIPT: UssdScript = {
  version: 1,
  name: 'saldo',
  msisdn: '1191000000',
  steps: [
    {
      press: '*100#',
      expect:
        'Sentinela Demo - autoatendimento\n1. Consultar saldo\n2. Segunda via da conta\n3. Falar com um atendente',
    },
    { press: '1', expect: 'Digite os 4 ultimos digitos do seu CPF:' },
    { press: '1234', expect: 'Saldo disponivel: R$ 37,90. Obrigado por usar o Sentinela Demo!' },
  ],
}
