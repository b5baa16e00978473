import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCpf, parseCpf } from '../../../src-shared/domain/cpf'
import { useAppStore } from '../../stores/app/store'
import { LookupOutcome } from '../../components/LookupOutcome'
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
      <LookupOutcome status={slot.status} error={slot.error} answered={slot.status === 'done' ? slot.result : null} loadingText={t('lookup.loading')}>
        {slot.result && <ScoreGauge result={slot.result} threshold={threshold} />}
      </LookupOutcome>
    </div>
  )
}
