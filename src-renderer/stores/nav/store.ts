import { create } from 'zustand'

/** The work areas, in sidebar order. Each maps to `#/<id>` so a reload keeps the area. */
export const AREAS = [
  'consulta',
  'cliente',
  'lote',
  'monitoramento',
  'sms',
  'ussd',
  'mse',
  'credenciais',
  'configuracoes',
  'historico',
] as const
export type Area = (typeof AREAS)[number]

function areaFromHash(hash: string): Area {
  const id = hash.replace(/^#\/?/, '')
  return (AREAS as readonly string[]).includes(id) ? (id as Area) : 'consulta'
}

export interface NavState {
  area: Area
  /** Whether the Estado panel is open: the analyst's last choice, else open only where the window is wide. */
  statusOpen: boolean
}

const STATUS_KEY = 'sentinela.statusOpen'

function initialStatusOpen(): boolean {
  const saved = window.localStorage.getItem(STATUS_KEY)
  return saved === null ? window.innerWidth >= 1280 : saved === 'true'
}

export interface NavActions {
  go(area: Area): void
  toggleStatus(): void
  /** Follows back/forward and hand-typed hashes. */
  follow(): () => void
}

export const useNavStore = create<NavState & NavActions>()((set, get) => ({
  area: areaFromHash(window.location.hash),
  statusOpen: initialStatusOpen(),
  toggleStatus() {
    const statusOpen = !get().statusOpen
    window.localStorage.setItem(STATUS_KEY, String(statusOpen))
    set({ statusOpen })
  },
  go(area) {
    window.location.hash = `/${area}`
    set({ area })
  },
  follow() {
    const onHash = (): void => set({ area: areaFromHash(window.location.hash) })
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  },
}))
