import { describe, expect, it } from 'vitest'
import { assessAlerts, scoreDecision } from '../../src-shared/domain/claro'

const now = new Date('2026-11-23T12:00:00Z')
const ago = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString()

describe('Alerta risk', () => {
  it('marks a SIM swap or port-out inside the window high, outside it low', () => {
    const { events, risk } = assessAlerts(
      [
        { eventName: 'SIMCARD_CHANGED', timestamp: ago(1) },
        { eventName: 'PORTOUT_REQUESTED', timestamp: ago(30) },
      ],
      now,
      7,
    )
    expect(risk).toBe('high')
    expect(events.map((e) => [e.eventName, e.ageDays, e.risk])).toEqual([
      ['SIMCARD_CHANGED', 1, 'high'],
      ['PORTOUT_REQUESTED', 30, 'low'],
    ])
  })
  it('rates device/number changes and cancellations inside the window as attention', () => {
    expect(assessAlerts([{ eventName: 'DEVICE_CHANGED', timestamp: ago(2) }], now, 7).risk).toBe('medium')
  })
  it('honours the window from settings', () => {
    expect(assessAlerts([{ eventName: 'SIMCARD_CHANGED', timestamp: ago(20) }], now, 30).risk).toBe('high')
  })
  it('keeps an unreadable timestamp visible as unknown instead of guessing', () => {
    expect(assessAlerts([{ eventName: 'SIMCARD_CHANGED', timestamp: 'ontem' }], now, 7)).toMatchObject({ risk: 'unknown', events: [{ ageDays: null }] })
  })
  it('is low with no events', () => expect(assessAlerts([], now, 7).risk).toBe('low'))
})

describe('Score policy', () => {
  it('approves at or above the threshold, reviews below', () => {
    expect(scoreDecision(500, 500)).toBe('approve')
    expect(scoreDecision(499, 500)).toBe('review')
  })
})
