import i18next, { type i18n } from 'i18next'
import { ptBR } from './pt-BR/index'
import { en } from './en/index'
import { DEFAULT_LANGUAGE, type Language } from '../domain/settings'

export type { Catalog } from './types'

/** The one i18n layer: the renderer (react-i18next) and the core/CLI (plain i18next) share these resources. */
const resources = {
  'pt-BR': { translation: ptBR },
  en: { translation: en },
} as const

export const i18nOptions = {
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['pt-BR', 'en'],
  // Values go to React (which escapes) or to a terminal; HTML escaping here would double-escape.
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
} as const

export type Translate = (key: string, params?: Record<string, unknown>) => string

/** A synchronous translator for code outside React (core messages, CLI output). */
export function createTranslator(language: Language): Translate {
  const instance: i18n = i18next.createInstance()
  void instance.init({ ...i18nOptions, lng: language })
  return (key, params) => instance.t(key, params ?? {})
}
