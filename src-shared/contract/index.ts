import type { z } from 'zod'
import { appChannels, appEvents } from './app'
import { settingsChannels, settingsEvents } from './settings'
import { credentialsChannels, credentialsEvents } from './credentials'
import { lookupChannels } from './lookup'
import { historyChannels, historyEvents } from './history'
import { datatrustChannels, datatrustEvents } from './datatrust'
import { customerChannels, customerEvents } from './customer'
import { mseChannels, mseEvents } from './mse'
import { ussdChannels } from './ussd'
import { batchChannels, batchEvents } from './batch'
import { policyChannels } from './policy'
import { privacyChannels } from './privacy'
import { watchChannels, watchEvents } from './watch'
import { casesChannels, casesEvents } from './cases'
import type { AppError, InvokeResult } from './errors'

export * from './errors'
export * from './define'
export type { AppInfo, Notice } from './app'

/** Every channel the renderer may call, declared once. Add a domain file and spread it here. */
export const channels = {
  ...appChannels,
  ...settingsChannels,
  ...credentialsChannels,
  ...lookupChannels,
  ...historyChannels,
  ...datatrustChannels,
  ...customerChannels,
  ...mseChannels,
  ...ussdChannels,
  ...batchChannels,
  ...policyChannels,
  ...privacyChannels,
  ...watchChannels,
  ...casesChannels,
}

/** Every server → renderer event, declared once. */
export const events = {
  ...appEvents,
  ...settingsEvents,
  ...credentialsEvents,
  ...historyEvents,
  ...datatrustEvents,
  ...mseEvents,
  ...batchEvents,
  ...customerEvents,
  ...watchEvents,
  ...casesEvents,
}

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type EventName = keyof typeof events
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>
export type EventOf<E extends EventName> = z.output<(typeof events)[E]>

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[]

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value)
}

/**
 * What each host exposes to the renderer: the Electron preload and the browser host's web bridge both
 * implement exactly this, so the renderer cannot tell them apart. invoke never rejects; failures come back
 * as `{ ok: false, error }`.
 */
export interface Bridge {
  invoke(channel: string, payload: unknown): Promise<InvokeResult<unknown>>
  subscribe(topic: string, listener: (data: unknown) => void): () => void
}

export type { AppError, InvokeResult }
