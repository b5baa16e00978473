import { create } from 'zustand'
import type { AppError, ResponseOf } from '../../../src-shared/contract'
import type { AlertsResult, ScoreResult } from '../../../src-shared/contract/lookup'
import type { AlertEventType } from '../../../src-shared/domain/claro'
import { appErrorOf, call } from '../../api/client'

export type Status = 'idle' | 'loading' | 'done' | 'error'

interface Slot<R> {
  status: Status
  result: R | null
  error: AppError | null
}

export type Personas = ResponseOf<'sandbox:personas'>

export interface LookupState {
  alerts: Slot<AlertsResult>
  score: Slot<ScoreResult>
  personas: Personas | null
}

export interface LookupActions {
  runAlerts(msisdn: string, events: AlertEventType[]): Promise<void>
  runScore(cpf: string): Promise<void>
  loadPersonas(): Promise<void>
}

const idle = { status: 'idle' as const, result: null, error: null }

export const useLookupStore = create<LookupState & LookupActions>()((set) => ({
  alerts: idle,
  score: idle,
  personas: null,

  async runAlerts(msisdn, events) {
    set({ alerts: { status: 'loading', result: null, error: null } })
    try {
      const result = await call('lookup:alerts', { msisdn, ...(events.length > 0 ? { events } : {}) })
      set({ alerts: { status: 'done', result, error: null } })
    } catch (error) {
      set({ alerts: { status: 'error', result: null, error: appErrorOf(error) } })
    }
  },

  async runScore(cpf) {
    set({ score: { status: 'loading', result: null, error: null } })
    try {
      const result = await call('lookup:score', { cpf })
      set({ score: { status: 'done', result, error: null } })
    } catch (error) {
      set({ score: { status: 'error', result: null, error: appErrorOf(error) } })
    }
  },

  async loadPersonas() {
    try {
      set({ personas: await call('sandbox:personas', {}) })
    } catch {
      set({ personas: null })
    }
  },
}))
