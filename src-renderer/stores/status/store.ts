import { create } from 'zustand'
import type { AppError, ResponseOf } from '../../../src-shared/contract'
import { appErrorOf, call } from '../../api/client'

export interface StatusState {
  callbacks: ResponseOf<'callbacks:status'> | null
  sandbox: ResponseOf<'sandbox:stats'> | null
  error: AppError | null
}

export interface StatusActions {
  loadCallbacks(): Promise<void>
  loadSandbox(): Promise<void>
}

/** What the core is doing behind Configurações: the callback listener and the embedded providers' counters. */
export const useStatusStore = create<StatusState & StatusActions>()((set) => ({
  callbacks: null,
  sandbox: null,
  error: null,
  async loadCallbacks() {
    try {
      set({ callbacks: await call('callbacks:status', {}), error: null })
    } catch (error) {
      set({ callbacks: null, error: appErrorOf(error) })
    }
  },
  async loadSandbox() {
    try {
      set({ sandbox: await call('sandbox:stats', {}), error: null })
    } catch (error) {
      set({ sandbox: null, error: appErrorOf(error) })
    }
  },
}))
