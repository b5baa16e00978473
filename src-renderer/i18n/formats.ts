import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatsFor, type Formats } from '../../src-shared/domain/format'
import { DEFAULT_TIME_ZONE } from '../../src-shared/domain/settings'
import { useAppStore } from '../stores/app/store'

/** Numbers, dates and identifiers in the interface's language and the analyst's time zone (Configurações). */
export function useFormats(): Formats {
  const { i18n } = useTranslation()
  const timeZone = useAppStore((s) => s.settings?.timeZone ?? DEFAULT_TIME_ZONE)
  const language = i18n.language === 'en' ? 'en' : 'pt-BR'
  return useMemo(() => formatsFor(language, timeZone), [language, timeZone])
}
