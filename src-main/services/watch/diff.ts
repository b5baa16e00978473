import type { Check } from '../../../src-shared/domain/batch'
import {
  alertFacts,
  decide,
  type Facts,
  type Outcome,
  type Policy,
  type Reason,
} from '../../../src-shared/domain/policy'
import type { KnownEvent, LineUpdate, NewChange, WatchLine } from './store'

/*
 * Issue #17: what changed on a line between two passes — a new Alerta event, a Score crossing the policy's line, a
 * number Claro no longer knows — and how severe, as the decision policy judges that single fact (the same engine
 * as Cliente and Lote). The first answered pass is the baseline: events already inside the policy's window are
 * reported once, marked as baseline; older ones are only remembered.
 */

type AlertsOutcome = Outcome<'alerts'>
type ScoreOutcome = Outcome<'score'>

const MAX_KNOWN = 200
const same = (a: KnownEvent, b: KnownEvent): boolean => a.name === b.name && a.at === b.at

function verdictOf(policy: Policy, facts: Facts): NewChange['severity'] {
  return decide(policy, facts).verdict as NewChange['severity']
}

export function diffLine(
  line: WatchLine,
  outcomes: Facts['outcomes'],
  checks: readonly Check[],
  policy: Policy,
): { update: LineUpdate | null; changes: NewChange[] } {
  const changes: NewChange[] = []
  const baseline = line.baselineAt === null
  // What makes a change the same one when a killed pass is done again: the line's state before this pass.
  const before = line.checkedAt ?? 'first'
  let status: LineUpdate['status'] | null = null
  let events: KnownEvent[] | null = null
  let score: number | null = null

  const alerts = checks.includes('alerts') ? (outcomes.alerts as AlertsOutcome | undefined) : undefined
  if (alerts?.status === 'answered') {
    status = 'answered'
    const seen = alerts.answer.events.map((e) => ({ name: e.name, at: e.at }))
    for (const event of alerts.answer.events) {
      const known = { name: event.name, at: event.at }
      if (line.knownEvents.some((k) => same(k, known))) continue
      const severity = verdictOf(policy, {
        checks: ['alerts'],
        outcomes: { alerts: { status: 'answered', answer: { events: [event] } } },
      })
      // At baseline an old event (outside every window) is history, not news.
      if (baseline && severity === 'aprovar') continue
      changes.push({
        lineId: line.id,
        kind: 'event',
        eventName: event.name,
        eventAt: event.at,
        severity,
        baseline,
        dedupe: `${line.id}|event|${event.name}|${event.at}`,
      })
    }
    events = [...seen, ...line.knownEvents.filter((k) => !seen.some((s) => same(s, k)))].slice(0, MAX_KNOWN)
  } else if (alerts?.status === 'not_found') {
    status = 'not_found'
    if (line.lastStatus !== 'not_found')
      changes.push({
        lineId: line.id,
        kind: 'unknown',
        severity: verdictOf(policy, { checks: ['alerts'], outcomes: { alerts: alerts } }),
        baseline,
        dedupe: `${line.id}|unknown|${before}`,
      })
  }

  const scored = checks.includes('score') ? (outcomes.score as ScoreOutcome | undefined) : undefined
  if (scored?.status === 'answered') {
    status ??= 'answered'
    score = scored.answer.score
    const judged = (value: number) =>
      verdictOf(policy, { checks: ['score'], outcomes: { score: { status: 'answered', answer: { score: value } } } })
    const now = judged(score)
    if (line.lastScore !== null && judged(line.lastScore) !== now)
      changes.push({
        lineId: line.id,
        kind: 'score',
        detail: { score, previous: line.lastScore },
        severity: now,
        baseline: false,
        dedupe: `${line.id}|score|${before}|${score}`,
      })
  }

  // A line whose every check failed this pass keeps its state: it is asked again next pass, nothing is concluded.
  return { update: status ? { lineId: line.id, status, score, events } : null, changes }
}

/**
 * A recorded change judged again as the pass judged it, with its reasons (issue #22: the case it opens or joins
 * carries the machine's sentences): an event by its age now, a number Claro no longer knows, a score.
 */
export function changeReasons(
  change: { kind: string; eventName: string | null; eventAt: string | null; detail: { score?: number } | null },
  policy: Policy,
  now = new Date(),
): Reason[] {
  if (change.kind === 'event' && change.eventName && change.eventAt) {
    const answer = alertFacts([{ eventName: change.eventName, timestamp: change.eventAt }], now)
    return decide(policy, { checks: ['alerts'], outcomes: { alerts: { status: 'answered', answer } } }).reasons
  }
  if (change.kind === 'unknown')
    return decide(policy, {
      checks: ['alerts'],
      outcomes: { alerts: { status: 'not_found', code: 'claro.not_found' } },
    }).reasons
  const score = change.detail?.score
  if (change.kind === 'score' && typeof score === 'number')
    return decide(policy, { checks: ['score'], outcomes: { score: { status: 'answered', answer: { score } } } }).reasons
  return []
}
