import { pressOnMenu, screenText, type UssdCommand } from './ussd'
import type { UssdSessionHead, UssdUserResponse } from './ussd-xml'

/*
 * A subscriber's USSD session against a partner application, played as MSE plays it (seed 003 §6.4.21–23):
 * dialling `*NNN#` posts `user_init`; an option posts `index`; text typed on an input posts `input`; 9 and 0 page
 * a menu without the partner; a notify ends the session. The transport (HTTP to the app) is injected, so the same
 * engine drives the emulated phone, the saved-script replay and `sentinela ussd replay`.
 */

export interface UssdExchange {
  at: string
  /** The `ussd_message_response` MSE sent. */
  request: string
  /** What the application answered, as received. */
  response: string | null
  status: number | null
  durationMs: number
  /** Timeout, HTTP error or unreadable answer, in plain words. */
  error: string | null
  command: UssdCommand | null
}

export type UssdTransport = (head: UssdSessionHead, response: UssdUserResponse) => Promise<UssdExchange>

export interface PhoneScreen {
  text: string
  command: UssdCommand | null
  page: number
  /** After a notify, an error, or before dialling. */
  ended: boolean
  error: string | null
}

export const IDLE_SCREEN: PhoneScreen = { text: '', command: null, page: 0, ended: true, error: null }
const DIAL_PATTERN = /^\*(\d{1,6})#$/

export class UssdPhone {
  screen: PhoneScreen = IDLE_SCREEN
  readonly log: UssdExchange[] = []
  private head: UssdSessionHead | null = null

  constructor(
    private readonly transport: UssdTransport,
    private readonly subscriber: { msisdn: string; sessionOwner?: string },
  ) {}

  private async exchange(response: UssdUserResponse): Promise<PhoneScreen> {
    if (!this.head) return this.screen
    const ex = await this.transport(this.head, response)
    this.log.push(ex)
    if (ex.error || !ex.command) {
      this.screen = {
        text: `Erro: ${ex.error ?? 'sem comando'}`,
        command: null,
        page: 0,
        ended: true,
        error: ex.error ?? 'no command',
      }
    } else {
      this.screen = {
        text: screenText(ex.command, 0),
        command: ex.command,
        page: 0,
        ended: ex.command.kind === 'notify',
        error: null,
      }
    }
    return this.screen
  }

  /** `*NNN#`: opens a session (§6.4.21 user_init). */
  async dial(code: string): Promise<PhoneScreen> {
    const match = DIAL_PATTERN.exec(code.trim())
    if (!match) throw new Error(`not a USSD code: ${code}`)
    this.head = {
      msisdn: this.subscriber.msisdn,
      short_code: match[1] ?? '',
      ...(this.subscriber.sessionOwner ? { session_owner: this.subscriber.sessionOwner } : {}),
    }
    return this.exchange({ user_init: '1' })
  }

  /** A key or text sent from the current screen. */
  async press(input: string): Promise<PhoneScreen> {
    if (DIAL_PATTERN.test(input.trim())) return this.dial(input)
    const command = this.screen.command
    if (this.screen.ended || !command) return this.screen
    if (command.kind === 'input') return this.exchange({ input: input.trim() })
    if (command.kind === 'menu') {
      const key = pressOnMenu(command, this.screen.page, input)
      if (key.kind === 'page') this.screen = { ...this.screen, page: key.page, text: screenText(command, key.page) }
      if (key.kind === 'select') return this.exchange({ index: key.index })
    }
    return this.screen
  }
}

/** A session saved as keypresses and the screen each one should produce. */
export interface UssdScript {
  version: 1
  name: string
  msisdn: string
  steps: { press: string; expect: string }[]
}

export interface ReplayStep {
  press: string
  expected: string
  actual: string
  ok: boolean
  durationMs: number
}

export async function replayScript(
  script: UssdScript,
  transport: UssdTransport,
): Promise<{ ok: boolean; steps: ReplayStep[]; log: UssdExchange[] }> {
  const phone = new UssdPhone(transport, { msisdn: script.msisdn })
  const steps: ReplayStep[] = []
  for (const step of script.steps) {
    const before = phone.log.length
    const screen = await phone.press(step.press)
    const durationMs = phone.log.slice(before).reduce((sum, ex) => sum + ex.durationMs, 0)
    steps.push({
      press: step.press,
      expected: step.expect,
      actual: screen.text,
      ok: screen.text === step.expect,
      durationMs,
    })
  }
  return { ok: steps.every((s) => s.ok), steps, log: phone.log }
}
