import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language, type SettingsPatch } from '../../../src-shared/domain/settings'
import { selectLanguage, useAppStore } from '../../stores/app/store'
import { NumberSetting } from './NumberSetting'
import { CallbackSettings } from './CallbackSettings'
import { PolicyPanel } from '../policy/PolicyPanel'
import { TimeZoneSetting } from './TimeZoneSetting'
import { AnalystNameSetting } from './AnalystNameSetting'
import { PolicyLog } from '../policy/PolicyLog'
import { SandboxStats } from './SandboxStats'
import { PrivacyPanel } from '../privacy/PrivacyPanel'
import { SavedToast } from './SavedToast'
import { WebhookSettings } from './WebhookSettings'

export function SettingsPage() {
  const { t } = useTranslation()
  const language = useAppStore(selectLanguage)
  const settings = useAppStore((s) => s.settings)
  const setLanguage = useAppStore((s) => s.setLanguage)
  const update = useAppStore((s) => s.updateSettings)
  const patch = (p: SettingsPatch): void => void update(p)
  const savedAt = useAppStore((s) => s.savedAt)
  return (
    <section className="page" data-testid="page-configuracoes">
      <SavedToast at={savedAt} />
      <h1 id="page-title">{t('nav.configuracoes')}</h1>
      <p className="lead">{t('pages.configuracoes')}</p>
      <div className="form-grid">
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <div>
          <select
            id="settings-language"
            value={language}
            onChange={(e) => void setLanguage(e.target.value as Language)}
          >
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {t(`language.${lang}`)}
              </option>
            ))}
          </select>
          <p className="hint">{t('settings.languageHint')}</p>
        </div>
        {settings && (
          <>
            <TimeZoneSetting value={settings.timeZone} onCommit={(timeZone) => patch({ timeZone })} />
            <AnalystNameSetting value={settings.analystName} onCommit={(analystName) => patch({ analystName })} />
            <label htmlFor="settings-mask">{t('settings.maskIdentifiers')}</label>
            <div>
              <input
                id="settings-mask"
                type="checkbox"
                checked={settings.maskIdentifiers}
                onChange={(e) => patch({ maskIdentifiers: e.target.checked })}
              />
            </div>
            <NumberSetting
              id="settings-retention"
              label={t('settings.retentionDays')}
              value={settings.historyRetentionDays}
              min={1}
              max={3650}
              onCommit={(v) => patch({ historyRetentionDays: v })}
            />
            <NumberSetting
              id="settings-case-retention"
              label={t('settings.caseRetentionDays')}
              hint={t('settings.caseRetentionHint')}
              value={settings.caseRetentionDays}
              min={30}
              max={3650}
              onCommit={(v) => patch({ caseRetentionDays: v })}
            />
            <NumberSetting
              id="settings-dt-reuse"
              label={t('settings.dataTrustReuseHours')}
              hint={t('settings.dataTrustReuseHint')}
              value={settings.dataTrustReuseHours}
              min={0}
              max={720}
              onCommit={(v) => patch({ dataTrustReuseHours: v })}
            />
          </>
        )}
      </div>
      {settings && <PolicyPanel idPrefix="settings-policy" />}
      {settings && <PolicyLog />}
      {settings && <CallbackSettings />}
      {settings && <WebhookSettings />}
      {settings && <PrivacyPanel timeZone={settings.timeZone} />}
      {settings && (
        <>
          <h2 className="section-title">{t('settings.sandboxTitle')}</h2>
          <SandboxStats />
          <div className="form-grid">
            <NumberSetting
              id="sandbox-latency"
              label={t('settings.latency')}
              value={settings.sandbox.latencyMs}
              min={0}
              max={30000}
              onCommit={(v) => patch({ sandbox: { latencyMs: v } })}
            />
            <NumberSetting
              id="sandbox-error-rate"
              label={t('settings.errorRate')}
              value={settings.sandbox.errorRate}
              min={0}
              max={1}
              step={0.05}
              onCommit={(v) => patch({ sandbox: { errorRate: v } })}
            />
            <NumberSetting
              id="sandbox-rate-limit"
              label={t('settings.rateLimit')}
              value={settings.sandbox.rateLimitPerSecond}
              min={0}
              max={10000}
              onCommit={(v) => patch({ sandbox: { rateLimitPerSecond: v } })}
            />
            <NumberSetting
              id="sandbox-token-lifetime"
              label={t('settings.tokenLifetime')}
              value={settings.sandbox.tokenLifetimeSeconds}
              min={1}
              max={604800}
              onCommit={(v) => patch({ sandbox: { tokenLifetimeSeconds: v } })}
            />
          </div>
        </>
      )}
    </section>
  )
}
