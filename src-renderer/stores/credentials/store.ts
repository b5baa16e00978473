import { create } from 'zustand'
import type { AppError } from '../../../src-shared/contract'
import type { CredentialSummary } from '../../../src-shared/domain/credentials'
import type { Environment } from '../../../src-shared/domain/environment'
import { appErrorOf, call, on } from '../../api/client'

export interface CredentialsState {
  environment: Environment | null
  items: CredentialSummary[]
  loading: boolean
  /** Keychain unavailable and other failures of the list itself. */
  error: AppError | null
  /** The last save/delete outcome, per credential name, shown beside its card. */
  outcome: Record<string, { ok: boolean; message: string }>
  busy: string | null
}

export interface CredentialsActions {
  /** Loads one environment's list and follows credentials:changed from then on. */
  start(environment: Environment): () => void
  load(environment: Environment): Promise<void>
  /** Resolves true when stored; the form clears itself only then. */
  save(name: string, value: Record<string, string>, successText: string): Promise<boolean>
  remove(name: string, successText: string): Promise<void>
}

export const useCredentialsStore = create<CredentialsState & CredentialsActions>()((set, get) => ({
  environment: null,
  items: [],
  loading: false,
  error: null,
  outcome: {},
  busy: null,

  start(environment) {
    void get().load(environment)
    return on('credentials:changed', (event) => {
      if (event.environment === get().environment) void get().load(event.environment)
    })
  },

  async load(environment) {
    set({ environment, loading: true })
    try {
      const list = await call('credentials:list', { environment })
      if (get().environment === environment) set({ items: list.items, error: null })
    } catch (error) {
      if (get().environment === environment) set({ items: [], error: appErrorOf(error) })
    } finally {
      set({ loading: false })
    }
  },

  async save(name, value, successText) {
    const environment = get().environment
    if (!environment) return false
    set({ busy: name })
    try {
      await call('credentials:set', { name, environment, value })
      set((s) => ({ outcome: { ...s.outcome, [name]: { ok: true, message: successText } } }))
      await get().load(environment)
      return true
    } catch (error) {
      set((s) => ({ outcome: { ...s.outcome, [name]: { ok: false, message: appErrorOf(error).message } } }))
      return false
    } finally {
      set({ busy: null })
    }
  },

  async remove(name, successText) {
    const environment = get().environment
    if (!environment) return
    set({ busy: name })
    try {
      await call('credentials:delete', { name, environment })
      set((s) => ({ outcome: { ...s.outcome, [name]: { ok: true, message: successText } } }))
      await get().load(environment)
    } catch (error) {
      set((s) => ({ outcome: { ...s.outcome, [name]: { ok: false, message: appErrorOf(error).message } } }))
    } finally {
      set({ busy: null })
    }
  },
}))

export const selectItem = (name: string) => (s: CredentialsState) => s.items.find((item) => item.name === name)
