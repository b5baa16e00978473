import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { normaliseCtn } from '../../../src-shared/domain/mse-validate'

/** SYS_CHARGE_SUBSCRIB (seed 003 §6.4.9) charges a subscriber: the number is typed again before anything is sent. */
export function ChargeConfirm({
  ctn,
  onConfirm,
  onCancel,
}: {
  ctn: string
  onConfirm(typed: string): void
  onCancel(): void
}) {
  const { t } = useTranslation()
  const [typed, setTyped] = useState('')
  const digits = normaliseCtn(typed)
  const matches = digits === ctn
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (matches) onConfirm(digits)
  }
  return (
    <form
      className="card confirm-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="charge-title"
      onSubmit={submit}
      data-testid="charge-confirm"
    >
      <h2 id="charge-title">{t('mse.charge.confirmTitle')}</h2>
      <p>{t('mse.charge.confirmText', { ctn })}</p>
      <div className="field">
        <label htmlFor="charge-typed">{t('mse.charge.confirmLabel')}</label>
        <div>
          <input
            id="charge-typed"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            inputMode="tel"
            autoComplete="off"
            autoFocus
          />
          {typed && !matches && <p className="field-error">{t('mse.charge.mismatch', { ctn })}</p>}
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="danger" disabled={!matches}>
          {t('mse.charge.confirm', { ctn })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('mse.charge.cancel')}
        </button>
      </div>
    </form>
  )
}
