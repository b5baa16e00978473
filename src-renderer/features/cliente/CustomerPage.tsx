import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '../../components/SubmitButton'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCustomerStore } from '../../stores/customer/store'
import { AlertsTimeline } from '../consulta/AlertsTimeline'
import { ScoreGauge } from '../consulta/ScoreGauge'
import { TransactionView } from '../datatrust/TransactionView'
import { PolicyPanel } from '../policy/PolicyPanel'
import { usePolicy } from '../policy/usePolicy'
import { VerdictCard } from './VerdictCard'
import { Personas } from '../consulta/Personas'
import { CUSTOMER_CHECKS, type CustomerCheck, type CustomerCheckId } from '../../../src-shared/contract/customer'
import { causeText } from '../../../src-shared/domain/policy'
import { useTranslate } from '../../i18n'

type Key = 'alerts' | 'score' | 'dataTrust'

/** Cliente: every signal about one person, side by side, and one verdict explained by the policy in force. */
export function CustomerPage() {
  const { t } = useTranslation()
  const tr = useTranslate()
  const s = useCustomerStore()
  const policy = usePolicy()
  const [form, setForm] = useState({ cpf: '', phone: '', email: '', cep: '' })
  const [checks, setChecks] = useState<CustomerCheckId[]>([...CUSTOMER_CHECKS])
  const result = s.result
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const input: { cpf: string; phone?: string; email?: string; cep?: string; checks: CustomerCheckId[] } = {
      cpf: form.cpf,
      checks,
    }
    for (const k of ['phone', 'email', 'cep'] as const) if (form[k].trim()) input[k] = form[k].trim()
    void s.check(input)
  }
  const toggle = (check: CustomerCheckId, on: boolean): void =>
    setChecks((c) => (on ? CUSTOMER_CHECKS.filter((x) => x === check || c.includes(x)) : c.filter((x) => x !== check)))
  const section = (key: Key, result: CustomerCheck[Key]) => (
    <section key={key} className="provider-card" data-testid={`customer-${key}`}>
      <h2>{t(`customer.providers.${key}`)}</h2>
      {result.status === 'not_asked' && <p className="muted">{t('customer.notAsked')}</p>}
      {result.status === 'not_run' && (
        <p className="warn">{t('customer.notRun', { cause: causeText(result.cause, tr) })}</p>
      )}
      {result.status === 'error' && (
        <>
          <ErrorBanner error={result.error} />
          <button
            type="button"
            onClick={() => void s.retry(key === 'dataTrust' ? 'datatrust' : key)}
            disabled={s.status === 'loading'}
            data-testid={`retry-${key}`}
          >
            {t('customer.retryOne', { provider: t(`customer.providers.${key}`) })}
          </button>
        </>
      )}
      {result.status === 'ok' && key === 'alerts' && 'events' in result.result && (
        <AlertsTimeline result={result.result} policy={policy} />
      )}
      {result.status === 'ok' && key === 'score' && 'score' in result.result && (
        <ScoreGauge result={result.result} policy={policy} />
      )}
      {result.status === 'ok' && key === 'dataTrust' && 'transaction' in result.result && (
        <TransactionView transaction={result.result.transaction} />
      )}
    </section>
  )

  return (
    <section className="page" data-testid="page-cliente">
      <h1 id="page-title">{t('nav.cliente')}</h1>
      <p className="lead">{t('pages.cliente')}</p>
      <div className="consulta">
        <form className="lookup-form" onSubmit={submit} aria-label={t('customer.check')}>
          <div className="dt-grid">
            {(['cpf', 'phone', 'email', 'cep'] as const).map((k) => (
              <label key={k} className="dt-field">
                <span>{t(`datatrust.fields.${k}`)}</span>
                <input
                  id={`customer-${k}`}
                  value={form[k]}
                  onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
                  required={k === 'cpf'}
                  autoComplete="off"
                />
              </label>
            ))}
          </div>
          <fieldset className="check-toggles">
            <legend>{t('customer.checks')}</legend>
            {CUSTOMER_CHECKS.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" checked={checks.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
                {t(`policy.checks.${c}`)}
              </label>
            ))}
          </fieldset>
          <SubmitButton
            busy={s.status === 'loading'}
            label={t('customer.check')}
            busyLabel={t('customer.checking')}
            disabled={checks.length === 0}
          />
        </form>
        <Personas
          kinds={['alerts', 'scores', 'dataTrust']}
          onPhone={(phone) => setForm((f) => ({ ...f, phone }))}
          onCpf={(cpf) => setForm((f) => ({ ...f, cpf }))}
        />
      </div>
      <details className="rules" data-testid="rules-editor">
        <summary>{t('policy.editor.open')}</summary>
        <PolicyPanel idPrefix="customer-policy" />
      </details>
      {s.status === 'error' && s.error && <ErrorBanner error={s.error} />}
      {s.status === 'loading' && (
        <ul className="plain customer-steps" data-testid="customer-steps" aria-live="polite">
          {Object.entries(s.steps).map(([check, step]) => (
            <li key={check} data-check={check} className={`step-${step}`}>
              {t(`policy.checks.${check}`)}: {t(`customer.steps.${step}`)}
            </li>
          ))}
        </ul>
      )}
      {result && (
        <div className="customer-results">
          <VerdictCard decision={result.decision} />
          <div className="provider-grid">
            {(['alerts', 'score', 'dataTrust'] as const).map((k) => section(k, result[k]))}
          </div>
        </div>
      )}
    </section>
  )
}
