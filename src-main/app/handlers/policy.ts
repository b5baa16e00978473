import { DEFAULT_POLICY, nextPolicy, policyRef } from '../../../src-shared/domain/policy/schema'
import type { CoreContext } from '../../services/context'
import type { Handlers } from '../router'

/** The decision policy: read, and replaced whole (validated by the contract; versioned here). */
export function policyHandlers(ctx: CoreContext): Pick<Handlers, 'policy:get' | 'policy:set'> {
  const state = () => {
    const policy = ctx.settings.get().policy
    return { policy, ref: policyRef(policy), defaults: DEFAULT_POLICY }
  }
  return {
    'policy:get': () => state(),
    'policy:set': async ({ policy }) => {
      const next = await ctx.settings.setPolicy(nextPolicy(ctx.settings.get().policy, policy))
      ctx.events.publish('settings:changed', next)
      return state()
    },
  }
}
