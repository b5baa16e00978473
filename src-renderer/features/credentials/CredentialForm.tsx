import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Provider } from '../../../src-shared/domain/environment'
import { SecretInput } from '../../components/SecretInput'
import { useCredentialsStore } from '../../stores/credentials/store'
import { PROVIDER_FIELDS } from './fields'

interface Props {
  name: string
  provider: Provider
  onDone?: () => void
  onCancel?: () => void
}

/** Always starts empty: a stored secret is never sent back to fill it. */
export function CredentialForm({ name, provider, onDone, onCancel }: Props) {
  const { t } = useTranslation()
  const save = useCredentialsStore((s) => s.save)
  const busy = useCredentialsStore((s) => s.busy === name)
  const [values, setValues] = useState<Record<string, string>>({})
  const fields = PROVIDER_FIELDS[provider]

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const value = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''))
    if (await save(name, value, t('credentials.saved', { name }))) {
      setValues({})
      onDone?.()
    }
  }

  return (
    <form className="credential-form" onSubmit={(e) => void submit(e)} aria-label={name}>
      {fields.map((field) => {
        const id = `cred-${name.replace(':', '-')}-${field.name}`
        const value = values[field.name] ?? ''
        const onChange = (v: string): void => setValues((prev) => ({ ...prev, [field.name]: v }))
        return (
          <div className="field" key={field.name}>
            <label htmlFor={id}>{t(`credentials.fields.${field.name}`)}</label>
            {field.masked ? (
              <SecretInput id={id} value={value} onChange={onChange} required={!field.optional} />
            ) : (
              <input
                id={id}
                value={value}
                onChange={(e) => onChange(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                required={!field.optional}
              />
            )}
          </div>
        )
      })}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('credentials.saving') : t('credentials.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('credentials.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
