import { create } from 'zustand'
import type { AppError } from '../../../src-shared/contract'
import type { Handset, SavedScript, UssdLogEntry, UssdPushResult } from '../../../src-shared/contract/ussd'
import type { UssdCommand } from '../../../src-shared/domain/ussd'
import {
  IDLE_SCREEN,
  UssdPhone,
  type PhoneScreen,
  type ReplayStep,
  type UssdExchange,
  type UssdScript,
} from '../../../src-shared/domain/ussd-session'
import { appErrorOf, call } from '../../api/client'
import { normaliseCtn } from '../../../src-shared/domain/mse-validate'

export interface UssdState {
  /** Push console. */
  command: UssdCommand
  target: {
    msisdn: string
    shortCode: string
    sessionOwner: string
    billingcode: string
    ctnBilling: string
    description: string
    info: string
  }
  push: { status: 'idle' | 'loading' | 'done' | 'error'; result: UssdPushResult | null; error: AppError | null }
  handset: Handset | null
  /** App tester. */
  appUrl: string
  subscriber: string
  /** session_owner sent with every request of the session (§6.4.21–23), when set. */
  sessionOwner: string
  /** How long the emulated MSE waits for the application (ms). */
  appTimeoutMs: number
  history: UssdLogEntry[]
  screen: PhoneScreen
  busy: boolean
  log: UssdExchange[]
  recording: UssdScript['steps']
  scripts: SavedScript[]
  replay: { scriptId: number; ok: boolean; steps: ReplayStep[] } | null
  demo: { url: string; variant: 'a' | 'b' } | null
  error: AppError | null
}

export interface UssdActions {
  setCommand(command: UssdCommand): void
  setTarget(target: Partial<UssdState['target']>): void
  /** `resend`: the analyst's explicit choice after an uncertain push. */
  send(resend?: boolean): Promise<void>
  loadHandset(): Promise<void>
  pressOnHandset(key: string): Promise<void>
  setApp(appUrl: string, subscriber?: string, sessionOwner?: string): void
  setAppTimeout(ms: number): void
  loadHistory(): Promise<void>
  loadDemo(variant?: 'a' | 'b'): Promise<void>
  press(input: string): Promise<void>
  saveScript(name: string): Promise<void>
  loadScripts(): Promise<void>
  runReplay(script: SavedScript): Promise<void>
  deleteScript(id: number): Promise<void>
}

let phone: UssdPhone | null = null

export const useUssdStore = create<UssdState & UssdActions>()((set, get) => ({
  command: { kind: 'menu', title: '', options: [{ index: '1', subtitle: '' }] },
  target: {
    msisdn: '1199998888',
    shortCode: '100',
    sessionOwner: '',
    billingcode: '',
    ctnBilling: '',
    description: '',
    info: '',
  },
  push: { status: 'idle', result: null, error: null },
  handset: null,
  appUrl: '',
  subscriber: '1191000000',
  sessionOwner: '',
  appTimeoutMs: 10_000,
  history: [],
  screen: IDLE_SCREEN,
  busy: false,
  log: [],
  recording: [],
  scripts: [],
  replay: null,
  demo: null,
  error: null,

  setCommand: (command) => set({ command }),
  setTarget: (target) => set({ target: { ...get().target, ...target } }),

  async send(resend = false) {
    const { command, target } = get()
    set({ push: { status: 'loading', result: null, error: null } })
    try {
      const billing = {
        billingcode: target.billingcode,
        ctn_billing: target.ctnBilling,
        content_description: target.description,
        transaction_info: target.info,
      }
      const anyBilling = Object.values(billing).some((v) => v.trim() !== '')
      const result = await call('ussd:push', {
        msisdn: target.msisdn,
        shortCode: target.shortCode,
        command,
        ...(target.sessionOwner ? { sessionOwner: target.sessionOwner } : {}),
        ...(anyBilling ? { billing } : {}),
        ...(resend ? { resend } : {}),
      })
      set({ push: { status: 'done', result, error: null } })
      void get().loadHandset()
    } catch (error) {
      set({ push: { status: 'error', result: null, error: appErrorOf(error) } })
    }
  },

  async loadHandset() {
    try {
      set({ handset: await call('sandbox:ussd-handset', { msisdn: normaliseCtn(get().target.msisdn) }) })
    } catch {
      set({ handset: null })
    }
  },

  async pressOnHandset(key) {
    const msisdn = get().handset?.msisdn
    if (!msisdn) return
    try {
      set({ handset: await call('sandbox:ussd-key', { msisdn, key }) })
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },

  setApp(appUrl, subscriber, sessionOwner) {
    set({
      appUrl,
      ...(subscriber === undefined ? {} : { subscriber }),
      ...(sessionOwner === undefined ? {} : { sessionOwner }),
    })
  },

  setAppTimeout: (appTimeoutMs) => set({ appTimeoutMs }),

  async loadHistory() {
    try {
      set({ history: await call('ussd:log', { limit: 50 }) })
    } catch {
      set({ history: [] })
    }
  },

  async loadDemo(variant) {
    const current = get().demo
    if (variant && current) set({ demo: { ...current, variant } })
    try {
      const demo = await call('sandbox:ussd-demo', variant ? { variant } : {})
      set({ demo, appUrl: get().appUrl || demo.url })
    } catch {
      set({ demo: null })
    }
  },

  async press(input) {
    const { appUrl, subscriber, sessionOwner, appTimeoutMs } = get()
    const dialling = /^\*\d{1,6}#$/.test(input.trim())
    if (dialling || !phone) {
      if (!dialling) return
      // §6.4.21: a new dial is a new session (and a new recording).
      phone = new UssdPhone(
        (head, response) => call('ussd:app-exchange', { url: appUrl, head, response, timeoutMs: appTimeoutMs }),
        { msisdn: subscriber, ...(sessionOwner ? { sessionOwner } : {}) },
      )
      set({ log: [], recording: [], replay: null })
    }
    set({ busy: true, error: null })
    try {
      const screen = await phone.press(input)
      set({
        screen,
        log: [...phone.log],
        recording: [...get().recording, { press: input.trim(), expect: screen.text }],
      })
    } catch (error) {
      set({ error: appErrorOf(error) })
    } finally {
      set({ busy: false })
    }
  },

  async saveScript(name) {
    const { recording, subscriber, appUrl } = get()
    if (recording.length === 0) return
    try {
      await call('ussd:script-save', { appUrl, script: { version: 1, name, msisdn: subscriber, steps: recording } })
      await get().loadScripts()
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },

  async loadScripts() {
    try {
      set({ scripts: await call('ussd:scripts', {}) })
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },

  async runReplay(saved) {
    set({ busy: true, replay: null, error: null })
    try {
      const result = await call('ussd:replay', { url: get().appUrl || saved.appUrl, script: saved.script })
      set({ replay: { scriptId: saved.id, ok: result.ok, steps: result.steps } })
    } catch (error) {
      set({ error: appErrorOf(error) })
    } finally {
      set({ busy: false })
    }
  },

  async deleteScript(id) {
    await call('ussd:script-delete', { id }).catch(() => undefined)
    await get().loadScripts()
  },
}))
