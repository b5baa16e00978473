import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '../../../src-shared/domain/settings'
import { selectLanguage, useAppStore } from '../../stores/app/store'

export function SettingsPage() {
  const { t } = useTranslation()
  const language = useAppStore(selectLanguage)
  const setLanguage = useAppStore((s) => s.setLanguage)
  return (
    <section className="page" data-testid="page-configuracoes">
      <h1 id="page-title">{t('nav.configuracoes')}</h1>
      <p className="lead">{t('pages.configuracoes')}</p>
      <div className="form-grid">
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <div>
          <select id="settings-language" value={language} onChange={(e) => void setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {t(`language.${lang}`)}
              </option>
            ))}
          </select>
          <p className="hint">{t('settings.languageHint')}</p>
        </div>
      </div>
    </section>
  )
}
