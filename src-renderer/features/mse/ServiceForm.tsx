import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MseCallResult } from '../../../src-shared/contract/mse'
import { defaultMode, MSE_SERVICES, type MseMode, type ServiceSpec } from '../../../src-shared/domain/mse-services'
import { conditionalWarnings, normaliseParams, validateParams } from '../../../src-shared/domain/mse-validate'
import { LookupOutcome } from '../../components/LookupOutcome'
import { SubmitButton } from '../../components/SubmitButton'
import { useAppStore } from '../../stores/app/store'
import { selectOutcome, useMseStore } from '../../stores/mse/store'
import { ChargeConfirm } from './ChargeConfirm'
import { MseResult } from './MseResult'
import { ParamField } from './ParamField'
import { ResendPrompt } from '../../components/ResendPrompt'
import type { RequestOf } from '../../../src-shared/contract'

interface Props {
  form: string
  /** The services this form offers (seed 003 §6.4), first one selected. */
  services: readonly string[]
  /** Extra line under a field (IMEI check digit and TAC, …). */
  hint?: (param: string, value: string) => ReactNode
  /** Optional parameters folded into named groups (GERAR_PROTOCOLO's long list). */
  groups?: Readonly<Record<string, readonly string[]>>
  /** What to draw under the outputs of a successful answer (the LBS map, …). */
  extra?: (result: MseCallResult) => ReactNode
  /** The mode selected at first, when the service accepts it. */
  initialMode?: MseMode
}

const spec = (name: string): ServiceSpec => {
  const s = MSE_SERVICES.get(name)
  if (!s) throw new Error(`unknown MSE service ${name}`)
  return s
}

