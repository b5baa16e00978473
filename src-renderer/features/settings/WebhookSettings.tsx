import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { classifyUrl } from '../../../src-shared/domain/net'
import { useAppStore } from '../../stores/app/store'
import { useWatchStore } from '../../stores/watch/store'

/**
 * Issue #17's team alerts: where each watchlist change is posted and whether the line goes masked. The signing
 * secret is made on the command line (`sentinela watch webhook set URL`) and lives in the keychain: this screen
 * only says whether one is set — a secret never reaches the interface.
 */
function refusal(url: string, allowPrivate: boolean): string | null {
  const verdict = classifyUrl(url)
  if (!verdict.ok) return 'errors.watch.webhook_url'
  if (verdict.class === 'forbidden') return 'errors.watch.webhook_url'
  if ((verdict.class === 'loopback' || verdict.class === 'private') && !allowPrivate)
    return 'errors.address.private_unconsented'
  return null
}

export function WebhookSettings() {
  const { t } = useTranslation()
  const settings = useAppStore((s) => s.settings)
  const update = useAppStore((s) => s.updateSettings)
  const webhook = useWatchStore((s) => s.webhook)
  const load = useWatchStore((s) => s.loadWebhook)
  const [url, setUrl] = useState<string | null>(null)
  const [refused, setRefused] = useState<string | null>(null)
  useEffect(() => void load(), [load, settings?.watch.webhookUrl])
  if (!settings) return null
  const shown = url ?? settings.watch.webhookUrl ?? ''
  const commit = (): void => {
    if (url === null) return
    const next = url.trim()
    // Said here, in words, before anything is sent: http(s), never link-local or a cloud metadata address.
    // Loopback and private networks need the consent below (main checks again, resolving the name: issue #23).
    const why = next === '' ? null : refusal(next, settings.allowPrivateAddresses)
    if (why) return setRefused(why)
    setRefused(null)
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
              {t(refused, { url: shown })}
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
        <label htmlFor="allow-private">{t('settings.allowPrivate')}</label>
        <div>
          <input
            id="allow-private"
            type="checkbox"
            checked={settings.allowPrivateAddresses}
            onChange={(e) => void update({ allowPrivateAddresses: e.target.checked })}
          />
          <p className="hint">{t('settings.allowPrivateHint')}</p>
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
