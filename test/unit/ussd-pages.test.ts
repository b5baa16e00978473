import { describe, expect, it } from 'vitest'
import { SEED_MENU, SEED_MENU_SCREENS } from '../helpers/ussd-samples'
import {
  allScreens,
  paginateMenu,
  pressOnMenu,
  screenText,
  USSD_PAGING_FOOTER,
  validateUssd,
  type UssdCommand,
} from '../../src-shared/domain/ussd'

/* seed 003 §6.4.18 "Exemplo com paginação": the four-item menu is the test vector. */
const seedMenu = SEED_MENU
const opts = (n: number, subtitle = (i: number) => `Opcao ${i}`) =>
  Array.from({ length: n }, (_, i) => ({ index: String(i < 7 ? i + 1 : i + 3), subtitle: subtitle(i + 1) }))

describe('USSD menu pagination (seed 003 §6.4.18)', () => {
  it('pages the seed example as the seed shows: title + item 1, then items 2–4, each with the footer', () => {
    expect(allScreens(seedMenu)).toEqual(SEED_MENU_SCREENS)
    expect(SEED_MENU_SCREENS[0]).toBe(`${seedMenu.title}\n1. This is the first menu item.\n${USSD_PAGING_FOOTER}`)
    expect(validateUssd(seedMenu).filter((p) => p.level === 'error')).toEqual([])
  })

  it('9 on the last page and 0 on the first keep the page; 9/0 move otherwise', () => {
    expect(pressOnMenu(seedMenu, 0, '0')).toEqual({ kind: 'page', page: 0 })
    expect(pressOnMenu(seedMenu, 0, '9')).toEqual({ kind: 'page', page: 1 })
    expect(pressOnMenu(seedMenu, 1, '9')).toEqual({ kind: 'page', page: 1 })
    expect(pressOnMenu(seedMenu, 1, '0')).toEqual({ kind: 'page', page: 0 })
  })

  it('an option not on screen can still be chosen; an unknown key keeps the page', () => {
    expect(pressOnMenu(seedMenu, 0, '3')).toEqual({ kind: 'select', index: '3' })
    expect(pressOnMenu(seedMenu, 1, '1')).toEqual({ kind: 'select', index: '1' })
    expect(pressOnMenu(seedMenu, 0, '7')).toEqual({ kind: 'invalid' })
  })

  it('exactly 150 characters is one screen without footer; 151 is paged', () => {
    const title = 'T'.repeat(150 - '\n1. x'.length)
    const exact: UssdCommand = { kind: 'menu', title, options: [{ index: '1', subtitle: 'x' }] }
    expect(screenText(exact)).toHaveLength(150)
    expect(paginateMenu(exact.title, exact.options)).toMatchObject({ ok: true, paged: false, pages: [[title, '1. x']] })
    const title100 = 'T'.repeat(100)
    const options = [
      { index: '1', subtitle: 'x' },
      { index: '2', subtitle: 'y'.repeat(150 - 100 - '\n1. x\n2. '.length + 1) },
    ]
    expect([...`${title100}\n1. x\n2. ${options[1]?.subtitle}`]).toHaveLength(151)
    const screens = allScreens({ kind: 'menu', title: title100, options })
    expect(screens).toEqual([
      `${title100}\n1. x\n${USSD_PAGING_FOOTER}`,
      `2. ${options[1]?.subtitle}\n${USSD_PAGING_FOOTER}`,
    ])
    expect(screens.every((s) => [...s].length <= 150)).toBe(true)
    // A title that leaves no room for the footer cannot be paged: refused, not cut.
    expect(paginateMenu(`${title}T`, exact.options)).toMatchObject({ ok: false, code: 'title_too_long_for_page' })
  })

  it('refuses more than 10 pages, and says so', () => {
    const long = (i: number) => `Opcao numero ${i} com um texto longo ate 49 car.`.slice(0, 49)
    const ok = paginateMenu('', opts(20, long))
    expect(ok.ok).toBe(true) // 20 options of 49 characters: 2 per page, 10 pages
    expect(ok.pages).toHaveLength(10)
    const tooMany = paginateMenu('Um titulo que ocupa espaco na primeira pagina', opts(20, long))
    expect(tooMany).toMatchObject({ ok: false, code: 'pages_limit' })
    expect(
      validateUssd({
        kind: 'menu',
        title: 'Um titulo que ocupa espaco na primeira pagina',
        options: opts(20, long),
      }).map((p) => p.code),
    ).toContain('pages_limit')
  })

  it('refuses the reserved indexes 0, 8 and 9, duplicates and non-numbers', () => {
    const menu: UssdCommand = {
      kind: 'menu',
      title: 'Menu',
      options: ['0', '8', '9', '1', '1', 'a'].map((index) => ({ index, subtitle: 'x' })),
    }
    const codes = validateUssd(menu).map((p) => `${p.code}:${p.params['index'] ?? ''}`)
    expect(codes).toEqual([
      'index_reserved:0',
      'index_reserved:8',
      'index_reserved:9',
      'index_duplicate:1',
      'index_invalid:a',
    ])
  })

  it('applies the limits table: suggested, not recommended, limited', () => {
    const level = (title: string, subtitle = 'ok') =>
      validateUssd({ kind: 'menu', title, options: [{ index: '1', subtitle }] }).map((p) => `${p.level}:${p.code}`)
    expect(level('t'.repeat(59))).toEqual([])
    expect(level('t'.repeat(60))).toEqual(['info:title_over_suggested'])
    expect(level('t'.repeat(110))).toEqual(['warning:title_not_recommended'])
    expect(level('t'.repeat(150))).toContain('error:title_limit')
    expect(level('T', 's'.repeat(35))).toEqual(['warning:option_over_suggested'])
    expect(level('T', 's'.repeat(50))).toContain('error:option_limit')
    expect(validateUssd({ kind: 'menu', title: '', options: opts(16) }).map((p) => p.code)).toEqual([
      'options_over_suggested',
    ])
    expect(validateUssd({ kind: 'menu', title: '', options: opts(21) }).map((p) => p.code)).toContain('options_limit')
    expect(validateUssd({ kind: 'menu', title: 'x', options: [] }).map((p) => p.code)).toEqual(['no_options'])
  })

  it('input and notify: content up to 150 characters, not empty', () => {
    expect(validateUssd({ kind: 'notify', content: 'c'.repeat(150) })).toEqual([])
    expect(validateUssd({ kind: 'input', content: 'c'.repeat(151) }).map((p) => p.code)).toEqual(['content_limit'])
    expect(validateUssd({ kind: 'input', content: ' ' }).map((p) => p.code)).toEqual(['content_empty'])
    expect(allScreens({ kind: 'notify', content: 'Your balance is R$37,9' })).toEqual(['Your balance is R$37,9'])
  })
})
