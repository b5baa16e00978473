import { useState } from 'react'

interface Props {
  id: string
  label: string
  hint?: string
  value: number
  min: number
  max: number
  step?: number
  onCommit(value: number): void
}

/** A number that is saved when the user leaves the field or presses Enter, and only when valid. */
export function NumberSetting({ id, label, hint, value, min, max, step = 1, onCommit }: Props) {
  // null: nothing typed, show the saved value (which may change under us, e.g. from another window).
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? String(value)
  const parsed = Number(text)
  const valid = text.trim() !== '' && Number.isFinite(parsed) && parsed >= min && parsed <= max
  const commit = (): void => {
    if (valid && parsed !== value) onCommit(parsed)
    setDraft(null)
  }
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div>
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          step={step}
          value={text}
          aria-invalid={!valid}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        {hint && <p className="hint">{hint}</p>}
      </div>
    </>
  )
}
