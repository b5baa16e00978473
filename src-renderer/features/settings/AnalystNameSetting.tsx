import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Who signs policy changes, batch adoptions and case decisions (issue #22): saved when the field is left or on Enter;
 * empty means the operating system's user.
 */
export function AnalystNameSetting({ value, onCommit }: { value: string; onCommit(name: string): void }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? value
  // Control characters never reach a record (the core refuses them too).
  const valid = text.trim().length <= 80 && !/\p{Cc}/u.test(text)
  const commit = (): void => {
    if (valid && text.trim() !== value) onCommit(text.trim())
    setDraft(null)
  }
  return (
    <>
      <label htmlFor="settings-analyst">{t('settings.analystName')}</label>
      <div>
        <input
          id="settings-analyst"
          value={text}
          maxLength={80}
          autoComplete="name"
          aria-invalid={!valid}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <p className="hint">{t('settings.analystNameHint')}</p>
      </div>
    </>
  )
}
