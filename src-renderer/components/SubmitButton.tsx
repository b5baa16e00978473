/** The primary submit of a lookup form: disabled and relabelled while the call runs (no double submission). */
export function SubmitButton({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </div>
  )
}
