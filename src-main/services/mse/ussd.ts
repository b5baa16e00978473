import type { UssdPushResult } from '../../../src-shared/contract/ussd'
import { MseCredentialSchema } from '../../../src-shared/domain/credentials'
import { normaliseCtn } from '../../../src-shared/domain/mse-validate'
import { forbiddenHost } from '../../../src-shared/domain/net'
import { validateUssd, type UssdCommand } from '../../../src-shared/domain/ussd'
import type { UssdExchange, UssdTransport } from '../../../src-shared/domain/ussd-session'
import { buildUssdRequest, buildUssdResponse, parseUssdCommand } from '../../../src-shared/domain/ussd-xml'
import type { CoreContext } from '../context'
import { AppFailure, toAppError } from '../../infra/errors'
import { rawAnswer } from '../../infra/http/client'
import { providerCredential } from '../provider-credential'
import { parseMseResponse } from '../../providers/mse'
import { sendMse } from './effect'
import { SANDBOX_MSE_PASSWORD } from './service'
import type { ProviderCredentialDeps } from '../provider-credential'
import type { MseEffectDeps } from './effect'
import type { MseDeps } from './service'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type UssdDeps = Pick<CoreContext, 'baseUrl' | 'http' | 'translate' | 'ussdLog'> &
  ProviderCredentialDeps &
  MseEffectDeps &
  MseDeps

/** USSD pushes use the `mse:USSD` profile (seed 003 §6.4.18: profile + password in the XML head). */
const USSD_CREDENTIAL = 'mse:USSD'
/** What the emulated MSE waits for a partner application before saying it did not answer. */
const USSD_APP_TIMEOUT_MS = 10_000

export interface UssdPush {
  msisdn: string
  shortCode: string
  sessionOwner?: string | undefined
  command: UssdCommand
  /** Send again although an identical push ended "resultado incerto". */
  resend?: boolean | undefined
  /** §6.4.18 optional head fields. */
  billing?:
    | {
        billingcode?: string | undefined
        ctn_billing?: string | undefined
        content_description?: string | undefined
        transaction_info?: string | undefined
      }
    | undefined
}

/** §6.4.18–20: menu, input or notify, POSTed as XML to /MSE/ussd (async recommended). Sent once. */
export async function pushUssd(ctx: UssdDeps, push: UssdPush): Promise<UssdPushResult> {
  const msisdn = normaliseCtn(push.msisdn)
  if (!/^\d{10,11}$/.test(msisdn)) throw new AppFailure('ussd.msisdn', { msisdn: push.msisdn.slice(0, 20) })
  if (!/^\d{1,6}$/.test(push.shortCode)) throw new AppFailure('ussd.short_code', { code: push.shortCode.slice(0, 20) })
  const errors = validateUssd(push.command).filter((p) => p.level === 'error')
  if (errors.length > 0)
    throw new AppFailure(
      'ussd.invalid',
      { summary: errors.map((p) => p.code).join(', ') },
      { problems: errors as never },
    )
  const credential = await providerCredential(ctx, USSD_CREDENTIAL, 'MSE USSD', MseCredentialSchema, {
    profile: 'SANDBOX_USSD',
    password: SANDBOX_MSE_PASSWORD,
  })
  const extras = Object.fromEntries(
    Object.entries(push.billing ?? {})
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, (v as string).trim()]),
  )
  const head = {
    profile: credential.profile,
    password: credential.password,
    msisdn,
    short_code: push.shortCode,
    mode: 'async',
    ...extras,
    ...(push.sessionOwner ? { session_owner: push.sessionOwner } : {}),
  }
  const xml = buildUssdRequest(head, push.command)
  const request = {
    method: 'POST' as const,
    url: `${await ctx.baseUrl('mse')}/ussd`,
    headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
    body: xml,
  }
  // A menu shown on a subscriber's handset is an effect (seed 003 §6.4.18): sent at most once.
  const answer = await sendMse(ctx, 'USSD_PUSH', request, {
    payload: { msisdn, shortCode: push.shortCode, command: push.command },
    target: msisdn,
    resend: push.resend,
  })
  const raw = rawAnswer(request, answer)
  if (answer.status !== 200) throw new AppFailure('mse.http_status', { status: answer.status }, { raw })
  const parsed = parseMseResponse(answer.body)
  if (!parsed.ok) throw new AppFailure('mse.malformed', { reason: parsed.reason.slice(0, 300) }, { raw })
  const r = parsed.response
  // The XML shown to the user has the password masked: the secret never leaves the main process.
  const sentXml = buildUssdRequest({ ...head, password: '•••' }, push.command)
  ctx.ussdLog.add({
    kind: 'push',
    msisdn,
    shortCode: push.shortCode,
    summary: `${push.command.kind} → status ${r.statusCode}${r.errorMessage ? ` (${r.errorMessage})` : ''}`,
    detail: { sent: sentXml, answer: answer.body },
  })
  return {
    statusCode: r.statusCode,
    transactionId: r.transactionId,
    ...(r.errorMessage === undefined ? {} : { errorMessage: r.errorMessage }),
    warnings: r.warnings,
    sentXml,
    raw,
  }
}

/**
 * MSE towards a partner USSD application (§6.4.21–23): POST of a `ussd_message_response`, the answer read as a
 * command. Failures come back as plain words in the exchange, never as exceptions: the phone shows them.
 */
export function httpUssdTransport(ctx: UssdDeps, url: string, timeoutMs = USSD_APP_TIMEOUT_MS): UssdTransport {
  return async (head, response) => {
    const request = buildUssdResponse(head, response)
    const started = performance.now()
    const at = new Date().toISOString()
    const base: Omit<UssdExchange, 'durationMs'> = {
      at,
      request,
      response: null,
      status: null,
      error: null,
      command: null,
    }
    try {
      const answer = await ctx.http.send('app USSD', {
        method: 'POST',
        url,
        headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
        body: request,
        timeoutMs,
      })
      const durationMs = Math.round((performance.now() - started) * 10) / 10
      const got = { ...base, response: answer.body.slice(0, 64 * 1024), status: answer.status, durationMs }
      if (answer.status !== 200) return { ...got, error: `HTTP ${answer.status}` }
      const command = parseUssdCommand(answer.body)
      return command.ok
        ? { ...got, command: command.value }
        : { ...got, error: `resposta inválida / invalid answer: ${command.reason}` }
    } catch (error) {
      const durationMs = Math.round((performance.now() - started) * 10) / 10
      const message = error instanceof AppFailure ? toAppError(error, ctx.translate()).message : String(error)
      return { ...base, durationMs, error: message }
    }
  }
}

export function checkAppUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AppFailure('ussd.app_url', { url: url.slice(0, 200) })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new AppFailure('ussd.app_url', { url: url.slice(0, 200) })
  // Never toward link-local networks or a cloud metadata service (issue #14).
  if (forbiddenHost(url)) throw new AppFailure('ussd.app_url', { url: url.slice(0, 200) })
  return parsed.toString()
}
