import { useMemo } from 'react'
import i18next from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import { i18nOptions, type Translate } from '../../src-shared/i18n'
import type { Language } from '../../src-shared/domain/settings'

void i18next.use(initReactI18next).init({ ...i18nOptions })

export function applyLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language)
  document.documentElement.lang = language
}

export { i18next }

/** The shared wording functions (policy reasons, causes) take a plain translator: this one follows the UI language. */
export function useTranslate(): Translate {
  const { i18n } = useTranslation()
  const language = i18n.language
  // The same function while the language stays (memoised rows compare it): a new one when it changes.
  return useMemo<Translate>(() => (key, params) => i18n.t(key, { lng: language, ...(params ?? {}) }), [i18n, language])
}
