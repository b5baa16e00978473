import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStatusStore } from '../../stores/status/store'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAppStore } from '../../stores/app/store'
import { NumberSetting } from './NumberSetting'

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/

/**
 * The callback listener's address (loopback by default), what it is doing now, what it refused, and what to fix.
 * An address off loopback is applied only after the analyst confirms exposing it (README: a TLS reverse proxy).
 */
export function CallbackSettings() {
  const { t } = useTranslation()
  const settings = useAppStore((s) => s.settings)
  const update = useAppStore((s) => s.updateSettings)
  const status = useStatusStore((s) => s.callbacks)
  const failure = useStatusStore((s) => s.error)
  const [address, setAddress] = useState<string | null>(null)
  const [exposing, setExposing] = useState<string | null>(null)
  useEffect(() => {
    void useStatusStore.getState().loadCallbacks()
  }, [settings?.callbacks.bindAddress, settings?.callbacks.port])
  if (!settings) return null
  const shown = address ?? settings.callbacks.bindAddress
  const commit = (): void => {
    const next = address?.trim()
    setAddress(null)
    if (!next || next === settings.callbacks.bindAddress) return
    if (LOOPBACK.test(next)) void update({ callbacks: { bindAddress: next } })
    else setExposing(next)
  }
  const refused = Object.entries(status?.refused ?? {})
  return (
    <>
      <h2 className="section-title">{t('settings.callbacksTitle')}</h2>
      {failure && <ErrorBanner error={failure} />}
      <div className="form-grid">
        <label htmlFor="callbacks-address">{t('settings.callbacksAddress')}</label>
        <div>
          <input
            id="callbacks-address"
            value={exposing ?? shown}
            onChange={(e) => setAddress(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
            spellCheck={false}
          />
          <p className="hint">{t('settings.callbacksAddressHint')}</p>
          {exposing && (
            <div
              className="confirm"
              role="alertdialog"
              aria-label={t('settings.callbacksExposeTitle')}
              data-testid="callbacks-expose"
            >
              <p>{t('settings.callbacksExpose', { address: exposing })}</p>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void update({ callbacks: { bindAddress: exposing, exposeConfirmed: true } }).then(() =>
                    setExposing(null),
                  )
                }
              >
                {t('settings.callbacksExposeConfirm', { address: exposing })}
              </button>
              <button type="button" onClick={() => setExposing(null)}>
                {t('credentials.cancel')}
              </button>
            </div>
          )}
        </div>
        <NumberSetting
          id="callbacks-port"
          label={t('settings.callbacksPort')}
          value={settings.callbacks.port}
          min={0}
          max={65535}
          onCommit={(v) => void update({ callbacks: { port: v } })}
        />
        <span className="label">{t('settings.callbacksStatus')}</span>
        <div>
          <p className={status?.error ? 'field-error' : 'mono'} data-testid="callbacks-status">
            {status?.listening
              ? status.url
              : status?.error
                ? t('errors.callbacks_unavailable', { address: status.error, errno: status.errno ?? 'other' })
                : t('settings.callbacksOff')}
          </p>
          {(status?.warnings ?? []).map((w) => (
            <p key={w} className="warn" data-testid={`callbacks-warning-${w}`}>
              {t(`settings.callbacksWarnings.${w}`)}
            </p>
          ))}
          {refused.length > 0 && (
            <p className="hint" data-testid="callbacks-refused">
              {t('settings.callbacksRefused', {
                list: refused.map(([reason, n]) => `${t(`settings.callbacksReasons.${reason}`)}: ${n}`).join(' · '),
              })}
            </p>
          )}
        </div>
      </div>
    </>
  )
}
