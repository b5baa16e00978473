import type { CoreContext } from '../context'
import type { Handlers } from '../router'
import { callMse } from '../../providers/mse/service'
import { registerSandboxDelivery } from '../../providers/mse/callbacks'

export function mseHandlers(ctx: CoreContext): Pick<Handlers, 'mse:call' | 'mse:messages'> {
  return {
    'mse:call': async (call) => {
      if (call.mode.includes('delivery')) await registerSandboxDelivery(ctx).catch((error: unknown) => ctx.log.warn('callbacks.sandbox_register_failed', { reason: (error as Error).message }))
      return callMse(ctx, call)
    },
    'mse:messages': ({ limit }) => ctx.mseMessages.list(limit),
  }
}
