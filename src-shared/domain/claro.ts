import { z } from 'zod'

/** seed 001 §07: the values of the `event-types` header. */
export const ALERT_EVENT_TYPES = [
  'SUBSCRIPTION_CANCELED',
  'SIMCARD_CHANGED',
  'MSISDN_CHANGED',
  'DEVICE_CHANGED',
  'PORTOUT_REQUESTED',
] as const
export const AlertEventTypeSchema = z.enum(ALERT_EVENT_TYPES)
export type AlertEventType = z.infer<typeof AlertEventTypeSchema>

/** seed 001 "Exemplo de json de retorno": profileEvents[{eventName, timestamp}]. */
export const AlertEventSchema = z.object({ eventName: z.string(), timestamp: z.string() })
export type AlertEvent = z.infer<typeof AlertEventSchema>

export type RiskLevel = 'high' | 'medium' | 'low' | 'unknown'

export interface AssessedEvent extends AlertEvent {
  /** Whole days since the event, or null when the timestamp cannot be read. */
  ageDays: number | null
  risk: RiskLevel
}

/**
 * The fraud signal, with the policy's own windows (one threshold per idea): a SIM swap or a port-out within the
 * takeover window is the classic account-takeover pattern (high); a cancelled line, a new number or a new device
 * within the line-change window is suspicious (medium). Outside its window every event is context only.
 */
const HIGH_RISK: readonly string[] = ['SIMCARD_CHANGED', 'PORTOUT_REQUESTED']
const MEDIUM_RISK: readonly string[] = ['SUBSCRIPTION_CANCELED', 'MSISDN_CHANGED', 'DEVICE_CHANGED']
const DAY_MS = 86_400_000

export interface RiskWindows {
  takeoverDays: number
  lineChangeDays: number
}

function assessEvent(event: AlertEvent, now: Date, windows: RiskWindows): AssessedEvent {
  const at = Date.parse(event.timestamp)
  if (Number.isNaN(at)) return { ...event, ageDays: null, risk: 'unknown' }
  const ageDays = Math.max(0, Math.floor((now.getTime() - at) / DAY_MS))
  const risk: RiskLevel =
    HIGH_RISK.includes(event.eventName) && ageDays <= windows.takeoverDays
      ? 'high'
      : MEDIUM_RISK.includes(event.eventName) && ageDays <= windows.lineChangeDays
        ? 'medium'
        : 'low'
  return { ...event, ageDays, risk }
}

/** Newest first; the overall level is the worst event's. */
export function assessAlerts(
  events: readonly AlertEvent[],
  now: Date,
  windows: RiskWindows,
): { events: AssessedEvent[]; risk: RiskLevel } {
  const assessed = events
    .map((e) => assessEvent(e, now, windows))
    .sort((a, b) => (Date.parse(b.timestamp) || 0) - (Date.parse(a.timestamp) || 0))
  const order: RiskLevel[] = ['high', 'medium', 'unknown', 'low']
  const risk = order.find((level) => assessed.some((e) => e.risk === level)) ?? 'low'
  return { events: assessed, risk: assessed.length === 0 ? 'low' : risk }
}
