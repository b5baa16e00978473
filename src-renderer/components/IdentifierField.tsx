import { useTranslation } from 'react-i18next'

interface Props {
  id: string
  label: string
  value: string
  onValue(value: string): void
  placeholder: string
  inputMode: 'tel' | 'numeric'
  /** The same parser the core uses: null while empty, else the normalised form or the reason it is refused. */
  parsed: { ok: true; shown: string } | { ok: false; errorKey: string } | null
  testId: string
}

/** A Brazilian identifier typed as people type it, with its normalised form (or what is wrong) as they type. */
export function IdentifierField({ id, label, value, onValue, placeholder, inputMode, parsed, testId }: Props) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div>
        <input
          id={id}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          placeholder={placeholder}
          inputMode={inputMode}
          autoComplete="off"
          required
        />
        {parsed && (
          <p className={parsed.ok ? 'hint' : 'field-error'} data-testid={testId}>
            {parsed.ok ? t('lookup.normalized', { value: parsed.shown }) : t(parsed.errorKey)}
          </p>
        )}
      </div>
    </div>
  )
}
