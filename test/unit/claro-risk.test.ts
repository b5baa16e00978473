import { describe, expect, it } from 'vitest'
import { assessAlerts } from '../../src-shared/domain/claro'
import { DEFAULT_POLICY, decideScore, riskWindows } from '../../src-shared/domain/policy'

const now = new Date('2026-11-23T12:00:00Z')
const ago = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString()
const w7 = { takeoverDays: 7, lineChangeDays: 7 }

describe('Alerta risk', () => {
  it('marks a SIM swap or port-out inside the window high, outside it low', () => {
    const { events, risk } = assessAlerts(
      [
        { eventName: 'SIMCARD_CHANGED', timestamp: ago(1) },
        { eventName: 'PORTOUT_REQUESTED', timestamp: ago(30) },
      ],
      now,
      w7,
    )
    expect(risk).toBe('high')
    expect(events.map((e) => [e.eventName, e.ageDays, e.risk])).toEqual([
      ['SIMCARD_CHANGED', 1, 'high'],
      ['PORTOUT_REQUESTED', 30, 'low'],
    ])
  })
  it('rates device/number changes and cancellations inside the line-change window as attention', () => {
    expect(assessAlerts([{ eventName: 'DEVICE_CHANGED', timestamp: ago(2) }], now, w7).risk).toBe('medium')
    expect(
      assessAlerts([{ eventName: 'DEVICE_CHANGED', timestamp: ago(2) }], now, { takeoverDays: 7, lineChangeDays: 1 })
        .risk,
    ).toBe('low')
  })
  it("takes its windows from the policy's rules (one threshold per idea)", () => {
    const policy = {
      ...DEFAULT_POLICY,
      rules: { ...DEFAULT_POLICY.rules, takeover_recent: { ...DEFAULT_POLICY.rules.takeover_recent, days: 30 } },
    }
    expect(assessAlerts([{ eventName: 'SIMCARD_CHANGED', timestamp: ago(20) }], now, riskWindows(policy)).risk).toBe(
      'high',
    )
  })
  it('keeps an unreadable timestamp visible as unknown instead of guessing', () => {
    expect(assessAlerts([{ eventName: 'SIMCARD_CHANGED', timestamp: 'ontem' }], now, w7)).toMatchObject({
      risk: 'unknown',
      events: [{ ageDays: null }],
    })
  })
  it('is low with no events', () => expect(assessAlerts([], now, w7).risk).toBe('low'))
})

describe("Consulta's Score label comes from the policy", () => {
  it('reviews below the rule, approves at or above it — the same 317 everywhere', () => {
    expect(decideScore(DEFAULT_POLICY, 300).verdict).toBe('aprovar')
    expect(decideScore(DEFAULT_POLICY, 299).verdict).toBe('revisar')
    const strict = {
      ...DEFAULT_POLICY,
      rules: { ...DEFAULT_POLICY.rules, claro_score_low: { enabled: true, action: 'revisar' as const, below: 500 } },
    }
    expect(decideScore(strict, 317)).toMatchObject({
      verdict: 'revisar',
      reasons: [{ code: 'claro_score_low', params: { score: 317, below: 500 } }],
    })
  })
})
