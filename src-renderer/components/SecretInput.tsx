import { useState } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  id: string
  value: string
  onChange(value: string): void
  required?: boolean
}

/** Masked by default; the user may reveal what they are typing. Never pre-filled from storage. */
export function SecretInput({ id, value, onChange, required }: Props) {
  const { t } = useTranslation()
  const [shown, setShown] = useState(false)
  return (
    <div className="secret-input">
      <input
        id={id}
        type={shown ? 'text' : 'password'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        required={required}
      />
      <button type="button" className="link" aria-controls={id} aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? t('credentials.hide') : t('credentials.show')}
      </button>
    </div>
  )
}
