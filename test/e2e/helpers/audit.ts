/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/*
 * What issue #16 calls an interface an analyst reads without a manual, as checks a page can fail (the E2E walk
 * and the screenshot script share them): no code-looking text outside <code>/<pre>, no field narrower than its
 * content, no horizontal scrolling, no serious/critical axe-core violation.
 */

export interface AuditFinding {
  kind: 'code-text' | 'narrow-field' | 'horizontal-scroll' | 'spilling' | 'axe'
  detail: string
}

/**
 * snake_case words (`nao_encontrado`, `invalid_msisdn`), wire names in capitals (`SYS_CTN_INFO`), dotted keys
 * (`claro.not_found`), camelCase API names (`networkMsisdn`) and spec references (`§6.4.17`, `seed 000`).
 */
const CODE_PATTERN = [
  String.raw`\b[a-z][a-z0-9]*_[a-z0-9_]+\b`,
  String.raw`\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b`,
  String.raw`\b[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9_]*\b`,
  String.raw`\b[a-z]+[A-Z][a-z]+[a-zA-Z]*\b`,
  String.raw`§\s?\d`,
  String.raw`\bseed \d{3}\b`,
].join('|')

/** Text in the page's visible DOM (outside code, pre and hidden nodes) that looks like a code or an i18n key. */
async function codeTexts(page: Page): Promise<AuditFinding[]> {
  const hits = await page.evaluate((source) => {
    const pattern = new RegExp(source, 'g')
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest('code, pre, script, style, [hidden], [aria-hidden="true"], .mono-data')) continue
      const box = parent.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      const text = node.textContent ?? ''
      // Addresses, file names and e-mails are data, not codes.
      const clean = text.replace(/\S+@\S+|https?:\/\/\S+|\S+\.(csv|xlsx|json|xml|db|sqlite)\b|\/[\w./-]+/g, '')
      for (const match of clean.matchAll(pattern)) found.push(`${match[0]} in “${text.trim().slice(0, 80)}”`)
    }
    return found
  }, CODE_PATTERN)
  return hits.map((detail) => ({ kind: 'code-text' as const, detail }))
}

/** Inputs and selects whose content (value or placeholder) is wider than the box showing it. */
async function narrowFields(page: Page): Promise<AuditFinding[]> {
  const hits = await page.evaluate(() => {
    const found: string[] = []
    const canvas = document.createElement('canvas')
    const context = canvas.getContext('2d')
    if (!context) return found
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      const box = field.getBoundingClientRect()
      if (box.width === 0 || field.type === 'checkbox' || field.type === 'radio' || field.type === 'file') continue
      if (field.type === 'range' || field.type === 'color' || field.type === 'hidden') continue
      const style = getComputedStyle(field)
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const text =
        field instanceof HTMLSelectElement
          ? (field.selectedOptions[0]?.text ?? '')
          : field.value || field.placeholder || ''
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)
      const extra = field instanceof HTMLSelectElement ? 24 : field.type === 'number' ? 18 : 0
      const needed = Math.max(context.measureText(text).width, context.measureText('000').width) + padding + extra
      if (needed > box.width + 1) {
        const name = field.getAttribute('aria-label') ?? field.id ?? field.name
        found.push(`${name || field.outerHTML.slice(0, 60)}: ${Math.round(box.width)}px for ${Math.round(needed)}px`)
      }
    }
    return found
  })
  return hits.map((detail) => ({ kind: 'narrow-field' as const, detail }))
}

async function horizontalScroll(page: Page): Promise<AuditFinding[]> {
  const hits = await page.evaluate(() => {
    const found: string[] = []
    const root = document.scrollingElement ?? document.documentElement
    if (root.scrollWidth > root.clientWidth + 1) found.push(`page ${root.scrollWidth} > ${root.clientWidth}`)
    for (const element of document.querySelectorAll<HTMLElement>('main, .content, aside, nav, .card, form')) {
      const style = getComputedStyle(element)
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue
      if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'hidden') {
        found.push(
          `${element.tagName.toLowerCase()}.${element.className}: ${element.scrollWidth} > ${element.clientWidth}`,
        )
      }
    }
    return found
  })
  return hits.map((detail) => ({ kind: 'horizontal-scroll' as const, detail }))
}

/** Labels, buttons, tabs and headings whose text is wider than their box: clipped or spilling out of their card. */
async function spilling(page: Page): Promise<AuditFinding[]> {
  const hits = await page.evaluate(() => {
    const found: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(
      'button, label, [role=tab], h1, h2, h3, legend, summary, dt, th',
    )) {
      const inner = element.getBoundingClientRect()
      if (inner.width === 0 || element.closest('[hidden], .sr-only')) continue
      if (getComputedStyle(element).display === 'inline') continue
      // The text's own extent (a Range) against the box: catches clipped buttons, where scrollWidth does not.
      const range = document.createRange()
      range.selectNodeContents(element)
      const text = range.getBoundingClientRect()
      if (text.right > inner.right + 1 || text.left < inner.left - 1 || element.scrollWidth > element.clientWidth + 1)
        found.push(
          `${element.tagName.toLowerCase()} “${(element.textContent ?? '').trim().slice(0, 40)}”: ${Math.round(text.width)} > ${Math.round(inner.width)}`,
        )
    }
    return found
  })
  return hits.map((detail) => ({ kind: 'spilling' as const, detail }))
}

async function axe(page: Page): Promise<AuditFinding[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      kind: 'axe' as const,
      detail: `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
    }))
}

/** Every finding on the page as it is now. */
export async function auditPage(page: Page): Promise<AuditFinding[]> {
  return [
    ...(await codeTexts(page)),
    ...(await narrowFields(page)),
    ...(await horizontalScroll(page)),
    ...(await spilling(page)),
    ...(await axe(page)),
  ]
}
