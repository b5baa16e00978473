import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { WireName } from '../../components/WireName'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAppStore } from '../../stores/app/store'
import { useUssdStore } from '../../stores/ussd/store'
import { Handset } from './Handset'
import { ScriptList } from './ScriptList'

/** §6.4.21–23: drive a partner USSD application as MSE would, from an emulated phone; record and replay. */
export function AppTester() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const s = useUssdStore()
  const sandbox = useAppStore((st) => st.info?.environment === 'sandbox')
  const [name, setName] = useState('')
  const { loadDemo, loadScripts } = s
  useEffect(() => {
    if (sandbox) void loadDemo()
    void loadScripts()
  }, [sandbox, loadDemo, loadScripts])
  const time = (iso: string) => fmt.time(iso)
  const page = s.screen.command?.kind === 'menu' ? t('ussd.pageOf', { n: s.screen.page + 1 }) : undefined
  return (
    <div className="ussd-console">
      <div className="lookup">
        <div className="lookup-form">
          <div className="field">
            <label htmlFor="app-url">{t('ussd.appUrl')}</label>
            <input
              id="app-url"
              value={s.appUrl}
              onChange={(e) => s.setApp(e.target.value)}
              placeholder="http://127.0.0.1:8080/ussd"
            />
          </div>
          <div className="field">
            <label htmlFor="app-msisdn">
              <WireName words={t('ussd.target.msisdn')} wire="msisdn" />
            </label>
            <input
              id="app-msisdn"
              value={s.subscriber}
              onChange={(e) => s.setApp(s.appUrl, e.target.value)}
              inputMode="tel"
            />
          </div>
          <div className="field">
            <label htmlFor="app-session-owner">
              <WireName words={t('ussd.target.sessionOwner')} wire="session_owner" />{' '}
              <span className="muted">({t('mse.optional')})</span>
            </label>
            <input
              id="app-session-owner"
              value={s.sessionOwner}
              onChange={(e) => s.setApp(s.appUrl, undefined, e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="app-timeout">{t('ussd.timeout')}</label>
            <input
              id="app-timeout"
              type="number"
              min={100}
              max={60000}
              step={100}
              value={s.appTimeoutMs}
              onChange={(e) => s.setAppTimeout(Math.min(60_000, Math.max(100, Number(e.target.value) || 10_000)))}
            />
          </div>
          {sandbox && s.demo && (
            <div className="field">
              <span className="label">{t('ussd.demo')}</span>
              <div>
                <button type="button" className="link" onClick={() => s.setApp(s.demo?.url ?? '')}>
                  {t('ussd.useDemo')}
                </button>{' '}
                <span className="muted">{t('ussd.demoVariant')}</span>{' '}
                {(['a', 'b'] as const).map((v) => (
                  <label key={v} className="inline">
                    <input
                      type="radio"
                      name="demo-variant"
                      checked={s.demo?.variant === v}
                      onChange={() => void s.loadDemo(v)}
                    />{' '}
                    {v.toUpperCase()}
                  </label>
                ))}
              </div>
            </div>
          )}
          <p className="muted">{t('ussd.dialHint')}</p>
        </div>
        {s.error && <ErrorBanner error={s.error} />}
        <h2>{t('ussd.sessionLog')}</h2>
        {s.log.length === 0 ? (
          <p className="muted">{t('ussd.noLog')}</p>
        ) : (
          <ol className="session-log" data-testid="session-log">
            {s.log.map((ex, i) => (
              <li key={i} className={ex.error ? 'log-error' : undefined}>
                <div className="message-head">
                  <span>
                    <span className="mono">
                      {/<(user_init|index|input)>([^<]*)</.exec(ex.request)?.slice(1).join(' ') ?? ''}
                    </span>{' '}
                    · {time(ex.at)} · {ex.status === null ? '—' : `HTTP ${ex.status}`} · {ex.durationMs} ms
                  </span>
                  {ex.error && <span className="warn">{ex.error}</span>}
                </div>
                <details>
                  <summary>{t('ussd.xmlBoth')}</summary>
                  <p className="muted">MSE → app</p>
                  <pre className="mono">{ex.request}</pre>
                  <p className="muted">app → MSE</p>
                  <pre className="mono">{ex.response ?? '—'}</pre>
                </details>
              </li>
            ))}
          </ol>
        )}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (name.trim()) void s.saveScript(name.trim()).then(() => setName(''))
          }}
        >
          <label htmlFor="script-name">{t('ussd.scriptName')}</label>
          <input id="script-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
          <button type="submit" disabled={s.recording.length === 0 || !name.trim()}>
            {t('ussd.saveScript', { count: s.recording.length })}
          </button>
        </form>
        <ScriptList />
      </div>
      <div className="ussd-side">
        <h2>{t('ussd.phone')}</h2>
        <Handset
          testId="app-handset"
          screen={s.screen.text}
          status={page}
          ended={s.screen.ended}
          busy={s.busy}
          onSend={(entry) => void s.press(entry)}
        />
      </div>
    </div>
  )
}
