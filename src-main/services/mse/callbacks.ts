import { parse } from 'node:querystring'
import { MseCredentialSchema } from '../../../src-shared/domain/credentials'
import type { CoreContext } from '../context'
import { tokensEqual } from '../../infra/secure-compare'
import { isLoopback, type CallbackRoute } from '../../infra/callbacks/listener'
import type { IncomingMessage } from 'node:http'
import { providerCredential } from '../provider-credential'
import type { MseInbound } from '../../../src-shared/contract/mse'
import { parseMseResponse } from '../../providers/mse'
import { parseMmsMo } from '../../providers/mse'
import { percentBytes } from '../../providers/mse'
import { buildUssdRequest, parseUssdResponse } from '../../../src-shared/domain/ussd-xml'
import type { ProviderCredentialDeps } from '../provider-credential'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type MseCallbackDeps = Pick<
  CoreContext,
  'callbacks' | 'environment' | 'events' | 'http' | 'log' | 'mseMessages' | 'sandbox' | 'ussdLog'
> &
  ProviderCredentialDeps

const MSE_RECEIPT_PATH = '/mse/receipt'
const MSE_MO_PATH = '/mse/mo'
const MSE_MMS_PATH = '/mse/mms'
const MSE_USSD_PATH = '/mse/ussd'
/** The userid/pwd the partner gives MSE for its deliveries (§6.4.1.1), kept like a profile: `mse:RECEIPTS`. */
const RECEIPTS_CREDENTIAL = 'mse:RECEIPTS'
const SANDBOX_RECEIPTS = { profile: 'sentinela', password: 'sentinela-sandbox-receipts' }

const receiptsCredential = (ctx: MseCallbackDeps) =>
  providerCredential(ctx, RECEIPTS_CREDENTIAL, 'MSE (recibos)', MseCredentialSchema, SANDBOX_RECEIPTS)

/** ISO-8859-1 query decoding (§6.4.5.1): `%E7` is "ç", not an invalid UTF-8 byte. */
function decodeLatin1Query(query: string): Record<string, string> {
  const parsed = parse(query, '&', '=', { decodeURIComponent: (s) => percentBytes(s).toString('latin1') })
  return Object.fromEntries(
    Object.entries(parsed).map(([k, v]) => [k, Array.isArray(v) ? (v[v.length - 1] ?? '') : (v ?? '')]),
  )
}

const XML = ['text/xml', 'application/xml'] as const

/**
 * The partner's user and password for MSE's deliveries (§6.4.1.1 `userid`/`pwd`, §6.4.5.1 `USER`/`PWD`; MMS MO and
 * USSD carry them in the URL the partner configured), compared in constant time. Without a stored credential only
 * receipts are accepted, and only from this machine (Configurações warns); MO, MMS and USSD are refused.
 */
async function deliveryAuthenticated(
  ctx: MseCallbackDeps,
  req: IncomingMessage,
  keys: readonly [string, string],
  loopbackWithout: boolean,
): Promise<string | null> {
  const expected = await receiptsCredential(ctx).catch(() => null)
  if (!expected) return loopbackWithout && isLoopback(req.socket.remoteAddress) ? 'mse:loopback' : null
  const query = decodeLatin1Query((req.url ?? '').split('?')[1] ?? '')
  const valid = tokensEqual(query[keys[0]], expected.profile) && tokensEqual(query[keys[1]], expected.password)
  return valid ? `${RECEIPTS_CREDENTIAL}/${expected.profile}` : null
}

/** Whether MSE receipts are open to loopback callers for want of a stored `mse:RECEIPTS` credential. */
export async function receiptsUnauthenticated(ctx: MseCallbackDeps): Promise<boolean> {
  return (await receiptsCredential(ctx).catch(() => null)) === null
}

/** §6.4.1.1: POST with `userid`/`pwd` in the query and the mse-response XML as body. */
export function mseReceiptRoute(ctx: MseCallbackDeps): CallbackRoute {
  return {
    method: 'POST',
    path: MSE_RECEIPT_PATH,
    accepts: XML,
    authenticate: (req) => deliveryAuthenticated(ctx, req, ['userid', 'pwd'], true),
    async handle(_req, body) {
      const parsed = parseMseResponse(body.toString('utf8'))
      if (!parsed.ok || !parsed.response.transactionId) return { status: 400 }
      const r = parsed.response
      const tid = r.transactionId ?? ''
      const status =
        r.parameters['SMPP_MESSAGE_STATUS'] ??
        `status-code ${r.statusCode}${r.errorMessage ? ` (${r.errorMessage})` : ''}`
      const message = ctx.mseMessages.receipt(tid, status, r.parameters)
      ctx.events.publish('mse:receipt', {
        transactionId: tid,
        status,
        statusCode: r.statusCode,
        parameters: r.parameters,
        errorMessage: r.errorMessage ?? null,
        message,
      })
      return {
        status: 200,
        record: {
          provider: 'mse',
          kind: 'receipt',
          summary: `${tid} · ${status}${message ? '' : ' (transação desconhecida)'}`,
          body: body.toString('utf8'),
        },
      }
    },
  }
}

function received(ctx: MseCallbackDeps, mo: MseInbound, body: string) {
  ctx.mseMessages.inbound(mo)
  ctx.events.publish('mse:mo', mo)
  return {
    status: 200,
    record: {
      provider: 'mse',
      kind: mo.kind === 'mms' ? 'mms-mo' : mo.kind === 'ussd' ? 'ussd' : 'mo',
      summary: `${mo.anum} → ${mo.bnum}: ${mo.text}`.slice(0, 300),
      body,
    },
  }
}

