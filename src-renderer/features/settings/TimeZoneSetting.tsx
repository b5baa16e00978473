import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TimeZoneSchema } from '../../../src-shared/domain/settings'

/** The zone dates are shown in (screens and exports): an IANA name, saved only when the runtime knows it. */
export function TimeZoneSetting({ value, onCommit }: { value: string; onCommit(zone: string): void }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? value
  const valid = TimeZoneSchema.safeParse(text.trim()).success
  const commit = (): void => {
    if (valid && text.trim() !== value) onCommit(text.trim())
    setDraft(null)
  }
  return (
    <>
      <label htmlFor="settings-timezone">{t('settings.timeZone')}</label>
      <div>
        <input
          id="settings-timezone"
          value={text}
          aria-invalid={!valid}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <p className="hint">{t('settings.timeZoneHint')}</p>
      </div>
    </>
  )
}
