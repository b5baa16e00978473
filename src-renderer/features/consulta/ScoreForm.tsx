import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { usePolicy } from '../policy/usePolicy'
import { SubmitButton } from '../../components/SubmitButton'
import { formatCpf, parseCpf } from '../../../src-shared/domain/cpf'
import { LookupOutcome } from '../../components/LookupOutcome'
import { IdentifierField } from '../../components/IdentifierField'
import { useLookupStore } from '../../stores/lookup/store'
import { ScoreGauge } from './ScoreGauge'

export function ScoreForm({ value, onValue }: { value: string; onValue(value: string): void }) {
  const { t } = useTranslation()
  const slot = useLookupStore((s) => s.score)
  const run = useLookupStore((s) => s.runScore)
  const policy = usePolicy()
  const parsed = value.trim() === '' ? null : parseCpf(value)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (parsed && !parsed.ok) return // said under the field
    void run(value)
  }

  return (
    <div className="lookup">
      <form className="lookup-form" onSubmit={submit} aria-label={t('lookup.tabs.score')}>
        <IdentifierField
          id="score-cpf"
          label={t('lookup.cpf')}
          value={value}
          onValue={onValue}
          placeholder={t('lookup.cpfPlaceholder')}
          inputMode="numeric"
          parsed={
            parsed &&
            (parsed.ok
              ? { ok: true, shown: formatCpf(parsed.cpf) }
              : { ok: false, errorKey: `errors.invalid_cpf.${parsed.reason}` })
          }
          testId="cpf-feedback"
        />
        <SubmitButton busy={slot.status === 'loading'} label={t('lookup.submit')} busyLabel={t('lookup.loading')} />
      </form>
      <LookupOutcome
        status={slot.status}
        error={slot.error}
        answered={slot.status === 'done' ? slot.result : null}
        loadingText={t('lookup.loading')}
      >
        {slot.result && <ScoreGauge result={slot.result} policy={policy} />}
      </LookupOutcome>
    </div>
  )
}
