import type { Area } from '../../stores/nav/store'
import { PlaceholderPage } from '../placeholder/PlaceholderPage'
import { SettingsPage } from '../settings/SettingsPage'

/** One page per area; areas without a feature yet say so honestly. */
export function AreaPage({ area }: { area: Area }) {
  switch (area) {
    case 'configuracoes':
      return <SettingsPage />
    default:
      return <PlaceholderPage area={area} />
  }
}
