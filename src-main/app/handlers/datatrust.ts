import type { CoreContext } from '../../services/context'
import type { Handlers } from '../router'
import {
  clearSaleCredential,
  dataTrustResult,
  getDataTrust,
  sendDataTrust,
  clearSaleClient,
} from '../../services/datatrust/service'
import { sandboxInbox, searchDataTrust, validateDataTrustToken } from '../../services/datatrust/operations'
import { registerSandboxWebhook } from '../../services/datatrust/webhook'
import { receiptsUnauthenticated } from '../../services/mse/callbacks'

type DataTrustHandlers = Pick<
  Handlers,
  | 'datatrust:send'
  | 'datatrust:get'
  | 'datatrust:result'
  | 'datatrust:validate-token'
  | 'datatrust:search'
  | 'datatrust:sms-template-get'
  | 'datatrust:sms-template-set'
  | 'datatrust:conditional-get'
  | 'datatrust:conditional-set'
  | 'sandbox:inbox'
  | 'callbacks:status'
  | 'callbacks:list'
>

export function datatrustHandlers(ctx: CoreContext): DataTrustHandlers {
  return {
    'datatrust:send': async (input) => {
      // The sandbox's webhook must point at this listener before the transaction can change.
      await registerSandboxWebhook(ctx).catch((error: unknown) =>
        ctx.log.warn('callbacks.sandbox_register_failed', { reason: (error as Error).message }),
      )
      const result = await sendDataTrust(ctx, input)
      ctx.events.publish('sandbox:inbox-changed', { count: 0 })
      return result
    },
    'datatrust:get': ({ id }) => getDataTrust(ctx, id),
    'datatrust:result': ({ id }) => dataTrustResult(ctx, id),
    'datatrust:validate-token': ({ id, token }) => validateDataTrustToken(ctx, id, token),
    'datatrust:search': (input) => searchDataTrust(ctx, input),
    'datatrust:sms-template-get': async ({ smsTypeId }) => {
      const config = await (await clearSaleClient(ctx)).getSmsTemplate(smsTypeId)
      return config ? { Text: config.Text, Active: config.Active ?? true, SmsTypeId: smsTypeId } : null
    },
    'datatrust:sms-template-set': async (config) => {
      await (await clearSaleClient(ctx)).setSmsTemplate(config)
      return {}
    },
    'datatrust:conditional-get': async () => (await clearSaleClient(ctx)).getConditionalSms(),
    'datatrust:conditional-set': async ({ enabled }) => {
      await (await clearSaleClient(ctx)).setConditionalSms(enabled)
      return {}
    },
    'sandbox:inbox': () => sandboxInbox(ctx),
    'callbacks:status': async () => {
      const warnings: ('receipts_open' | 'webhook_token_missing')[] = []
      if (await receiptsUnauthenticated(ctx)) warnings.push('receipts_open')
      if (!(await clearSaleCredential(ctx).catch(() => null))?.webhookToken) warnings.push('webhook_token_missing')
      return { ...ctx.callbacks.status(), warnings }
    },
    'callbacks:list': ({ limit }) => ctx.callbacks.list(limit),
  }
}
