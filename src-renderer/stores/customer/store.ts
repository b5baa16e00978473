import { create } from 'zustand'
import type { AppError, RequestOf } from '../../../src-shared/contract'
import type { CustomerCheck } from '../../../src-shared/contract/customer'
import { appErrorOf, call } from '../../api/client'

export interface CustomerState {
  status: 'idle' | 'loading' | 'done' | 'error'
  result: CustomerCheck | null
  error: AppError | null
}

export interface CustomerActions {
  check(input: RequestOf<'customer:check'>): Promise<void>
}

export const useCustomerStore = create<CustomerState & CustomerActions>()((set) => ({
  status: 'idle',
  result: null,
  error: null,
  async check(input) {
    set({ status: 'loading', error: null })
    try {
      set({ status: 'done', result: await call('customer:check', input) })
    } catch (error) {
      set({ status: 'error', result: null, error: appErrorOf(error) })
    }
  },
}))
