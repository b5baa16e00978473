import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, decide, RulesSchema } from '../../src-shared/domain/verdict'

const now = new Date('2026-11-23T12:00:00Z')
const ago = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString()
const clean = {
  alerts: { ok: true as const, events: [] },
  claroScore: { ok: true as const, score: 820 },
  dataTrust: { ok: true as const, score: 91.5, insights: [{ Code: 'TEL001', Description: 'visto', Relevance: 'Positivo' }] },
}

describe('customer verdict', () => {
  it('approves when no rule fires', () => expect(decide(clean, DEFAULT_RULES, now)).toEqual({ verdict: 'aprovar', fired: [] }))

  it('refuses a SIM swap within the window and says which event, how old, against which window', () => {
    const result = decide({ ...clean, alerts: { ok: true, events: [{ eventName: 'SIMCARD_CHANGED', timestamp: ago(1) }] } }, DEFAULT_RULES, now)
    expect(result).toEqual({ verdict: 'recusar', fired: [{ rule: 'takeover_recent', action: 'recusar', params: { event: 'SIMCARD_CHANGED', age: 1, days: 7 } }] })
  })

  it('ignores the same SIM swap outside the window', () => {
    expect(decide({ ...clean, alerts: { ok: true, events: [{ eventName: 'SIMCARD_CHANGED', timestamp: ago(30) }] } }, DEFAULT_RULES, now).verdict).toBe('aprovar')
  })

  it('reviews low scores and an "Alerta" insight, listing every rule that fired', () => {
    const result = decide(
      { alerts: clean.alerts, claroScore: { ok: true, score: 120 }, dataTrust: { ok: true, score: 12.3, insights: [{ Code: 'DEV9', Description: 'device suspeito', Relevance: 'Alerta' }] } },
      DEFAULT_RULES,
      now,
    )
    expect(result.verdict).toBe('revisar')
    expect(result.fired.map((f) => [f.rule, f.params])).toEqual([
      ['claro_score_low', { score: 120, limit: 300 }],
      ['datatrust_score_low', { score: 12.3, limit: 30 }],
      ['insight_alert', { code: 'DEV9', description: 'device suspeito' }],
    ])
  })

  it('reviews when a provider failed or did not know the customer', () => {
    const result = decide({ alerts: { ok: false, code: 'claro.not_found' }, claroScore: { ok: false, code: 'claro.server_error' } }, DEFAULT_RULES, now)
    expect(result.fired.map((f) => f.rule)).toEqual(['not_found', 'provider_failed'])
    expect(result.verdict).toBe('revisar')
  })

  it('follows edited rules: thresholds, actions and switches', () => {
    const rules = RulesSchema.parse({ claro_score_low: { enabled: true, action: 'recusar', threshold: 900 }, insight_alert: { enabled: false, action: 'revisar' } })
    const result = decide({ ...clean, dataTrust: { ok: true, score: 80, insights: [{ Code: 'X', Description: 'y', Relevance: 'Alerta' }] } }, rules, now)
    expect(result).toEqual({ verdict: 'recusar', fired: [{ rule: 'claro_score_low', action: 'recusar', params: { score: 820, limit: 900 } }] })
  })

  it('only judges what was asked: no provider, no rule', () => expect(decide({}, DEFAULT_RULES, now)).toEqual({ verdict: 'aprovar', fired: [] }))
})
