import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '../../components/SubmitButton'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAppStore } from '../../stores/app/store'
import { useCustomerStore } from '../../stores/customer/store'
import { AlertsTimeline } from '../consulta/AlertsTimeline'
import { ScoreGauge } from '../consulta/ScoreGauge'
import { TransactionView } from '../datatrust/TransactionView'
import { RulesEditor } from './RulesEditor'
import { VerdictCard } from './VerdictCard'
import type { CustomerCheck } from '../../../src-shared/contract/customer'

type Key = 'alerts' | 'score' | 'dataTrust'

/** Cliente: every signal about one person, side by side, and one explained verdict. */
export function CustomerPage() {
  const { t } = useTranslation()
  const s = useCustomerStore()
  const settings = useAppStore((st) => st.settings)
  const [form, setForm] = useState({ cpf: '', phone: '', email: '', cep: '' })
  const result = s.result
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const input: { cpf: string; phone?: string; email?: string; cep?: string } = { cpf: form.cpf }
    for (const k of ['phone', 'email', 'cep'] as const) if (form[k].trim()) input[k] = form[k].trim()
    void s.check(input)
  }
  const section = (key: Key, result: CustomerCheck[Key]) => (
    <section key={key} className="provider-card" data-testid={`customer-${key}`}>
      <h2>{t(`customer.providers.${key}`)}</h2>
      {result.status === 'skipped' && <p className="muted">{t(`customer.skipped.${result.reason}`)}</p>}
      {result.status === 'error' && <ErrorBanner error={result.error} />}
      {result.status === 'ok' && key === 'alerts' && 'events' in result.result && <AlertsTimeline result={result.result} windowDays={settings?.riskWindowDays ?? 7} />}
      {result.status === 'ok' && key === 'score' && 'score' in result.result && <ScoreGauge result={result.result} threshold={settings?.scoreThreshold ?? 500} />}
      {result.status === 'ok' && key === 'dataTrust' && 'transaction' in result.result && <TransactionView transaction={result.result.transaction} />}
    </section>
  )

  return (
    <section className="page" data-testid="page-cliente">
      <h1 id="page-title">{t('nav.cliente')}</h1>
      <p className="lead">{t('pages.cliente')}</p>
      <form className="lookup-form" onSubmit={submit} aria-label={t('customer.check')}>
        <div className="dt-grid">
          {(['cpf', 'phone', 'email', 'cep'] as const).map((k) => (
            <label key={k} className="dt-field">
              <span>{t(`datatrust.fields.${k}`)}</span>
              <input id={`customer-${k}`} value={form[k]} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} required={k === 'cpf'} autoComplete="off" />
            </label>
          ))}
        </div>
        <SubmitButton busy={s.status === 'loading'} label={t('customer.check')} busyLabel={t('customer.checking')} />
      </form>
      <RulesEditor />
      {s.status === 'error' && s.error && <ErrorBanner error={s.error} />}
      {result && (
        <div className="customer-results">
          <VerdictCard verdict={result.verdict} />
          <div className="provider-grid">{(['alerts', 'score', 'dataTrust'] as const).map((k) => section(k, result[k]))}</div>
        </div>
      )}
    </section>
  )
}
