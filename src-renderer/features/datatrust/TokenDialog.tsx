import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useDataTrustStore } from '../../stores/datatrust/store'
import { TOKEN_STATE } from '../../../src-shared/domain/clearsale'

/** seed 004 "Validação": the token the customer received by SMS. */
export function TokenDialog() {
  const { t } = useTranslation()
  const validate = useDataTrustStore((s) => s.validateToken)
  const result = useDataTrustStore((s) => s.tokenResult)
  const error = useDataTrustStore((s) => s.tokenError)
  const [token, setToken] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    await validate(token.trim())
    setBusy(false)
    setToken('')
  }
  return (
    <form
      className="inline-form token-dialog"
      role="dialog"
      aria-label={t('datatrust.validate')}
      onSubmit={(e) => void submit(e)}
    >
      <label htmlFor="dt-token">{t('datatrust.tokenLabel')}</label>
      <input
        id="dt-token"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={20}
        required
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('datatrust.validating') : t('datatrust.validate')}
      </button>
      {result && (
        <span
          className={result === TOKEN_STATE.valid ? 'outcome ok' : 'outcome error'}
          role="status"
          data-testid="dt-token-result"
        >
          {t(`datatrust.tokenResult.${result}`, { defaultValue: result })}
        </span>
      )}
      {error && <ErrorBanner error={error} />}
    </form>
  )
}
