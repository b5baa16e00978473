import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'

/** "Configurações salvas às 19:11:05" for a few seconds after each save, where the eye is (issue #16). */
export function SavedToast({ at }: { at: string | null }) {
  const { t } = useTranslation()
  const fmt = useFormats()
  const [faded, setFaded] = useState<string | null>(null)
  useEffect(() => {
    if (!at) return
    const timer = setTimeout(() => setFaded(at), 4000)
    return () => clearTimeout(timer)
  }, [at])
  const shown = at !== null && at !== faded
  return (
    <p className={shown ? 'toast visible' : 'toast'} role="status" data-testid="settings-saved">
      {shown ? t('settings.saved', { time: fmt.time(at) }) : ''}
    </p>
  )
}