/** A form drawn from the service table: the fields, limits and modes the seed declares, checked as you type. */
export function ServiceForm({ form, services, hint, groups, extra, initialMode }: Props) {
  const { t } = useTranslation()
  const environment = useAppStore((s) => s.info?.environment ?? 'sandbox')
  const outcome = useMseStore(selectOutcome(form))
  const send = useMseStore((s) => s.send)
  const [serviceName, setServiceName] = useState(services[0] ?? '')
  const service = spec(serviceName)
  const [mode, setMode] = useState<MseMode>(
    initialMode && service.modes.includes(initialMode) ? initialMode : defaultMode(service),
  )
  const [values, setValues] = useState<Record<string, string>>({})
  const [last, setLast] = useState<RequestOf<'mse:call'> | null>(null)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [tried, setTried] = useState(false)
  const [choice, setChoice] = useState(service.exactlyOneOf?.[0] ?? '')
  const [confirming, setConfirming] = useState(false)

  const chosen = Object.fromEntries(
    Object.entries(values).filter(
      ([k, v]) =>
        v !== '' && service.inputs.some((i) => i.name === k) && (!service.exactlyOneOf?.includes(k) || k === choice),
    ),
  )
  const params = normaliseParams(service, chosen)
  const problems = validateParams(service, params)
  const warnings = conditionalWarnings(service, params)
  const problemOf = (name: string) => (tried || touched.has(name) ? problems.find((p) => p.param === name) : undefined)
  const grouped = new Set(Object.values(groups ?? {}).flat())

  const pickService = (name: string): void => {
    const next = spec(name)
    setServiceName(name)
    if (!next.modes.includes(mode)) setMode(defaultMode(next))
  }
  const field = (name: string) => {
    const s = service.inputs.find((i) => i.name === name)
    if (!s) return null
    const value = values[name] ?? ''
    return (
      <ParamField
        key={name}
        spec={s}
        value={value}
        problem={problemOf(name)}
        hint={hint?.(name, params[name] ?? value)}
        onValue={(v) => {
          setValues({ ...values, [name]: v })
          setTouched(new Set(touched).add(name))
        }}
      />
    )
  }
  const dispatch = (confirmCharge?: string): void => {
    setConfirming(false)
    const input = { service: service.name, mode, params, ...(confirmCharge ? { confirmCharge } : {}) }
    setLast(input)
    void send(form, input)
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setTried(true)
    if (problems.length > 0) return
    if (service.charges) setConfirming(true)
    else dispatch()
  }

  const required = service.inputs.filter((i) => i.required).map((i) => i.name)
  const loose = service.inputs
    .filter((i) => !i.required && !grouped.has(i.name) && !service.exactlyOneOf?.includes(i.name))
    .map((i) => i.name)
  const sent = outcome.result?.service === service.name ? outcome.result : null
  // A service answered only in async-delivery (§6.4.12/§6.4.17): its outputs arrive later, by transaction id.
  const delivered = useMseStore((s) => (sent?.transactionId ? s.answers[sent.transactionId] : undefined))
  const awaiting =
    sent !== null && sent.mode === 'async-delivery' && service.outputs.length > 0 && sent.statusCode === 0
  const result =
    sent && awaiting && delivered
      ? {
          ...sent,
          statusCode: delivered.statusCode,
          parameters: delivered.parameters,
          ...(delivered.errorMessage ? { errorMessage: delivered.errorMessage } : {}),
        }
      : sent

  return (
    <>
      <form className="lookup-form" onSubmit={submit} noValidate data-testid={`mse-form-${form}`}>
        {services.length > 1 && (
          <div className="field">
            <label htmlFor={`${form}-service`}>{t('mse.service')}</label>
            <select id={`${form}-service`} value={serviceName} onChange={(e) => pickService(e.target.value)}>
              {services.map((s) => (
                <option key={s} value={s}>
                  {t(`wire.service.${s}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <p className="hint" data-testid="mse-wire-service">
          {t('mse.wireService')} <code>{service.name}</code> <code>seed 003 §{service.section}</code>
        </p>
        <div className="field">
          <label htmlFor={`${form}-mode`}>{t('mse.mode')}</label>
          <select
            id={`${form}-mode`}
            value={mode}
            onChange={(e) => setMode(e.target.value as MseMode)}
            disabled={service.modes.length === 1}
          >
            {service.modes.map((m) => (
              <option key={m} value={m}>
                {t(`mse.modes.${m}`)}
              </option>
            ))}
          </select>
        </div>
        {required.map(field)}
        {service.exactlyOneOf && (
          <fieldset className="field choice" data-testid="exactly-one">
            <legend>{t('mse.offers.by')}</legend>
            <div>
              {service.exactlyOneOf.map((name) => (
                <label key={name} className="inline">
                  <input
                    type="radio"
                    name={`${form}-choice`}
                    checked={choice === name}
                    onChange={() => setChoice(name)}
                  />{' '}
                  {t(`mse.offers.${name}`, { defaultValue: name })}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {service.exactlyOneOf && field(choice)}
        {loose.map(field)}
        {Object.entries(groups ?? {}).map(([group, names]) => {
          const filled = names.filter((n) => values[n]).length
          return (
            <details key={group} className="param-group" data-group={group}>
              <summary>
                {t(`mse.protocol.groups.${group}`, { defaultValue: group })}{' '}
                <span className="muted">
                  {filled > 0 ? `· ${t('mse.protocol.optionalCount', { count: filled })}` : ''}
                </span>
              </summary>
              {names.map(field)}
            </details>
          )
        })}
        {warnings.map((w) => (
          <p key={w.param} className="problem-warning conditional" role="note">
            {t('mse.conditional', w)}
          </p>
        ))}
        {problems.some((p) => p.problem === 'exactly_one') && tried && (
          <p className="field-error">{t('mse.problems.exactly_one')}</p>
        )}
        <SubmitButton busy={outcome.status === 'loading'} label={t('mse.send')} busyLabel={t('mse.sending')} />
      </form>
      <ResendPrompt error={outcome.error} onResend={() => last && void send(form, { ...last, resend: true })} />
      {confirming && (
        <ChargeConfirm ctn={params['CTN'] ?? ''} onConfirm={dispatch} onCancel={() => setConfirming(false)} />
      )}
      <LookupOutcome
        status={outcome.status}
        error={outcome.error}
        answered={result ? { environment, raw: result.raw } : null}
        loadingText={t('mse.sending')}
      >
        {awaiting && !delivered && (
          <p className="hint" role="status" data-testid="mse-awaiting">
            {t('mse.awaitingDelivery', { id: sent.transactionId ?? '' })}
          </p>
        )}
        {result && <MseResult result={result}>{extra?.(result)}</MseResult>}
      </LookupOutcome>
    </>
  )
}
