import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '../../components/SubmitButton'
import type { DataTrustSend } from '../../../src-shared/contract/datatrust'
import { useDataTrustStore } from '../../stores/datatrust/store'
import { WireName } from '../../components/WireName'

/** seed 004 dictionary: Transaction, Address and Additional Information fields, as the form offers them. */
const TEXT_FIELDS = [
  'cpf',
  'phone',
  'email',
  'cep',
  'street',
  'number',
  'complement',
  'district',
  'city',
  'state',
  'country',
  'customerName',
  'item',
  'price',
  'transaction',
  'other',
  'referenceDate',
] as const
type Fields = Record<(typeof TEXT_FIELDS)[number] | 'sessionId', string>
const EMPTY: Fields = Object.fromEntries([...TEXT_FIELDS, 'sessionId'].map((k) => [k, ''])) as Fields
const FLAGS = ['verifiedPhone', 'verifiedEmail', 'physicalDelivery'] as const

/** seed 004 transaction: CPF, phone (split by the core into AreaCode + Phone), e-mail, address, Type, SendOption. */
export function TransactionForm({ prefill }: { prefill?: Partial<Fields> }) {
  const { t } = useTranslation()
  const send = useDataTrustStore((s) => s.send)
  const busy = useDataTrustStore((s) => s.status === 'loading')
  const [fields, setFields] = useState<Fields>({ ...EMPTY, ...prefill })
  const [type, setType] = useState<1 | 2>(1)
  const [options, setOptions] = useState<(1 | 2 | 3 | 4)[]>([])
  const [flags, setFlags] = useState<Record<(typeof FLAGS)[number], boolean>>({
    verifiedPhone: false,
    verifiedEmail: false,
    physicalDelivery: false,
  })
  const set = (name: keyof Fields, value: string): void => setFields((f) => ({ ...f, [name]: value }))
  // A persona picked beside the form fills its fields (adjusting state while rendering, as React recommends).
  const picked = useDataTrustStore((s) => s.prefill)
  const [adopted, setAdopted] = useState(picked)
  if (picked !== adopted) {
    setAdopted(picked)
    if (picked) setFields((f) => ({ ...f, ...picked }))
  }
  const toggle = (o: 1 | 2 | 3 | 4): void =>
    setOptions((prev) => (prev.includes(o) ? prev.filter((x) => x !== o) : [...prev, o]))

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const input: DataTrustSend = { cpf: fields.cpf, type, sendOptions: options }
    for (const name of [...TEXT_FIELDS, 'sessionId'] as const) {
      const value = fields[name].trim()
      if (value && name !== 'cpf') (input as Record<string, unknown>)[name] = value
    }
    for (const flag of FLAGS) if (flags[flag]) input[flag] = true
    void send(input)
  }

  return (
    <form className="lookup-form dt-form" onSubmit={submit} aria-label={t('datatrust.views.transaction')}>
      <div className="dt-grid">
        {TEXT_FIELDS.map((name) => (
          <label key={name} className={`dt-field dt-${name}`}>
            <span>{t(`datatrust.fields.${name}`)}</span>
            <input
              id={`dt-${name}`}
              value={fields[name]}
              onChange={(e) => set(name, e.target.value)}
              autoComplete="off"
              spellCheck={false}
              required={name === 'cpf'}
            />
          </label>
        ))}
      </div>
      <div className="field">
        <span className="label">{t('datatrust.fields.type')}</span>
        <div className="events" role="radiogroup" aria-label={t('datatrust.fields.type')}>
          {([1, 2] as const).map((v) => (
            <label key={v} className="check">
              <input type="radio" name="dt-type" checked={type === v} onChange={() => setType(v)} />
              {t(`datatrust.types.${v}`)}
            </label>
          ))}
          {type === 2 && (
            <div className="dt-field session-id">
              <label htmlFor="dt-sessionId">
                <WireName words={t('datatrust.fields.sessionId')} wire="SessionID" />
              </label>
              <input
                id="dt-sessionId"
                value={fields.sessionId}
                onChange={(e) => set('sessionId', e.target.value)}
                aria-describedby="dt-sessionId-hint"
                required
              />
              <p className="hint" id="dt-sessionId-hint">
                {t('datatrust.sessionIdHint')}
              </p>
            </div>
          )}
        </div>
      </div>
      <div className="field">
        <span className="label">{t('datatrust.flags.title')}</span>
        <div className="events">
          {FLAGS.map((flag) => (
            <label key={flag} className="check">
              <input
                type="checkbox"
                checked={flags[flag]}
                onChange={(e) => setFlags((f) => ({ ...f, [flag]: e.target.checked }))}
              />
              {t(`datatrust.flags.${flag}`)}
            </label>
          ))}
        </div>
      </div>
      <div className="field">
        <span className="label">{t('datatrust.sendOptions.title')}</span>
        <div className="events">
          {([1, 2, 3, 4] as const).map((o) => (
            <label key={o} className="check">
              <input type="checkbox" checked={options.includes(o)} onChange={() => toggle(o)} />
              {t(`datatrust.sendOptions.${o}`)}
            </label>
          ))}
        </div>
      </div>
      <SubmitButton busy={busy} label={t('datatrust.send')} busyLabel={t('datatrust.sending')} />
    </form>
  )
}
