import { create } from 'zustand'
import type { AppError, RequestOf, ResponseOf } from '../../../src-shared/contract'
import { appErrorOf, call } from '../../api/client'

type SmsTemplate = ResponseOf<'datatrust:sms-template-get'>

export interface DataTrustConfigState {
  /** Envio condicional (seed 004): null while unknown. */
  conditional: boolean | null
  listing: ResponseOf<'datatrust:search'> | null
  /** The SMS settings' failure and the search's, each said in its own panel. */
  smsError: AppError | null
  searchError: AppError | null
}

export interface DataTrustConfigActions {
  loadTemplate(smsTypeId: 2 | 3 | 4): Promise<SmsTemplate | undefined>
  saveTemplate(template: RequestOf<'datatrust:sms-template-set'>): Promise<boolean>
  loadConditional(): Promise<void>
  setConditional(enabled: boolean): Promise<void>
  search(input: RequestOf<'datatrust:search'>): Promise<void>
}

/** Data Trust account settings (SMS templates, conditional sending) and the transaction search (seed 004). */
export const useDataTrustConfig = create<DataTrustConfigState & DataTrustConfigActions>()((set) => {
  const attempt = async <T>(
    where: 'smsError' | 'searchError',
    work: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false }> => {
    try {
      const value = await work()
      set({ [where]: null })
      return { ok: true, value }
    } catch (error) {
      set({ [where]: appErrorOf(error) })
      return { ok: false }
    }
  }
  return {
    conditional: null,
    listing: null,
    smsError: null,
    searchError: null,
    async loadTemplate(smsTypeId) {
      const r = await attempt('smsError', () => call('datatrust:sms-template-get', { smsTypeId }))
      return r.ok ? r.value : undefined
    },
    async saveTemplate(template) {
      return (await attempt('smsError', () => call('datatrust:sms-template-set', template))).ok
    },
    async loadConditional() {
      const r = await attempt('smsError', () => call('datatrust:conditional-get', {}))
      set({ conditional: r.ok ? (r.value?.conditionalSmsSending ?? false) : null })
    },
    async setConditional(enabled) {
      if ((await attempt('smsError', () => call('datatrust:conditional-set', { enabled }))).ok)
        set({ conditional: enabled })
    },
    async search(input) {
      const r = await attempt('searchError', () => call('datatrust:search', input))
      if (r.ok) set({ listing: r.value })
    },
  }
})
