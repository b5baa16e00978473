import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '../../src-shared/domain/settings'
import { selectLanguage, useAppStore } from '../stores/app/store'

/** PT | EN in the top bar; the choice is saved through settings:update. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const language = useAppStore(selectLanguage)
  const setLanguage = useAppStore((s) => s.setLanguage)
  return (
    <div className="lang-switch" role="group" aria-label={t('settings.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          title={t(`language.${lang}`)}
          aria-pressed={lang === language}
          className={lang === language ? 'active' : undefined}
          onClick={() => void setLanguage(lang)}
        >
          {lang === 'pt-BR' ? 'PT' : 'EN'}
        </button>
      ))}
    </div>
  )
}
