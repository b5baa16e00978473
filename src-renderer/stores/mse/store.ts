import { create } from 'zustand'
import type { AppError, RequestOf, ResponseOf } from '../../../src-shared/contract'
import type { MseCallResult, MseInbound, MseMessage } from '../../../src-shared/contract/mse'
import { appErrorOf, call, on } from '../../api/client'

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
  handsets: ResponseOf<'sandbox:sms-handsets'>
  /** Answers delivered later (async-delivery, §6.4.12/§6.4.17), by transaction id. */
  answers: Record<string, { statusCode: number; parameters: Record<string, string>; errorMessage: string | null }>
}

export interface MseActions {
  start(): () => void
  send(form: string, input: RequestOf<'mse:call'>): Promise<MseCallResult | null>
  loadMessages(): Promise<void>
  loadInbox(): Promise<void>
  loadHandsets(): Promise<void>
  simulateMo(mo: {
    kind: 'sms' | 'mms'
    anum: string
    bnum: string
    text: string
    subject?: string
    withImage?: boolean
  }): Promise<AppError | null>
}

const IDLE: MseOutcome = { status: 'idle', result: null, error: null }

export const selectOutcome =
  (form: string) =>
  (s: MseState): MseOutcome =>
    s.outcomes[form] ?? IDLE

export const useMseStore = create<MseState & MseActions>()((set, get) => {
  const setOutcome = (form: string, outcome: MseOutcome): void =>
    set({ outcomes: { ...get().outcomes, [form]: outcome } })
  return {
    outcomes: {},
    messages: [],
    inbox: [],
    handsets: [],
    answers: {},

    start() {
      void get().loadMessages()
      void get().loadInbox()
      const stops = [
        // seed 003 §6.4.1.1: a receipt attaches to the message sent with the same transaction id.
        on('mse:receipt', ({ transactionId, statusCode, parameters, errorMessage, message }) => {
          set({ answers: { ...get().answers, [transactionId]: { statusCode, parameters, errorMessage } } })
          if (!message) return
          const others = get().messages.filter((m) => m.transactionId !== message.transactionId)
          set({ messages: [message, ...others].sort((a, b) => b.at.localeCompare(a.at)) })
          void get().loadHandsets()
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
        if (input.service.startsWith('SMS_')) void get().loadHandsets()
        return result
      } catch (error) {
        setOutcome(form, { status: 'error', result: null, error: appErrorOf(error) })
        return null
      }
    },

    async loadMessages() {
      try {
        const loaded = await call('mse:messages', { limit: 100 })
        // A receipt pushed while this read was in flight is newer than what the read saw: keep it.
        const current = new Map(get().messages.map((m) => [m.transactionId, m]))
        set({
          messages: loaded.map((m) =>
            current.get(m.transactionId)?.receiptStatus && !m.receiptStatus ? (current.get(m.transactionId) ?? m) : m,
          ),
        })
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

    async loadHandsets() {
      try {
        set({ handsets: await call('sandbox:sms-handsets', {}) })
      } catch {
        set({ handsets: [] })
      }
    },

    async simulateMo(mo) {
      try {
        await call('sandbox:mse-mo', { withImage: false, ...mo })
        return null
      } catch (error) {
        return appErrorOf(error)
      }
    },
  }
})
