import { DEFAULT_POLICY, policyHash, policyRef } from '../../../src-shared/domain/policy/schema'
import type { PolicyLogEntryView } from '../../../src-shared/contract/policy'
import type { CoreContext } from '../../services/context'
import type { PolicyLog, PolicyLogEntry } from '../../services/policy/log'
import { analystName } from '../../infra/analyst'
import type { Handlers } from '../router'

const logView = (e: PolicyLogEntry): PolicyLogEntryView => ({
  id: e.id,
  at: e.at,
  who: e.who,
  reason: e.reason,
  kind: e.kind,
  jobId: e.jobId,
  name: e.policy.name,
  ref: e.ref,
  previous: e.previous,
  changes: e.changes,
})

/** The decision policy: read, replaced whole (validated by the contract; versioned and logged here), its log. */
export function policyHandlers(
  ctx: CoreContext,
  log: PolicyLog,
): Pick<Handlers, 'policy:get' | 'policy:set' | 'policy:log'> {
  const state = () => {
    const policy = ctx.settings.get().policy
    return { policy, ref: policyRef(policy), defaults: DEFAULT_POLICY }
  }
  return {
    'policy:get': () => state(),
    'policy:set': async ({ policy, reason }) => {
      const current = ctx.settings.get().policy
      // Nothing changed (same rules, same name): nothing to log.
      if (policyHash(current) === policyHash(policy) && current.name === policy.name) return state()
      const next = { ...policy, version: log.versionFor(policy, current) }
      // Logged first: a change that reaches the settings file is never missing from the log.
      const entry = log.record({
        who: analystName(ctx.settings),
        reason,
        kind: 'in_force',
        policy: next,
        previous: current,
      })
      try {
        const saved = await ctx.settings.setPolicy(next)
        ctx.events.publish('settings:changed', saved)
      } catch (error) {
        log.retract(entry.id)
        throw error
      }
      return state()
    },
    'policy:log': ({ limit }) => log.list(limit).map(logView),
  }
}
