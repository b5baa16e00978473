import type { CoreContext } from '../../services/context'
import type { Handlers } from '../router'
import { AppFailure } from '../../infra/errors'
import { sandboxJson, sandboxRequest } from '../../services/sandbox-call'
import { callMse } from '../../services/mse/service'
import { registerSandboxDelivery } from '../../services/mse/callbacks'

const registerDelivery = (ctx: CoreContext): Promise<void> =>
  registerSandboxDelivery(ctx).catch((error: unknown) =>
    ctx.log.warn('callbacks.sandbox_register_failed', { reason: (error as Error).message }),
  )

export function mseHandlers(
  ctx: CoreContext,
): Pick<Handlers, 'mse:call' | 'mse:messages' | 'mse:inbox' | 'sandbox:mse-mo' | 'sandbox:sms-handsets'> {
  return {
    'mse:call': async (call) => {
      if (call.mode.includes('delivery')) await registerDelivery(ctx)
      return callMse(ctx, call)
    },
    'mse:messages': ({ limit }) => ctx.mseMessages.list(limit),
    'mse:inbox': ({ limit }) => ctx.mseMessages.inbox(limit),
    'sandbox:sms-handsets': async () => {
      if (ctx.environment() !== 'sandbox') return []
      return sandboxJson<never>(ctx, 'mse', '/__sandbox/sms-handsets')
    },
    'sandbox:mse-mo': async (mo) => {
      if (ctx.environment() !== 'sandbox') throw new AppFailure('mse.sandbox_only')
      await registerDelivery(ctx)
      const answer = await sandboxRequest(ctx, 'mse', '/__sandbox/mse-mo', mo)
      if (answer.status !== 204) throw new AppFailure('mse.mo_not_delivered')
      return { delivered: true }
    },
  }
}
