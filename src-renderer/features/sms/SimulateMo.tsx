import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { WireName } from '../../components/WireName'
import type { AppError } from '../../../src-shared/contract'
import { ErrorBanner } from '../../components/ErrorBanner'
import { SubTabs } from '../../components/SubTabs'
import { useMseStore } from '../../stores/mse/store'

/** Sandbox only: plays a subscriber who sends an SMS or MMS to the partner's short number. */
export function SimulateMo() {
  const { t } = useTranslation()
  const simulate = useMseStore((s) => s.simulateMo)
  const [kind, setKind] = useState<'sms' | 'mms'>('sms')
  const [anum, setAnum] = useState('1191234567')
  const [bnum, setBnum] = useState('333')
  const [text, setText] = useState('')
  const [subject, setSubject] = useState('')
  const [withImage, setWithImage] = useState(true)
  const [state, setState] = useState<{ busy: boolean; sent: boolean; error: AppError | null }>({
    busy: false,
    sent: false,
    error: null,
  })
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setState({ busy: true, sent: false, error: null })
    const error = await simulate({
      kind,
      anum: anum.replace(/\D/g, ''),
      bnum,
      text,
      ...(kind === 'mms' ? { subject, withImage } : {}),
    })
    setState({ busy: false, sent: !error, error })
  }
  return (
    <form className="lookup-form card" onSubmit={(e) => void submit(e)} data-testid="simulate-mo">
      <h3>{t('sms.simulate')}</h3>
      <p className="muted">{t('sms.simulateHint')}</p>
      <SubTabs views={['sms', 'mms'] as const} current={kind} onChange={setKind} label={(k) => k.toUpperCase()} />
      <div className="field">
        <label htmlFor="mo-anum">
          <WireName words={t('sms.moFrom')} wire="ANUM" />
        </label>
        <input id="mo-anum" value={anum} onChange={(e) => setAnum(e.target.value)} inputMode="tel" />
      </div>
      <div className="field">
        <label htmlFor="mo-bnum">
          <WireName words={t('sms.moTo')} wire="BNUM" />
        </label>
        <input id="mo-bnum" value={bnum} onChange={(e) => setBnum(e.target.value)} inputMode="numeric" />
      </div>
      {kind === 'mms' && (
        <div className="field">
          <label htmlFor="mo-subject">{t('sms.subject')}</label>
          <input id="mo-subject" value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={100} />
        </div>
      )}
      <div className="field">
        <label htmlFor="mo-text">{t('sms.text')}</label>
        <textarea
          id="mo-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={2}
          maxLength={1000}
          required
        />
      </div>
      {kind === 'mms' && (
        <label className="inline">
          <input type="checkbox" checked={withImage} onChange={(e) => setWithImage(e.target.checked)} />{' '}
          {t('sms.withImage')}
        </label>
      )}
      <div className="actions">
        <button type="submit" disabled={state.busy}>
          {t('sms.sendMo')}
        </button>
        {state.sent && (
          <span className="outcome ok" role="status">
            {t('sms.moSent')}
          </span>
        )}
      </div>
      {state.error && <ErrorBanner error={state.error} />}
    </form>
  )
}
