/*
 * USSD commands (seed 003 §6.4.18–20) and how MSE shows them on a handset: menu pagination, the limits table,
 * and the keys the subscriber presses (§6.4.18 "Exemplo com paginação").
 */

export interface UssdOption {
  index: string
  subtitle: string
}

export type UssdCommand =
  | { kind: 'menu'; title: string; options: UssdOption[] }
  | { kind: 'input'; content: string }
  | { kind: 'notify'; content: string }

/** §6.4.18: a screen holds at most 150 characters; longer menus are paged by the USSD platform. */
const USSD_SCREEN_LIMIT = 150
/** §6.4.18: "A mensagem de notificação '0: previous, 9: next' é adicionada pela plataforma USSD automaticamente." */
export const USSD_PAGING_FOOTER = '0: previous, 9: next'
/** §6.4.18: "USSD pode suportar até 10 páginas." */
const USSD_MAX_PAGES = 10
/** §6.4.18: "o limite total de caracteres … fica em torno de no máximo 1000 caracteres." */
const USSD_ABOUT_MAX_CHARS = 1000
/** §6.4.18: indexes 0 (previous page), 9 (next page) and 8 (reserved) cannot be used. */
const USSD_RESERVED_INDEXES = ['0', '8', '9'] as const
/** §6.4.18 "Limites do Menu": suggested / not recommended / limited. */
export const USSD_LIMITS = {
  title: { suggested: 60, notRecommended: 110, limited: 150 },
  option: { suggested: 35, limited: 50 },
  /** The table says "< 20"; the issue says "≤ 20 options": 20 is accepted, with a warning from 16. */
  options: { suggested: 16, limited: 20 },
} as const
/** §6.4.19–20: input and notify content, "Máximo 150 caracteres". */
export const USSD_CONTENT_LIMIT = 150

export type UssdProblemCode =
  | 'title_limit'
  | 'title_not_recommended'
  | 'title_over_suggested'
  | 'option_limit'
  | 'option_over_suggested'
  | 'options_limit'
  | 'options_over_suggested'
  | 'no_options'
  | 'index_reserved'
  | 'index_duplicate'
  | 'index_invalid'
  | 'subtitle_empty'
  | 'pages_limit'
  | 'option_too_long_for_page'
  | 'title_too_long_for_page'
  | 'total_chars'
  | 'content_limit'
  | 'content_empty'

export interface UssdProblem {
  level: 'error' | 'warning' | 'info'
  code: UssdProblemCode
  /** Which option (1-based position) or field, and the numbers involved. */
  params: Record<string, string | number>
}

const optionLine = (o: UssdOption): string => `${o.index}. ${o.subtitle}`
const length = (s: string): number => [...s].length
const joined = (lines: string[]): string => lines.join('\n')

export type Pagination =
  | { ok: true; pages: string[][]; paged: boolean }
  | {
      ok: false
      code: 'pages_limit' | 'option_too_long_for_page' | 'title_too_long_for_page'
      pages: string[][]
      option?: number
    }

/**
 * §6.4.18: if title and items fit in 150 characters the menu is one screen. Otherwise each page holds what fits
 * with the footer "0: previous, 9: next" (newlines count): the title on the first page only.
 */
export function paginateMenu(title: string, options: UssdOption[]): Pagination {
  const head = title ? [title] : []
  const all = [...head, ...options.map(optionLine)]
  if (length(joined(all)) <= USSD_SCREEN_LIMIT) return { ok: true, pages: [all], paged: false }
  const pages: string[][] = []
  // A paged menu's first screen is the title and the footer at least.
  if (title && length(joined([title, USSD_PAGING_FOOTER])) > USSD_SCREEN_LIMIT)
    return { ok: false, code: 'title_too_long_for_page', pages: [all] }
  let page = [...head]
  for (let i = 0; i < options.length; i++) {
    const line = optionLine(options[i] as UssdOption)
    if (length(joined([...page, line, USSD_PAGING_FOOTER])) <= USSD_SCREEN_LIMIT) {
      page.push(line)
      continue
    }
    if (page.length === 0) return { ok: false, code: 'option_too_long_for_page', pages, option: i + 1 }
    pages.push(page)
    page = [line]
    if (length(joined([line, USSD_PAGING_FOOTER])) > USSD_SCREEN_LIMIT)
      return { ok: false, code: 'option_too_long_for_page', pages, option: i + 1 }
  }
  if (page.length > 0) pages.push(page)
  if (pages.length > USSD_MAX_PAGES) return { ok: false, code: 'pages_limit', pages }
  return { ok: true, pages, paged: true }
}

