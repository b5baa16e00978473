import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useAppStore } from '../../stores/app/store'
import { NumberSetting } from './NumberSetting'

/** The callback listener's address (loopback by default) and what it is doing now. */
export function CallbackSettings() {
  const { t } = useTranslation()
  const settings = useAppStore((s) => s.settings)
  const update = useAppStore((s) => s.updateSettings)
  const [status, setStatus] = useState<{ listening: boolean; url: string | null; error: string | null } | null>(null)
  const [address, setAddress] = useState<string | null>(null)
  useEffect(() => {
    call('callbacks:status', {}).then(setStatus, () => setStatus(null))
  }, [settings?.callbacks.bindAddress, settings?.callbacks.port])
  if (!settings) return null
  const shown = address ?? settings.callbacks.bindAddress
  const commit = (): void => {
    if (address !== null && address.trim() && address.trim() !== settings.callbacks.bindAddress) void update({ callbacks: { bindAddress: address.trim() } })
    setAddress(null)
  }
  return (
    <>
      <h2 className="section-title">{t('settings.callbacksTitle')}</h2>
      <div className="form-grid">
        <label htmlFor="callbacks-address">{t('settings.callbacksAddress')}</label>
        <div>
          <input id="callbacks-address" value={shown} onChange={(e) => setAddress(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} spellCheck={false} />
          <p className="hint">{t('settings.callbacksAddressHint')}</p>
        </div>
        <NumberSetting id="callbacks-port" label={t('settings.callbacksPort')} value={settings.callbacks.port} min={0} max={65535} onCommit={(v) => void update({ callbacks: { port: v } })} />
        <span className="label">{t('settings.callbacksStatus')}</span>
        <p className={status?.error ? 'field-error' : 'mono'} data-testid="callbacks-status">
          {status?.listening ? status.url : (status?.error ?? t('settings.callbacksOff'))}
        </p>
      </div>
    </>
  )
}
