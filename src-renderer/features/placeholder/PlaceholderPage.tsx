import { useTranslation } from 'react-i18next'
import type { Area } from '../../stores/nav/store'

/** An honest page for an area that is not built yet: what it will do, and that it does not do it now. */
export function PlaceholderPage({ area }: { area: Area }) {
  const { t } = useTranslation()
  return (
    <section className="page" data-testid={`page-${area}`}>
      <h1 id="page-title">{t(`nav.${area}`)}</h1>
      <p className="lead">{t(`pages.${area}`)}</p>
      <div className="placeholder">
        <strong>{t('pages.underConstruction')}</strong>
        <span>{t('pages.underConstructionHint')}</span>
      </div>
    </section>
  )
}
