import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkSmsTemplate, SMS_KEYS, SMS_TEXT_LIMIT } from '../../../src-shared/domain/clearsale'
import { useDataTrustConfig } from '../../stores/datatrust/config'
import { ErrorBanner } from '../../components/ErrorBanner'

type SmsType = 2 | 3 | 4

/** seed 004 "Customização de SMS" and "Envio Condicional": the template editor with live length and key checks. */
export function SmsConfigPanel() {
  const { t } = useTranslation()
  const [typeId, setTypeId] = useState<SmsType>(2)
  const [text, setText] = useState('')
  const [active, setActive] = useState(true)
  const [notice, setNotice] = useState<string | null>(null)
  const error = useDataTrustConfig((s) => s.smsError)
  const conditional = useDataTrustConfig((s) => s.conditional)
  const store = useDataTrustConfig.getState()
  const check = checkSmsTemplate(text, typeId)

  const load = async (id: SmsType): Promise<void> => {
    const config = await store.loadTemplate(id)
    if (config === undefined) return
    setText(config?.Text ?? '')
    setActive(config?.Active ?? true)
    setNotice(config ? null : t('datatrust.sms.none'))
  }
  const save = async (): Promise<void> => {
    if (await store.saveTemplate({ Text: text, Active: active, SmsTypeId: typeId })) setNotice(t('datatrust.sms.saved'))
  }
  useEffect(() => {
    void useDataTrustConfig.getState().loadConditional()
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
          <button
            key={key}
            type="button"
            className="chip"
            title={`≤ ${max}`}
            onClick={() => setText((v) => `${v}${key}`)}
          >
            {key}
          </button>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t('datatrust.sms.active')}
      </label>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={check.problems.includes('empty') || check.problems.includes('too_long')}
          onClick={() => void save()}
        >
          {t('datatrust.sms.save')}
        </button>
      </div>
      {notice && (
        <p className="outcome ok" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorBanner error={error} />}
      <label className="check conditional">
        <input
          type="checkbox"
          checked={conditional ?? false}
          disabled={conditional === null}
          onChange={(e) => void store.setConditional(e.target.checked)}
        />
        {t('datatrust.sms.conditional')}
      </label>
    </div>
  )
}
