import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { forbiddenHost } from '../../../src-shared/domain/net'
import { useAppStore } from '../../stores/app/store'
import { useWatchStore } from '../../stores/watch/store'

/**
 * Issue #17's team alerts: where each watchlist change is posted and whether the line goes masked. The signing
 * secret is made on the command line (`sentinela watch webhook set URL`) and lives in the keychain: this screen
 * only says whether one is set — a secret never reaches the interface.
 */
function acceptable(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !forbiddenHost(url)
  } catch {
    return false
  }
}

export function WebhookSettings() {
  const { t } = useTranslation()
  const settings = useAppStore((s) => s.settings)
  const update = useAppStore((s) => s.updateSettings)
  const webhook = useWatchStore((s) => s.webhook)
  const load = useWatchStore((s) => s.loadWebhook)
  const [url, setUrl] = useState<string | null>(null)
  const [refused, setRefused] = useState(false)
  useEffect(() => void load(), [load, settings?.watch.webhookUrl])
  if (!settings) return null
  const shown = url ?? settings.watch.webhookUrl ?? ''
  const commit = (): void => {
    if (url === null) return
    const next = url.trim()
    // Said here, in words, before anything is sent: http(s), never link-local or a cloud metadata address.
    if (next !== '' && !acceptable(next)) return setRefused(true)
    setRefused(false)
    setUrl(null)
    void update({ watch: { webhookUrl: next === '' ? null : next } })
  }
  return (
    <>
      <h2 className="section-title">{t('settings.webhookTitle')}</h2>
      <div className="form-grid" data-testid="webhook-settings">
        <label htmlFor="webhook-url">{t('settings.webhookUrl')}</label>
        <div>
          <input
            id="webhook-url"
            className="wide-input"
            type="url"
            value={shown}
            placeholder="https://equipe.example/alertas"
            onChange={(e) => setUrl(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
          />
          {refused && (
            <p className="field-error" role="alert" data-testid="webhook-refused">
              {t('errors.watch.webhook_url')}
            </p>
          )}
          <p className="hint">{t('settings.webhookHint')}</p>
          {webhook && (
            <p className={webhook.secretSet ? 'hint' : 'hint warn'} data-testid="webhook-secret">
              {t(webhook.secretSet ? 'settings.webhookSecretSet' : 'settings.webhookSecretMissing')}{' '}
              <code>sentinela watch webhook set URL</code>
            </p>
          )}
          {webhook && webhook.undelivered > 0 && (
            <p className="warn">{t('settings.webhookUndelivered', { count: webhook.undelivered })}</p>
          )}
        </div>
        <label htmlFor="webhook-whole">{t('settings.webhookWhole')}</label>
        <div>
          <input
            id="webhook-whole"
            type="checkbox"
            checked={!settings.watch.maskLines}
            onChange={(e) => void update({ watch: { maskLines: !e.target.checked } })}
          />
        </div>
      </div>
    </>
  )
}
