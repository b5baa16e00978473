import { useEffect } from 'react'
import { usePrintStore } from '../../stores/print/store'

/**
 * The document being printed (a dossier). Its HTML comes from the shared generator, which escapes every text and
 * writes no script and no inline style (the CSP forbids both); in print, the page shows only this (styles.css).
 */
export function PrintArea() {
  const body = usePrintStore((s) => s.body)
  const done = usePrintStore((s) => s.done)
  useEffect(() => {
    if (body === null) return
    const after = (): void => done()
    window.addEventListener('afterprint', after)
    // The print dialog opens once the document is in the page.
    const frame = window.requestAnimationFrame(() => window.print())
    return () => {
      window.cancelAnimationFrame(frame)
      window.removeEventListener('afterprint', after)
    }
  }, [body, done])
  if (body === null) return null
  return (
    <div id="print-root" className="print-root" data-testid="print-root" dangerouslySetInnerHTML={{ __html: body }} />
  )
}
