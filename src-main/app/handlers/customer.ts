import type { Handlers } from '../router'
import type { CoreContext } from '../../services/context'
import { checkCustomer, CustomerMemory } from '../../services/customer/service'

/** Cliente: every asked check, then one verdict from the policy in force (settings). */
export function customerHandlers(ctx: CoreContext): Pick<Handlers, 'customer:check'> {
  const memory = new CustomerMemory()
  return {
    'customer:check': (input) => checkCustomer(ctx, input, ctx.settings.get().policy, memory),
  }
}
