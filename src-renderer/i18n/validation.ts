import { i18next } from './index'

/*
 * Issue #16: the browser's own validation bubbles ("Please fill out this field") speak the browser's language, not
 * the analyst's. Every form keeps its `required`/`type` attributes (they mark the fields for screen readers and the
 * asterisk in the CSS); when one blocks a submit, the bubble is suppressed and our sentence is shown under the
 * field instead, until the field is edited.
 */

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

function messageFor(field: Field): string {
  const v = field.validity
  const t = (key: string, params?: Record<string, unknown>): string => i18next.t(`validation.${key}`, params ?? {})
  if (v.valueMissing) return t(field instanceof HTMLSelectElement ? 'choose' : 'required')
  if (v.typeMismatch) return t(field.type === 'email' ? 'email' : field.type === 'url' ? 'url' : 'format')
  if (v.tooLong) return t('tooLong', { max: (field as HTMLInputElement).maxLength })
  if (v.rangeUnderflow) return t('min', { min: (field as HTMLInputElement).min })
  if (v.rangeOverflow) return t('max', { max: (field as HTMLInputElement).max })
  if (v.stepMismatch || v.badInput) return t('number')
  return t('format')
}

const shown = new Map<Field, HTMLElement>()

function clear(field: Field): void {
  shown.get(field)?.remove()
  shown.delete(field)
  field.removeAttribute('aria-invalid')
  field.removeAttribute('aria-describedby')
}

let counter = 0

function show(field: Field): void {
  clear(field)
  const note = document.createElement('div')
  note.className = 'validation-note'
  note.id = `validation-${++counter}`
  note.setAttribute('role', 'alert')
  note.textContent = messageFor(field)
  const box = field.getBoundingClientRect()
  note.style.left = `${box.left + window.scrollX}px`
  note.style.top = `${box.bottom + window.scrollY + 4}px`
  document.body.append(note)
  shown.set(field, note)
  field.setAttribute('aria-invalid', 'true')
  field.setAttribute('aria-describedby', note.id)
}

export function installValidationMessages(): void {
  let first = true
  document.addEventListener(
    'invalid',
    (event) => {
      const field = event.target as Field
      event.preventDefault() // no browser bubble
      show(field)
      if (first) field.focus()
      first = false
      queueMicrotask(() => (first = true))
    },
    true,
  )
  const edited = (event: Event): void => {
    const field = event.target as Field
    if (shown.has(field)) clear(field)
  }
  document.addEventListener('input', edited, true)
  document.addEventListener('change', edited, true)
  // A note placed for a field that scrolled or went away follows it out.
  document.addEventListener('scroll', () => [...shown.keys()].forEach(clear), true)
  window.addEventListener('hashchange', () => [...shown.keys()].forEach(clear))
}
