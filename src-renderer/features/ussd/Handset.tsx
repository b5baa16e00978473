import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const

interface Props {
  testId: string
  /** What the screen shows (already paged). */
  screen: string
  /** A small status line above the screen: page, session state. */
  status?: string | undefined
  ended: boolean
  note?: string | null | undefined
  busy?: boolean
  /** The typed entry (a key, an option, text for an input, or `*NNN#`). */
  onSend(entry: string): void
}

/** An emulated feature phone: a small screen, a keypad, an entry line and a send key. */
export function Handset({ testId, screen, status, ended, note, busy = false, onSend }: Props) {
  const { t } = useTranslation()
  const [entry, setEntry] = useState('')
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!entry.trim() || busy) return
    onSend(entry.trim())
    setEntry('')
  }
  return (
    <form className="handset" data-testid={testId} onSubmit={submit} aria-label={t('ussd.handset')}>
      <div className="handset-screen" aria-live="polite">
        {status && <div className="handset-status">{status}</div>}
        <pre data-testid="handset-screen">{screen || t('ussd.idle')}</pre>
        {ended && screen && <div className="handset-status">{t('ussd.ended')}</div>}
        {note && <div className="handset-status warn">{note}</div>}
      </div>
      <input
        className="handset-entry"
        aria-label={t('ussd.entry')}
        value={entry}
        onChange={(e) => setEntry(e.target.value)}
        inputMode="tel"
        autoComplete="off"
        maxLength={182}
      />
      <div className="handset-keys">
        {KEYS.map((k) => (
          <button key={k} type="button" onClick={() => setEntry(entry + k)} aria-label={k}>
            {k}
          </button>
        ))}
      </div>
      <div className="handset-actions">
        <button type="button" onClick={() => setEntry(entry.slice(0, -1))} aria-label={t('ussd.erase')}>
          ⌫
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '…' : t('ussd.send')}
        </button>
      </div>
    </form>
  )
}
