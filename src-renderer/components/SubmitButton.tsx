/** The primary submit of a lookup form: disabled and relabelled while the call runs (no double submission). */
export function SubmitButton({
  busy,
  label,
  busyLabel,
  disabled = false,
}: {
  busy: boolean
  label: string
  busyLabel: string
  disabled?: boolean
}) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
    </div>
  )
}
