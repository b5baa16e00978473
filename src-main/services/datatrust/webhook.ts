import { WEBHOOK_TYPES, WebhookNotificationSchema } from '../../../src-shared/domain/clearsale'
import type { CoreContext } from '../context'
import { bearerMatches, type CallbackRoute } from '../../infra/callbacks/listener'
import { clearSaleCredential, getDataTrust } from './service'
import type { DataTrustDeps } from './service'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type WebhookDeps = Pick<CoreContext, 'callbacks' | 'environment' | 'events' | 'http' | 'sandbox'> & DataTrustDeps

const CLEARSALE_WEBHOOK_PATH = '/clearsale/webhook'

/**
 * seed 004 "Webhook": `POST {URL_CADASTRADA}` with `Authorization: Bearer {TOKEN_CADASTRADO}` and
 * `{Code, TypeId, Description, Date}`. The notification carries no data ("fica a cargo do integrador o consumo
 * da consulta"), so the transaction is re-queried right after answering.
 */
export function clearSaleWebhookRoute(ctx: WebhookDeps): CallbackRoute {
  return {
    method: 'POST',
    path: CLEARSALE_WEBHOOK_PATH,
    accepts: ['application/json'],
    maxBody: 16 * 1024,
    async authenticate(req) {
      const valid = bearerMatches(req, (await clearSaleCredential(ctx).catch(() => null))?.webhookToken)
      return valid ? 'clearsale:webhook' : null
    },
    async handle(_req, body) {
      let parsed: ReturnType<typeof WebhookNotificationSchema.safeParse>
      try {
        parsed = WebhookNotificationSchema.safeParse(JSON.parse(body.toString('utf8')))
      } catch {
        return { status: 400 }
      }
      if (!parsed.success) return { status: 400 }
      const n = parsed.data
      return {
        status: 200,
        record: {
          provider: 'clearsale',
          kind: `webhook:${n.TypeId}`,
          summary: `${n.Code} · ${WEBHOOK_TYPES[n.TypeId] ?? n.TypeId} · ${n.Description ?? ''}`,
          body: body.toString('utf8'),
        },
        after: async () => {
          const { transaction } = await getDataTrust(ctx, n.Code)
          ctx.events.publish('datatrust:updated', { transaction })
        },
      }
    },
  }
}

let registered = ''

/** In the sandbox, plays ClearSale's account manager: registers the listener's URL and token as the webhook. */
export async function registerSandboxWebhook(ctx: WebhookDeps): Promise<void> {
  const listener = ctx.callbacks.status()
  if (ctx.environment() !== 'sandbox' || !listener.url) return
  const sandboxUrl = await ctx.sandbox.url('clearsale')
  const token = (await clearSaleCredential(ctx)).webhookToken ?? ''
  const key = `${sandboxUrl}|${listener.url}|${token}`
  if (key === registered) return
  await ctx.http.send('ClearSale sandbox', {
    method: 'POST',
    url: `${sandboxUrl}/__sandbox/webhook`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: `${listener.url}${CLEARSALE_WEBHOOK_PATH}`, token }),
  })
  registered = key
}
