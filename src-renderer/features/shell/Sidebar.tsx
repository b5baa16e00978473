import { useTranslation } from 'react-i18next'
import { AREAS, useNavStore } from '../../stores/nav/store'

export function Sidebar() {
  const { t } = useTranslation()
  const area = useNavStore((s) => s.area)
  const go = useNavStore((s) => s.go)
  return (
    <nav className="sidebar" aria-label="Sentinela">
      <ul>
        {AREAS.map((id) => (
          <li key={id}>
            <button
              type="button"
              className={id === area ? 'nav-item active' : 'nav-item'}
              aria-current={id === area ? 'page' : undefined}
              onClick={() => go(id)}
            >
              {t(`nav.${id}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
