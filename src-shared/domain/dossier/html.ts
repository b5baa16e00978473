/*
 * The printable evidence document (issue #22 item 8) as HTML: one generator for the CLI (`cases show --html`), the
 * desktop's PDF (Electron printToPDF) and the browser's print dialog. Every text is escaped here; the document carries
 * no script and no inline style attribute (the app's CSP forbids them): a standalone file embeds its stylesheet, the
 * app styles the same classes from its own CSS.
 */

export interface DossierSection {
  title: string
  /** Each item: an optional heading and its lines (sentences already in the reader's language). */
  items: { heading?: string; lines: string[] }[]
  /** Said when the section has no item. */
  empty?: string
}

export interface Dossier {
  lang: string
  title: string
  /** Label → value lines under the title (who, when, policy, person). */
  meta: [string, string][]
  /** The verdict line, said first and large. */
  headline: string
  sections: DossierSection[]
  footer: string
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/**
 * Every text escaped; a line break (a note's) becomes `<br>`: the whole document is one line of HTML, so an LGPD
 * erasure, which removes the lines naming the person, takes all of it (issue #22's attack found a note's second line
 * left behind).
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c).replace(/\r\n?|\n/g, '<br>')

export const DOSSIER_CSS = `
@page { size: A4; margin: 16mm 14mm; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 0; }
.dossier h1 { font-size: 17pt; margin: 0 0 6pt; }
.dossier .headline { font-size: 13pt; font-weight: 600; margin: 8pt 0; padding: 6pt 8pt; border: 1px solid #999; }
.dossier table.meta { border-collapse: collapse; margin: 4pt 0 10pt; }
.dossier table.meta th { text-align: left; padding: 1pt 10pt 1pt 0; color: #444; font-weight: 500; }
.dossier table.meta td { padding: 1pt 0; }
.dossier h2 { font-size: 12.5pt; border-bottom: 1px solid #bbb; margin: 12pt 0 4pt; break-after: avoid; }
.dossier h3 { font-size: 11pt; margin: 6pt 0 2pt; break-after: avoid; }
.dossier ul { margin: 0 0 4pt 16pt; padding: 0; }
.dossier .item { break-inside: avoid; }
.dossier .empty { color: #555; font-style: italic; }
.dossier footer { margin-top: 14pt; font-size: 9pt; color: #555; border-top: 1px solid #ccc; padding-top: 4pt; }
`

/** The document's body (the app prints it inside its own page). */
export function dossierBody(doc: Dossier): string {
  const e = escapeHtml
  const meta = doc.meta.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join('')
  const sections = doc.sections
    .map((s) => {
      const items = s.items
        .map(
          (i) =>
            `<div class="item">${i.heading ? `<h3>${e(i.heading)}</h3>` : ''}<ul>${i.lines
              .map((l) => `<li>${e(l)}</li>`)
              .join('')}</ul></div>`,
        )
        .join('')
      const body = items || (s.empty ? `<p class="empty">${e(s.empty)}</p>` : '')
      return `<section><h2>${e(s.title)}</h2>${body}</section>`
    })
    .join('')
  return (
    `<article class="dossier"><h1>${e(doc.title)}</h1><table class="meta"><tbody>${meta}</tbody></table>` +
    `<p class="headline">${e(doc.headline)}</p>${sections}<footer>${e(doc.footer)}</footer></article>`
  )
}

/** A whole document: opens in any browser and prints (or becomes a PDF) as it is. */
export function dossierHtml(doc: Dossier): string {
  return (
    `<!doctype html><html lang="${escapeHtml(doc.lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width"><title>${escapeHtml(doc.title)}</title>` +
    `<style>${DOSSIER_CSS.replace(/\s*\n\s*/g, ' ').trim()}</style></head><body>${dossierBody(doc)}</body></html>\n`
  )
}
