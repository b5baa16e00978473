import { create } from 'zustand'
import type { AppError } from '../../../src-shared/contract'
import type { DataTrustResult, DataTrustSend } from '../../../src-shared/contract/datatrust'
import type { DtTransaction } from '../../../src-shared/domain/clearsale'
import { appErrorOf, call, on } from '../../api/client'

export interface InboxMessage {
  to: string
  channel: string
  text: string
  at: string
  transactionId: string
}

export interface DataTrustState {
  status: 'idle' | 'loading' | 'done' | 'error'
  result: DataTrustResult | null
  error: AppError | null
  /** When a webhook last refreshed the transaction on screen. */
  refreshedAt: string | null
  tokenResult: string | null
  tokenError: AppError | null
  inbox: InboxMessage[]
  /** The last transaction sent, for an explicit "send again" after an uncertain outcome. */
  lastSent: DataTrustSend | null
  /** A sandbox persona picked beside the form: the fields it fills. */
  prefill: { cpf: string } | null
}

export interface DataTrustActions {
  start(): () => void
  send(input: DataTrustSend): Promise<void>
  refresh(): Promise<void>
  /** seed 004 `GET …/{id}/result`: the Results alone, adopted into the transaction on screen. */
  loadResult(): Promise<void>
  validateToken(token: string): Promise<void>
  loadInbox(): Promise<void>
  fill(prefill: { cpf: string }): void
}

export const useDataTrustStore = create<DataTrustState & DataTrustActions>()((set, get) => {
  const adopt = (transaction: DtTransaction): void => {
    const current = get().result
    if (current) set({ result: { ...current, transaction } })
  }
  return {
    status: 'idle',
    result: null,
    error: null,
    refreshedAt: null,
    tokenResult: null,
    tokenError: null,
    inbox: [],
    lastSent: null,
    prefill: null,
    fill(prefill) {
      set({ prefill })
    },

    start() {
      void get().loadInbox()
      const stops = [
        on('datatrust:updated', ({ transaction }) => {
          if (get().result?.transaction.ID !== transaction.ID) return
          adopt(transaction)
          set({ refreshedAt: new Date().toISOString() })
        }),
        on('sandbox:inbox-changed', () => void get().loadInbox()),
      ]
      return () => stops.forEach((stop) => stop())
    },

    async send(input) {
      set({
        status: 'loading',
        error: null,
        result: null,
        refreshedAt: null,
        tokenResult: null,
        tokenError: null,
        lastSent: input,
      })
      try {
        set({ status: 'done', result: await call('datatrust:send', input) })
      } catch (error) {
        set({ status: 'error', error: appErrorOf(error) })
      }
      void get().loadInbox()
    },

    async loadResult() {
      const current = get().result
      if (!current) return
      try {
        const { results } = await call('datatrust:result', { id: current.transaction.ID })
        set({
          result: { ...current, transaction: { ...current.transaction, Results: results } },
          refreshedAt: new Date().toISOString(),
        })
      } catch (error) {
        set({ error: appErrorOf(error) })
      }
    },

    async refresh() {
      const id = get().result?.transaction.ID
      if (!id) return
      try {
        set({ result: await call('datatrust:get', { id }) })
      } catch (error) {
        set({ error: appErrorOf(error) })
      }
    },

    async validateToken(token) {
      const id = get().result?.transaction.ID
      if (!id) return
      try {
        const answer = await call('datatrust:validate-token', { id, token })
        set({ tokenResult: answer.result, tokenError: null })
        if (answer.transaction) adopt(answer.transaction)
      } catch (error) {
        set({ tokenError: appErrorOf(error) })
      }
    },

    async loadInbox() {
      try {
        set({ inbox: await call('sandbox:inbox', {}) })
      } catch {
        set({ inbox: [] })
      }
    },
  }
})
