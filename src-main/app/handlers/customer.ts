import type { Handlers } from '../router'
import type { CoreContext } from '../../services/context'
import { checkCustomer, CustomerMemory } from '../../services/customer/service'
import type { Cases } from '../../services/cases/service'

/** Cliente: every asked check, then one verdict from the policy in force (settings); revisar opens a case. */
export function customerHandlers(ctx: CoreContext, cases: Cases): Pick<Handlers, 'customer:check'> {
  const memory = new CustomerMemory()
  return {
    'customer:check': (input) => checkCustomer(ctx, input, ctx.settings.get().policy, memory, cases),
  }
}
