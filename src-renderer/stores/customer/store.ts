import { create } from 'zustand'
import type { AppError, EventOf, RequestOf } from '../../../src-shared/contract'
import type { CustomerCheck, CustomerCheckId } from '../../../src-shared/contract/customer'
import { appErrorOf, call, on } from '../../api/client'

type StepStatus = EventOf<'customer:progress'>['status'] | 'pending'

export interface CustomerState {
  status: 'idle' | 'loading' | 'done' | 'error'
  result: CustomerCheck | null
  error: AppError | null
  /** While a check runs: each asked provider, pending until its answer lands (issue #16). */
  steps: Partial<Record<CustomerCheckId, StepStatus>>
  /** The last input, to retry one provider of it. */
  last: RequestOf<'customer:check'> | null
  /**
   * Identifiers handed over from elsewhere (a case, a batch row, a watch change, a history record — issue #22): the
   * form is filled with them, and checked at once when `run`. `nonce` tells two hand-overs of the same person apart.
   */
  prefill: { person: Person; run: boolean; nonce: number } | null
}

export interface Person {
  cpf: string
  phone: string
  email: string
  cep: string
}

export interface CustomerActions {
  check(input: RequestOf<'customer:check'>): Promise<void>
  /** Asks again only this provider; the others keep their answers (nothing billed is sent twice). */
  retry(check: CustomerCheckId): Promise<void>
  /** A new Data Trust transaction for the last person, though a recent one was reused (billed: the analyst asked). */
  newTransaction(): Promise<void>
  /** "Abrir no Cliente" (run=false) and "Consultar de novo" (run=true) from another area. */
  openWith(person: Partial<Person>, run: boolean): void
}

let counter = 0

export const useCustomerStore = create<CustomerState & CustomerActions>()((set, get) => ({
  status: 'idle',
  result: null,
  error: null,
  steps: {},
  last: null,
  prefill: null,
  async check(input) {
    const requestId = `c${Date.now()}-${++counter}`
    const asked = input.retry ?? input.checks ?? ['alerts', 'score', 'datatrust']
    set({ status: 'loading', error: null, steps: Object.fromEntries(asked.map((c) => [c, 'pending'])) })
    const stop = on('customer:progress', (p) => {
      if (p.requestId === requestId) set({ steps: { ...get().steps, [p.check]: p.status } })
    })
    try {
      const { retry: _retry, newTransaction: _fresh, ...kept } = input
      set({ status: 'done', result: await call('customer:check', { ...input, requestId }), last: kept })
    } catch (error) {
      set({ status: 'error', result: null, error: appErrorOf(error) })
    } finally {
      stop()
    }
  },
  async retry(check) {
    const last = get().last
    if (last) await get().check({ ...last, retry: [check] })
  },
  async newTransaction() {
    const last = get().last
    if (last) await get().check({ ...last, retry: ['datatrust'], newTransaction: true })
  },
  openWith(person, run) {
    const full = { cpf: '', phone: '', email: '', cep: '', ...person }
    set({ prefill: { person: full, run, nonce: ++counter }, result: run ? null : get().result })
  },
}))
