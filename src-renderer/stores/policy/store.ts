import { create } from 'zustand'
import type { AppError, ResponseOf } from '../../../src-shared/contract'
import type { Policy, PolicyRef } from '../../../src-shared/domain/policy'
import { appErrorOf, call } from '../../api/client'

export interface PolicyState {
  saving: boolean
  error: AppError | null
  /** The version and hash of the last save, to confirm it to the user. */
  saved: PolicyRef | null
  /** The policy log (issue #22), newest first; null until first read. */
  log: ResponseOf<'policy:log'> | null
}

export interface PolicyActions {
  save(policy: Policy, reason: string): Promise<boolean>
  loadLog(): Promise<void>
}

/** Saves the decision policy (policy:set); the app store follows the new settings through settings:changed. */
export const usePolicyStore = create<PolicyState & PolicyActions>()((set, get) => ({
  saving: false,
  error: null,
  saved: null,
  log: null,
  async save(policy, reason) {
    set({ saving: true, error: null })
    try {
      const state = await call('policy:set', { policy, reason })
      set({ saving: false, saved: state.ref })
      if (get().log !== null) void get().loadLog()
      return true
    } catch (error) {
      set({ saving: false, error: appErrorOf(error) })
      return false
    }
  },
  async loadLog() {
    try {
      set({ log: await call('policy:log', {}) })
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },
}))
