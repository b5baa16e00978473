import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCpf, parseCpf } from '../../../src-shared/domain/cpf'
import { ErrorBanner } from '../../components/ErrorBanner'
import { RawAnswer, rawOf } from '../../components/RawAnswer'
import { useAppStore } from '../../stores/app/store'
import { useLookupStore } from '../../stores/lookup/store'
import { ScoreGauge } from './ScoreGauge'

export function ScoreForm({ value, onValue }: { value: string; onValue(value: string): void }) {
  const { t } = useTranslation()
  const slot = useLookupStore((s) => s.score)
  const run = useLookupStore((s) => s.runScore)
  const threshold = useAppStore((s) => s.settings?.scoreThreshold ?? 500)
  const parsed = value.trim() === '' ? null : parseCpf(value)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(value)
  }
  const errorRaw = slot.error ? rawOf(slot.error.detail) : null

  return (
    <div className="lookup">
      <form className="lookup-form" onSubmit={submit} aria-label={t('lookup.tabs.score')}>
        <div className="field">
          <label htmlFor="score-cpf">{t('lookup.cpf')}</label>
          <div>
            <input id="score-cpf" value={value} onChange={(e) => onValue(e.target.value)} placeholder={t('lookup.cpfPlaceholder')} inputMode="numeric" autoComplete="off" />
            {parsed && (
              <p className={parsed.ok ? 'hint' : 'field-error'} data-testid="cpf-feedback">
                {parsed.ok ? t('lookup.normalized', { value: formatCpf(parsed.cpf) }) : t(`errors.invalid_cpf.${parsed.reason}`)}
              </p>
            )}
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={slot.status === 'loading'}>
            {slot.status === 'loading' ? t('lookup.loading') : t('lookup.submit')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {slot.status === 'loading' && <p className="muted">{t('lookup.loading')}</p>}
        {slot.status === 'error' && slot.error && (
          <>
            <ErrorBanner error={slot.error} />
            {errorRaw && <RawAnswer raw={errorRaw} />}
          </>
        )}
        {slot.status === 'done' && slot.result && (
          <>
            {slot.result.environment === 'sandbox' && <p className="simulated">{t('lookup.simulated')}</p>}
            <ScoreGauge result={slot.result} threshold={threshold} />
            <RawAnswer raw={slot.result.raw} />
          </>
        )}
      </div>
    </div>
  )
}
