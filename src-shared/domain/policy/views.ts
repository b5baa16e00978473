import type { AlertEvent, RiskWindows } from '../claro'
import { alertFacts } from './facts'
import { decide, type Decision } from './decide'
import type { Policy } from './schema'

/*
 * Consulta's labels come from the same engine: a single Alerta or Score answer is decided as a customer check
 * of that one provider, so a score of 317 reads the same in Consulta, Cliente and Lote.
 */

export function riskWindows(policy: Policy): RiskWindows {
  return { takeoverDays: policy.rules.takeover_recent.days, lineChangeDays: policy.rules.line_change_recent.days }
}

export function decideScore(policy: Policy, score: number): Decision {
  return decide(policy, { checks: ['score'], outcomes: { score: { status: 'answered', answer: { score } } } })
}

export function decideAlerts(policy: Policy, events: readonly AlertEvent[], now: Date): Decision {
  return decide(policy, {
    checks: ['alerts'],
    outcomes: { alerts: { status: 'answered', answer: alertFacts(events, now) } },
  })
}