/** The text of one handset screen: the page's lines, plus the paging footer when the menu is paged. */
export function screenText(command: UssdCommand, page = 0): string {
  if (command.kind !== 'menu') return command.content
  const p = paginateMenu(command.title, command.options)
  const lines = p.pages[Math.min(page, Math.max(p.pages.length - 1, 0))] ?? []
  return p.ok && p.paged ? joined([...lines, USSD_PAGING_FOOTER]) : joined(lines)
}

/** Every screen of a command, one per page (what `sentinela ussd preview` prints). */
export function allScreens(command: UssdCommand): string[] {
  if (command.kind !== 'menu') return [command.content]
  const p = paginateMenu(command.title, command.options)
  return p.pages.map((_, i) => screenText(command, i))
}

export function validateUssd(command: UssdCommand): UssdProblem[] {
  const out: UssdProblem[] = []
  const add = (level: UssdProblem['level'], code: UssdProblemCode, params: UssdProblem['params'] = {}): void =>
    void out.push({ level, code, params })
  if (command.kind !== 'menu') {
    const n = length(command.content.trim())
    if (n === 0) add('error', 'content_empty')
    if (length(command.content) > USSD_CONTENT_LIMIT)
      add('error', 'content_limit', { length: length(command.content), limit: USSD_CONTENT_LIMIT })
    return out
  }
  const t = length(command.title)
  const L = USSD_LIMITS
  if (t >= L.title.limited) add('error', 'title_limit', { length: t, limit: L.title.limited })
  else if (t >= L.title.notRecommended)
    add('warning', 'title_not_recommended', { length: t, limit: L.title.notRecommended })
  else if (t >= L.title.suggested) add('info', 'title_over_suggested', { length: t, limit: L.title.suggested })
  const count = command.options.length
  if (count === 0) add('error', 'no_options')
  if (count > L.options.limited) add('error', 'options_limit', { count, limit: L.options.limited })
  else if (count >= L.options.suggested) add('warning', 'options_over_suggested', { count, limit: L.options.suggested })
  const seen = new Set<string>()
  command.options.forEach((o, i) => {
    const position = i + 1
    const n = length(o.subtitle)
    if ((USSD_RESERVED_INDEXES as readonly string[]).includes(o.index))
      add('error', 'index_reserved', { position, index: o.index })
    else if (!/^[1-9]\d*$/.test(o.index)) add('error', 'index_invalid', { position, index: o.index })
    if (seen.has(o.index)) add('error', 'index_duplicate', { position, index: o.index })
    seen.add(o.index)
    if (n === 0) add('error', 'subtitle_empty', { position })
    else if (n >= L.option.limited) add('error', 'option_limit', { position, length: n, limit: L.option.limited })
    else if (n >= L.option.suggested)
      add('warning', 'option_over_suggested', { position, length: n, limit: L.option.suggested })
  })
  const pages = paginateMenu(command.title, command.options)
  if (!pages.ok)
    add(
      'error',
      pages.code,
      pages.code === 'pages_limit'
        ? { pages: pages.pages.length, limit: USSD_MAX_PAGES }
        : { position: pages.option ?? 0, limit: USSD_SCREEN_LIMIT },
    )
  const total = length(joined([command.title, ...command.options.map(optionLine)]))
  if (total > USSD_ABOUT_MAX_CHARS) add('warning', 'total_chars', { length: total, limit: USSD_ABOUT_MAX_CHARS })
  return out
}

export type MenuKey = { kind: 'page'; page: number } | { kind: 'select'; index: string } | { kind: 'invalid' }

/**
 * A key pressed on a menu screen (§6.4.18): 9 next page and 0 previous, handled by the platform without the
 * partner ("9 na última página ou 0 na primeira … recebe a mesma página"); any option's index, on screen or not,
 * goes to the partner. Anything else keeps the page (assumption: the seed does not say).
 */
export function pressOnMenu(command: Extract<UssdCommand, { kind: 'menu' }>, page: number, key: string): MenuKey {
  const pages = paginateMenu(command.title, command.options).pages.length
  const k = key.trim()
  if (k === '9') return { kind: 'page', page: Math.min(page + 1, pages - 1) }
  if (k === '0') return { kind: 'page', page: Math.max(page - 1, 0) }
  if (command.options.some((o) => o.index === k)) return { kind: 'select', index: k }
  return { kind: 'invalid' }
}
