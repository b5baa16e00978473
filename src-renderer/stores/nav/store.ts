import { create } from 'zustand'

/** The work areas, in sidebar order. Each maps to `#/<id>` so a reload keeps the area. */
export const AREAS = [
  'consulta',
  'cliente',
  'lote',
  'monitoramento',
  'casos',
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

/** Asked before leaving the area (unsaved edits, issue #22): true lets the analyst go. */
export type LeaveGuard = () => boolean

export interface NavActions {
  /** Moves to another area — unless a guard on this one says to stay. */
  go(area: Area): void
  /** Registers a guard while the area holds unsaved work; returns the function that removes it. */
  guard(check: LeaveGuard): () => void
  toggleStatus(): void
  /** Follows back/forward and hand-typed hashes. */
  follow(): () => void
}

const guards = new Set<LeaveGuard>()
const mayLeave = (): boolean => [...guards].every((check) => check())

export const useNavStore = create<NavState & NavActions>()((set, get) => ({
  area: areaFromHash(window.location.hash),
  statusOpen: initialStatusOpen(),
  toggleStatus() {
    const statusOpen = !get().statusOpen
    window.localStorage.setItem(STATUS_KEY, String(statusOpen))
    set({ statusOpen })
  },
  go(area) {
    if (area !== get().area && !mayLeave()) return
    window.location.hash = `/${area}`
    set({ area })
  },
  guard(check) {
    guards.add(check)
    return () => void guards.delete(check)
  },
  follow() {
    const onHash = (): void => {
      const next = areaFromHash(window.location.hash)
      if (next === get().area) return
      // Back/forward or a typed address while edits are unsaved: the analyst chose to stay, the address follows.
      if (!mayLeave()) window.history.replaceState(null, '', `#/${get().area}`)
      else set({ area: next })
    }
    // Closing the window or reloading with unsaved edits: the browser's own confirmation.
    const onUnload = (event: BeforeUnloadEvent): void => {
      if (guards.size > 0) event.preventDefault()
    }
    window.addEventListener('hashchange', onHash)
    window.addEventListener('beforeunload', onUnload)
    return () => {
      window.removeEventListener('hashchange', onHash)
      window.removeEventListener('beforeunload', onUnload)
    }
  },
}))
