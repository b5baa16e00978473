import { create } from 'zustand'

/** The work areas, in sidebar order. Each maps to `#/<id>` so a reload keeps the area. */
export const AREAS = [
  'consulta',
  'cliente',
  'lote',
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
}

export interface NavActions {
  go(area: Area): void
  /** Follows back/forward and hand-typed hashes. */
  follow(): () => void
}

export const useNavStore = create<NavState & NavActions>()((set) => ({
  area: areaFromHash(window.location.hash),
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
