import { create } from 'zustand'
import type { AppError } from '../../../src-shared/contract'
import type { Policy, PolicyRef } from '../../../src-shared/domain/policy'
import { appErrorOf, call } from '../../api/client'

export interface PolicyState {
  saving: boolean
  error: AppError | null
  /** The version and hash of the last save, to confirm it to the user. */
  saved: PolicyRef | null
}

export interface PolicyActions {
  save(policy: Policy): Promise<boolean>
}

/** Saves the decision policy (policy:set); the app store follows the new settings through settings:changed. */
export const usePolicyStore = create<PolicyState & PolicyActions>()((set) => ({
  saving: false,
  error: null,
  saved: null,
  async save(policy) {
    set({ saving: true, error: null })
    try {
      const state = await call('policy:set', { policy })
      set({ saving: false, saved: state.ref })
      return true
    } catch (error) {
      set({ saving: false, error: appErrorOf(error) })
      return false
    }
  },
}))
