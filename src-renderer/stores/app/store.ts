import { create } from 'zustand'
import type { AppError, AppInfo } from '../../../src-shared/contract'
import type { Language, Settings, SettingsPatch } from '../../../src-shared/domain/settings'
import { appErrorOf, call, on } from '../../api/client'
import { applyLanguage } from '../../i18n'

export interface AppState {
  info: AppInfo | null
  settings: Settings | null
  error: AppError | null
  loading: boolean
  /** When the analyst last saved a setting here (the page confirms it). */
  savedAt: string | null
}

export interface AppActions {
  /** Loads app:info and settings, and follows settings:changed / app:notice from then on. */
  start(): () => void
  refreshInfo(): Promise<void>
  setLanguage(language: Language): Promise<void>
  updateSettings(patch: SettingsPatch): Promise<void>
  dismissNotice(code: string): Promise<void>
}

export const useAppStore = create<AppState & AppActions>()((set, get) => {
  const adoptSettings = (settings: Settings): void => {
    applyLanguage(settings.language)
    set({ settings })
  }
  const guard = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work()
      set({ error: null })
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  }

  return {
    info: null,
    settings: null,
    error: null,
    loading: false,
    savedAt: null,

    start() {
      set({ loading: true })
      void guard(async () => {
        const [info, settings] = await Promise.all([call('app:info', {}), call('settings:get', {})])
        adoptSettings(settings)
        set({ info })
      }).finally(() => set({ loading: false }))
      const stops = [
        on('settings:changed', (settings) => {
          adoptSettings(settings)
          void get().refreshInfo()
        }),
        on('app:notice', () => void get().refreshInfo()),
      ]
      return () => stops.forEach((stop) => stop())
    },

    refreshInfo: () => guard(async () => set({ info: await call('app:info', {}) })),

    setLanguage: (language) =>
      guard(async () => {
        adoptSettings(await call('settings:update', { language }))
        set({ savedAt: new Date().toISOString() })
      }),

    updateSettings: (patch) =>
      guard(async () => {
        adoptSettings(await call('settings:update', patch))
        set({ savedAt: new Date().toISOString() })
      }),

    dismissNotice: (code) =>
      guard(async () => {
        await call('app:dismiss-notice', { code })
        set({ info: await call('app:info', {}) })
      }),
  }
})

export const selectLanguage = (s: AppState): Language => s.settings?.language ?? 'pt-BR'
const NO_NOTICES: AppInfo['notices'] = []
export const selectNotices = (s: AppState): AppInfo['notices'] => s.info?.notices ?? NO_NOTICES
