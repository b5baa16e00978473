import { decide, type Decision } from './decide'
import { FactsSchema, PENDING, type Facts } from './facts'
import { policyRef, VERDICTS, type Policy, type Verdict } from './schema'

/*
 * A screened row before and after its checks answered (issue #22 item 4). While any asked check has no answer yet
 * the row is *pendente* — not a verdict: it never reads "Revisar", never opens a case and never counts as one. Only
 * a row whose every asked check ended (answered, not found, not run, failed, unknown) carries the policy's verdict.
 */

export const PENDING_VERDICT = 'pendente'
export const ROW_VERDICTS = [...VERDICTS, PENDING_VERDICT] as const
export type RowVerdict = (typeof ROW_VERDICTS)[number]

/** An asked check without its answer yet (a batch still running, paused or stopped before it). */
export function isPending(facts: Facts): boolean {
  return facts.checks.some((check) => {
    const o = facts.outcomes[check]
    return o === undefined || (o.status === 'not_run' && o.code === PENDING)
  })
}

/** A check whose effect may or may not have happened ("resultado incerto"): it waits for an analyst either way. */
export function isUncertain(facts: Facts): boolean {
  return facts.checks.some((check) => facts.outcomes[check]?.status === 'unknown')
}

export interface RowDecision extends Omit<Decision, 'verdict'> {
  verdict: RowVerdict
}

/** The row's verdict: pendente while an asked check has not answered, else the policy's. */
export function rowVerdict(decision: Decision, facts: Facts): RowVerdict {
  return isPending(facts) ? PENDING_VERDICT : decision.verdict
}

/** Whether an analyst must look at the row: the machine said "revisar", or an effect's outcome is unknown. */
export function needsReview(verdict: RowVerdict, facts: Facts): boolean {
  return verdict === 'revisar' || (verdict !== PENDING_VERDICT && isUncertain(facts))
}

/**
 * Rows decided as memoDecider decides them (one decision per distinct facts JSON: repeated customers, clean lines),
 * pendente included; the parsed facts come back too.
 */
export function memoRowDecider(policy: Policy): (factsJson: string) => RowDecision & { facts: Facts } {
  const ref = policyRef(policy)
  const memo = new Map<string, RowDecision & { facts: Facts }>()
  return (factsJson) => {
    let d = memo.get(factsJson)
    if (!d) {
      const facts = FactsSchema.parse(JSON.parse(factsJson))
      const decision = decide(policy, facts, ref)
      d = { ...decision, verdict: rowVerdict(decision, facts), facts }
      if (memo.size > 100_000) memo.clear()
      memo.set(factsJson, d)
    }
    return d
  }
}

export const isVerdict = (v: string): v is Verdict => (VERDICTS as readonly string[]).includes(v)
