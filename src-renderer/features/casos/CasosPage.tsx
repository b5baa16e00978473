import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCasesStore } from '../../stores/cases/store'
import { CaseDrawer } from './CaseDrawer'
import { CaseFilters } from './CaseFilters'
import { CaseQueue } from './CaseQueue'

/** Keys that act on the queue (issue #22): never while the analyst types in a field. */
function onKey(event: KeyboardEvent, queue: HTMLElement | null): void {
  const s = useCasesStore.getState()
  const target = event.target instanceof HTMLElement ? event.target : null
  if (event.key === 'Escape') {
    if (s.form) s.cancelForm()
    else if (s.open) s.close()
    else return
    event.preventDefault()
    queue?.focus()
    return
  }
  const typing = target?.closest('input, textarea, select, [contenteditable="true"]')
  if (typing || event.ctrlKey || event.metaKey || event.altKey || s.form) return
  const onQueue = !target || target === document.body || queue?.contains(target)
  const act: Record<string, () => void> = {
    j: () => s.move(1),
    ArrowDown: () => s.move(1),
    k: () => s.move(-1),
    ArrowUp: () => s.move(-1),
    a: () => void s.startForm({ kind: 'decide', verdict: 'aprovar' }),
    r: () => void s.startForm({ kind: 'decide', verdict: 'recusar' }),
    n: () => void s.startForm({ kind: 'note' }),
  }
  // Enter opens the case under the cursor (on a button, Enter is the button's own).
  if (event.key === 'Enter' && onQueue) act['Enter'] = () => void s.openSelected()
  const handler = act[event.key]
  if (!handler) return
  // Arrows move the cursor only from the queue (elsewhere they scroll and pick options).
  if (event.key.startsWith('Arrow') && !onQueue) return
  event.preventDefault()
  handler()
}

/** Casos: the review queue — filter it, move through it with the keyboard, decide each case with a reason. */
export function CasosPage() {
  const { t } = useTranslation()
  const start = useCasesStore((s) => s.start)
  const error = useCasesStore((s) => s.error)
  const message = useCasesStore((s) => s.message)
  const open = useCasesStore((s) => s.open)
  const queue = useRef<HTMLDivElement>(null)
  useEffect(() => start(), [start])
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKey(event, queue.current)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
  // Closing the drawer (Esc, a decision) gives the keyboard back to the queue.
  const wasOpen = useRef(false)
  useEffect(() => {
    if (wasOpen.current && !open) queue.current?.focus()
    wasOpen.current = open !== null
  }, [open])
  return (
    <section className="page" data-testid="page-casos">
      <h1 id="page-title">{t('nav.casos')}</h1>
      <p className="lead">{t('pages.casos')}</p>
      <p className="hint" id="cases-keys">
        {t('cases.keys')}
      </p>
      <CaseFilters />
      {error && <ErrorBanner error={error} />}
      {message && (
        <p className="outcome ok" role="status" data-testid="cases-message">
          {t(message.key, {
            ...message.params,
            verdict: t(`verdict.values.${String(message.params['verdict'] ?? '')}`),
          })}
        </p>
      )}
      <CaseQueue ref={queue} />
      {open && <CaseDrawer detail={open} />}
    </section>
  )
}
