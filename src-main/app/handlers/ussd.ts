import type { Handset } from '../../../src-shared/contract/ussd'
import { replayScript } from '../../../src-shared/domain/ussd-session'
import type { CoreContext } from '../../services/context'
import { sandboxJson } from '../../services/sandbox-call'
import type { Handlers } from '../router'
import { registerSandboxDelivery } from '../../services/mse/callbacks'
import { DEMO_APP_PATH } from '../../providers/mse'
import { checkAppUrl, httpUssdTransport, pushUssd } from '../../services/mse/ussd'

type UssdChannels =
  | 'ussd:push'
  | 'ussd:app-exchange'
  | 'ussd:replay'
  | 'ussd:scripts'
  | 'ussd:script-save'
  | 'ussd:script-delete'
  | 'ussd:log'
  | 'sandbox:ussd-handset'
  | 'sandbox:ussd-key'
  | 'sandbox:ussd-demo'

export function ussdHandlers(ctx: CoreContext): Pick<Handlers, UssdChannels> {
  return {
    'ussd:push': async (push) => {
      // In the sandbox, the subscriber's answers are delivered to this listener (§6.4.22–23).
      await registerSandboxDelivery(ctx).catch((error: unknown) =>
        ctx.log.warn('callbacks.sandbox_register_failed', { reason: (error as Error).message }),
      )
      return pushUssd(ctx, push)
    },
    'ussd:app-exchange': async ({ url, head, response, timeoutMs }) => {
      const exchange = await httpUssdTransport(ctx, checkAppUrl(url), timeoutMs)(head, response)
      ctx.ussdLog.add({
        kind: 'app',
        msisdn: head.msisdn,
        shortCode: head.short_code,
        summary: `${Object.entries(response)[0]?.join('=') ?? ''} → ${exchange.error ?? exchange.command?.kind ?? ''}`,
        detail: exchange,
      })
      return exchange
    },
    'ussd:replay': async ({ url, script }) => {
      const result = await replayScript(script, httpUssdTransport(ctx, checkAppUrl(url)))
      ctx.ussdLog.add({
        kind: 'replay',
        msisdn: script.msisdn,
        shortCode: '',
        summary: `${script.name}: ${result.ok ? 'OK' : 'FALHOU'} (${result.steps.filter((s) => s.ok).length}/${result.steps.length})`,
        detail: result.steps,
      })
      return result
    },
    'ussd:scripts': () => ctx.ussdLog.scripts(),
    'ussd:script-save': ({ appUrl, script }) => ctx.ussdLog.saveScript(appUrl, script),
    'ussd:script-delete': ({ id }) => ({ deleted: ctx.ussdLog.deleteScript(id) }),
    'ussd:log': ({ limit }) => ctx.ussdLog.list(limit),
    'sandbox:ussd-handset': ({ msisdn }) =>
      sandboxJson<Handset>(ctx, 'mse', `/__sandbox/ussd-handset?msisdn=${encodeURIComponent(msisdn)}`),
    'sandbox:ussd-key': async ({ msisdn, key }) => {
      await registerSandboxDelivery(ctx).catch(() => undefined)
      return sandboxJson<Handset>(ctx, 'mse', '/__sandbox/ussd-key', { msisdn, key })
    },
    'sandbox:ussd-demo': async ({ variant }) => {
      const state = await sandboxJson<{ variant: 'a' | 'b' }>(
        ctx,
        'mse',
        `/__sandbox/ussd-demo${variant ? `?variant=${variant}` : ''}`,
      )
      return { url: `${await ctx.sandbox.url('mse')}${DEMO_APP_PATH}`, variant: state.variant }
    },
  }
}
