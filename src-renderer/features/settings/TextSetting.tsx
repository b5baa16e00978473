import { useState } from 'react'

interface Props {
  id: string
  label: string
  hint: string
  value: string
  /** Whether the (trimmed) text may be saved. */
  valid(text: string): boolean
  onCommit(text: string): void
  maxLength?: number
  autoComplete?: string
}

/** A text saved when the analyst leaves the field or presses Enter, only when valid and changed. */
export function TextSetting({ id, label, hint, value, valid, onCommit, maxLength, autoComplete }: Props) {
  // null: nothing typed, show the saved value (which may change under us, e.g. from another window).
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? value
  const ok = valid(text.trim())
  const commit = (): void => {
    if (ok && text.trim() !== value) onCommit(text.trim())
    setDraft(null)
  }
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div>
        <input
          id={id}
          value={text}
          {...(maxLength ? { maxLength } : {})}
          {...(autoComplete ? { autoComplete } : {})}
          aria-invalid={!ok}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <p className="hint">{hint}</p>
      </div>
    </>
  )
}