/** §6.4.5.1: SMS MO as a GET with TEXT, ID, ANUM, BNUM in ISO-8859-1. */
export function mseMoRoute(ctx: MseCallbackDeps): CallbackRoute {
  return {
    method: 'GET',
    path: MSE_MO_PATH,
    authenticate: (req) => deliveryAuthenticated(ctx, req, ['USER', 'PWD'], false),
    async handle(req) {
      const p = decodeLatin1Query((req.url ?? '').split('?')[1] ?? '')
      if (p['TEXT'] === undefined) return { status: 400 }
      const mo: MseInbound = {
        kind: 'sms',
        id: p['ID'] ?? '',
        anum: p['ANUM'] ?? '',
        bnum: p['BNUM'] ?? '',
        text: p['TEXT'],
        at: new Date().toISOString(),
      }
      return received(ctx, mo, JSON.stringify(mo))
    },
  }
}

/** §6.4.7.1: MMS MO as a POST of UTF-8 XML, the MMS form-encoded in a CDATA; its MIME parts are listed. */
export function mseMmsRoute(ctx: MseCallbackDeps): CallbackRoute {
  return {
    method: 'POST',
    path: MSE_MMS_PATH,
    accepts: XML,
    // An MMS carries pictures: up to 2 MiB.
    maxBody: 2 * 1024 * 1024,
    authenticate: (req) => deliveryAuthenticated(ctx, req, ['userid', 'pwd'], false),
    async handle(_req, body) {
      const xml = body.toString('utf8')
      const parsed = await parseMmsMo(xml)
      if (!parsed.ok) {
        ctx.log.warn('mse.mms_unreadable', { reason: parsed.reason })
        // Kept so the user sees what arrived and why it was refused.
        return {
          status: 400,
          record: { provider: 'mse', kind: 'mms-mo-invalid', summary: parsed.reason.slice(0, 300), body: xml },
        }
      }
      const m = parsed.mo
      const texts = m.parts.filter((p) => p.contentType.startsWith('text/plain') && p.text).map((p) => p.text ?? '')
      const mo: MseInbound = {
        kind: 'mms',
        id: m.id,
        anum: m.anum,
        bnum: m.bnum,
        text: [m.subject, ...texts].filter(Boolean).join(' — '),
        at: new Date().toISOString(),
        subject: m.subject,
        parts: m.parts,
        warnings: m.warnings,
      }
      return received(ctx, mo, xml)
    },
  }
}

let registered = ''

/** In the sandbox, plays the MSE team: points the profiles' deliveries at this listener. */
export async function registerSandboxDelivery(ctx: MseCallbackDeps): Promise<void> {
  const listener = ctx.callbacks.status()
  if (ctx.environment() !== 'sandbox' || !listener.url) return
  const sandboxUrl = await ctx.sandbox.url('mse')
  const auth = await receiptsCredential(ctx)
  const key = `${sandboxUrl}|${listener.url}|${auth.profile}`
  if (key === registered) return
  await ctx.http.send('MSE sandbox', {
    method: 'POST',
    url: `${sandboxUrl}/__sandbox/mse-delivery`,
    headers: { 'Content-Type': 'application/json' },
    // The partner's URLs for MMS MO and USSD carry its user and password, as it would configure them at MSE.
    body: JSON.stringify({
      receiptUrl: `${listener.url}${MSE_RECEIPT_PATH}`,
      moUrl: `${listener.url}${MSE_MO_PATH}`,
      mmsUrl: `${listener.url}${MSE_MMS_PATH}?${new URLSearchParams({ userid: auth.profile, pwd: auth.password })}`,
      ussdUrl: `${listener.url}${MSE_USSD_PATH}?${new URLSearchParams({ userid: auth.profile, pwd: auth.password })}`,
      userid: auth.profile,
      pwd: auth.password,
    }),
  })
  registered = key
}

/** What the USSD push console answers a subscriber's reply with (§6.4.22: "a resposta do parceiro deverá ser um comando"). */
export const USSD_CONSOLE_REPLY = 'Resposta recebida pelo Sentinela. Obrigado!'

/** §6.4.21–23: the subscriber's USSD request or answer, as a `ussd_message_response` POST; answered with a command. */
export function mseUssdRoute(ctx: MseCallbackDeps): CallbackRoute {
  return {
    method: 'POST',
    path: MSE_USSD_PATH,
    accepts: XML,
    authenticate: (req) => deliveryAuthenticated(ctx, req, ['userid', 'pwd'], false),
    async handle(_req, body) {
      const xml = body.toString('utf8')
      const parsed = parseUssdResponse(xml)
      if (!parsed.ok)
        return {
          status: 400,
          record: { provider: 'mse', kind: 'ussd-invalid', summary: parsed.reason.slice(0, 300), body: xml },
        }
      const { head, response } = parsed.value
      const text =
        'user_init' in response
          ? `*${head.short_code}#`
          : 'index' in response
            ? `opção ${response.index}`
            : response.input
      const mo: MseInbound = {
        kind: 'ussd',
        id: head.session_owner ?? '',
        anum: head.msisdn,
        bnum: head.short_code,
        text,
        at: new Date().toISOString(),
      }
      ctx.ussdLog.add({
        kind: 'inbound',
        msisdn: head.msisdn,
        shortCode: head.short_code,
        summary: text,
        detail: { received: xml },
      })
      // §6.4.18: "se existir uma sessão aberta junto ao cliente … esta informação deverá ser encaminhada".
      const reply = buildUssdRequest(
        {
          profile: '',
          password: '',
          mode: '',
          msisdn: head.msisdn,
          short_code: head.short_code,
          ...(head.session_owner ? { session_owner: head.session_owner } : {}),
        },
        { kind: 'notify', content: USSD_CONSOLE_REPLY },
      )
      return { ...received(ctx, mo, xml), reply: { contentType: 'text/xml; charset=UTF-8', body: reply } }
    },
  }
}
