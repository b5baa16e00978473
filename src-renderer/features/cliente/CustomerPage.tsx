import { useEffect, useRef, useState, type FormEvent } from 'react'
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
import { useFormats } from '../../i18n/formats'
import { customerDossier } from '../../../src-shared/domain/dossier'
import { usePrintStore } from '../../stores/print/store'
import { useCasesStore } from '../../stores/cases/store'
import { useNavStore } from '../../stores/nav/store'
import { useDossierContext } from '../casos/dossier'

type Key = 'alerts' | 'score' | 'dataTrust'

/** Cliente: every signal about one person, side by side, and one verdict explained by the policy in force. */
export function CustomerPage() {
  const { t } = useTranslation()
  const tr = useTranslate()
  const fmt = useFormats()
  const dossier = useDossierContext()
  const go = useNavStore((n) => n.go)
  const openCase = (id: number): void => {
    void useCasesStore.getState().openCase(id)
    go('casos')
  }
  const s = useCustomerStore()
  const policy = usePolicy()
  const [form, setForm] = useState({ cpf: '', phone: '', email: '', cep: '' })
  const [checks, setChecks] = useState<CustomerCheckId[]>([...CUSTOMER_CHECKS])
  const result = s.result
  const run = (person: typeof form): void => {
    const input: { cpf: string; phone?: string; email?: string; cep?: string; checks: CustomerCheckId[] } = {
      cpf: person.cpf,
      checks,
    }
    for (const k of ['phone', 'email', 'cep'] as const) if (person[k].trim()) input[k] = person[k].trim()
    void s.check(input)
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    run(form)
  }
  // Identifiers handed over from Casos, Lote, Monitoramento or Histórico (issue #22): filled, and checked at once for
  // "Consultar de novo". Each hand-over is taken once (its nonce).
  const taken = useRef(0)
  const prefill = s.prefill
  useEffect(() => {
    if (!prefill || prefill.nonce === taken.current) return
    taken.current = prefill.nonce
    const person = { ...prefill.person }
    setForm(person)
    if (prefill.run) run(person)
    // `run` reads the checks of this render; a hand-over is acted on once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prefill])
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
        <>
          {result.result.reused && (
            <p className="hint" data-testid="datatrust-reused">
              {t('customer.reused', { id: result.result.reused.id, at: fmt.dateTime(result.result.reused.at) })}{' '}
              <button
                type="button"
                className="link"
                disabled={s.status === 'loading'}
                onClick={() => void s.newTransaction()}
              >
                {t('customer.newTransaction')}
              </button>
            </p>
          )}
          <TransactionView transaction={result.result.transaction} />
        </>
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
          <div className="actions">
            {result.caseId !== null && (
              <button type="button" onClick={() => openCase(result.caseId ?? 0)} data-testid="customer-case">
                {t('customer.openCase', { id: result.caseId })}
              </button>
            )}
            <button
              type="button"
              onClick={() =>
                void usePrintStore
                  .getState()
                  .print(customerDossier(result, s.last ?? { cpf: form.cpf }, dossier()), 'sentinela-cliente.pdf')
              }
            >
              {t('cases.dossier')}
            </button>
          </div>
          <div className="provider-grid">
            {(['alerts', 'score', 'dataTrust'] as const).map((k) => section(k, result[k]))}
          </div>
        </div>
      )}
    </section>
  )
}
