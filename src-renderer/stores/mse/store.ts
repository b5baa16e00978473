import { create } from 'zustand'
import type { AppError } from '../../../src-shared/contract'
import type { MseCallResult, MseInbound, MseMessage } from '../../../src-shared/contract/mse'
import { ApiError, call, on } from '../../api/client'

export interface MseOutcome {
  status: 'idle' | 'loading' | 'done' | 'error'
  result: MseCallResult | null
  error: AppError | null
}

export interface MseState {
  /** One outcome per form (a form may offer several services). */
  outcomes: Record<string, MseOutcome>
  messages: MseMessage[]
  inbox: MseInbound[]
}

export interface MseActions {
  start(): () => void
  send(form: string, input: { service: string; mode: string; params: Record<string, string>; confirmCharge?: string }): Promise<MseCallResult | null>
  loadMessages(): Promise<void>
  loadInbox(): Promise<void>
  simulateMo(mo: { kind: 'sms' | 'mms'; anum: string; bnum: string; text: string; subject?: string; withImage?: boolean }): Promise<AppError | null>
}

const IDLE: MseOutcome = { status: 'idle', result: null, error: null }
const asAppError = (error: unknown): AppError => (error instanceof ApiError ? error.error : { code: 'internal', message: String(error) })

export const selectOutcome = (form: string) => (s: MseState): MseOutcome => s.outcomes[form] ?? IDLE

export const useMseStore = create<MseState & MseActions>()((set, get) => {
  const setOutcome = (form: string, outcome: MseOutcome): void => set({ outcomes: { ...get().outcomes, [form]: outcome } })
  return {
    outcomes: {},
    messages: [],
    inbox: [],

    start() {
      void get().loadMessages()
      void get().loadInbox()
      const stops = [
        // seed 003 §6.4.1.1: a receipt attaches to the message sent with the same transaction id.
        on('mse:receipt', ({ message }) => {
          if (!message) return
          const others = get().messages.filter((m) => m.transactionId !== message.transactionId)
          set({ messages: [message, ...others].sort((a, b) => b.at.localeCompare(a.at)) })
        }),
        on('mse:mo', (mo) => set({ inbox: [mo, ...get().inbox] })),
      ]
      return () => stops.forEach((stop) => stop())
    },

    async send(form, input) {
      setOutcome(form, { status: 'loading', result: null, error: null })
      try {
        const result = await call('mse:call', input)
        setOutcome(form, { status: 'done', result, error: null })
        if (input.mode === 'async-delivery') void get().loadMessages()
        return result
      } catch (error) {
        setOutcome(form, { status: 'error', result: null, error: asAppError(error) })
        return null
      }
    },

    async loadMessages() {
      try {
        set({ messages: await call('mse:messages', { limit: 100 }) })
      } catch {
        // The list stays as it was; the next receipt or send refreshes it.
      }
    },

    async loadInbox() {
      try {
        set({ inbox: await call('mse:inbox', { limit: 100 }) })
      } catch {
        // idem
      }
    },

    async simulateMo(mo) {
      try {
        await call('sandbox:mse-mo', { withImage: false, ...mo })
        return null
      } catch (error) {
        return asAppError(error)
      }
    },
  }
})
