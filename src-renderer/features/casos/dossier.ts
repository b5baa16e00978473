import { useTranslation } from 'react-i18next'
import type { DossierContext } from '../../../src-shared/domain/dossier'
import { useTranslate } from '../../i18n'
import { useFormats } from '../../i18n/formats'
import { useAppStore } from '../../stores/app/store'

/** What a dossier printed from the screen says of itself: the analyst's words, zone and name, the moment. */
export function useDossierContext(): () => DossierContext {
  const { i18n } = useTranslation()
  const t = useTranslate()
  const f = useFormats()
  const who = useAppStore((s) => s.info?.analyst || s.settings?.analystName || '')
  return () => ({ t, f, who, at: new Date().toISOString(), lang: i18n.language })
}
