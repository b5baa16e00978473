import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../src-shared/contract'
import { checkSmsTemplate, SMS_KEYS, SMS_TEXT_LIMIT } from '../../../src-shared/domain/clearsale'
import { ApiError, call } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'

type SmsType = 2 | 3 | 4

/** seed 004 "Customização de SMS" and "Envio Condicional": the template editor with live length and key checks. */
export function SmsConfigPanel() {
  const { t } = useTranslation()
  const [typeId, setTypeId] = useState<SmsType>(2)
  const [text, setText] = useState('')
  const [active, setActive] = useState(true)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [conditional, setConditional] = useState<boolean | null>(null)
  const check = checkSmsTemplate(text, typeId)
  const fail = (e: unknown): void => setError(e instanceof ApiError ? e.error : { code: 'internal', message: String(e) })

  const load = async (id: SmsType): Promise<void> => {
    try {
      const config = await call('datatrust:sms-template-get', { smsTypeId: id })
      setText(config?.Text ?? '')
      setActive(config?.Active ?? true)
      setNotice(config ? null : t('datatrust.sms.none'))
      setError(null)
    } catch (e) {
      fail(e)
    }
  }
  const save = async (): Promise<void> => {
    try {
      await call('datatrust:sms-template-set', { Text: text, Active: active, SmsTypeId: typeId })
      setNotice(t('datatrust.sms.saved'))
      setError(null)
    } catch (e) {
      fail(e)
    }
  }
  const setConditionalSending = async (enabled: boolean): Promise<void> => {
    try {
      await call('datatrust:conditional-set', { enabled })
      setConditional(enabled)
    } catch (e) {
      fail(e)
    }
  }
  useEffect(() => {
    call('datatrust:conditional-get', {}).then((c) => setConditional(c?.conditionalSmsSending ?? false), () => setConditional(null))
  }, [])

  return (
    <div className="lookup-form sms-config">
      <div className="filters">
        <label>
          {t('datatrust.sms.type')}
          <select value={typeId} onChange={(e) => setTypeId(Number(e.target.value) as SmsType)}>
            {([2, 3, 4] as const).map((id) => (
              <option key={id} value={id}>
                {id} — {t(`datatrust.sms.types.${id}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void load(typeId)}>
          {t('datatrust.sms.load')}
        </button>
      </div>
      <label htmlFor="sms-text">{t('datatrust.sms.text')}</label>
      <textarea id="sms-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <p className={check.worstCaseLength > SMS_TEXT_LIMIT ? 'field-error' : 'hint'} data-testid="sms-length">
        {t('datatrust.sms.length', { length: check.length, worst: check.worstCaseLength })}
      </p>
      {check.problems.map((p) => (
        <p key={p} className="field-error" data-testid="sms-problem">
          {t(`datatrust.sms.problems.${p}`, { keys: check.unknownKeys.join(', ') })}
        </p>
      ))}
      <div className="events">
        <span className="label">{t('datatrust.sms.keys')}</span>
        {Object.entries(SMS_KEYS).map(([key, max]) => (
          <button key={key} type="button" className="chip" title={`≤ ${max}`} onClick={() => setText((v) => `${v}${key}`)}>
            {key}
          </button>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t('datatrust.sms.active')}
      </label>
      <div className="actions">
        <button type="button" className="primary" disabled={check.problems.includes('empty') || check.problems.includes('too_long')} onClick={() => void save()}>
          {t('datatrust.sms.save')}
        </button>
      </div>
      {notice && <p className="outcome ok" role="status">{notice}</p>}
      {error && <ErrorBanner error={error} />}
      <label className="check conditional">
        <input type="checkbox" checked={conditional ?? false} disabled={conditional === null} onChange={(e) => void setConditionalSending(e.target.checked)} />
        {t('datatrust.sms.conditional')}
      </label>
    </div>
  )
}
