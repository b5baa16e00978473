import type { DataTrustResult, DataTrustSend } from '../../../src-shared/contract/datatrust'
import { DataTrustSendSchema } from '../../../src-shared/contract/datatrust'
import type { TransactionRequest } from '../../../src-shared/domain/clearsale'
import { parseCpf } from '../../../src-shared/domain/cpf'
import { ClearSaleCredentialSchema, type ClearSaleCredential } from '../../../src-shared/domain/credentials'
import { parseMsisdn } from '../../../src-shared/domain/phone'
import type { CoreContext } from '../context'
import { AppFailure } from '../../infra/errors'
import { recordLookup } from '../lookups'
import { providerCredential } from '../provider-credential'
import { effectFingerprint, runEffect } from '../effects'
import { maskCpf } from '../../../src-shared/domain/cpf'
import { sendTransactionOnce } from '../../providers/clearsale'
import { ClearSaleClient } from '../../providers/clearsale'
import type { LookupDeps } from '../lookups'
import type { ProviderCredentialDeps } from '../provider-credential'
import type { EffectDeps } from '../effects'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type DataTrustDeps = Pick<CoreContext, 'baseUrl' | 'environment' | 'http' | 'tokens'> &
  LookupDeps &
  ProviderCredentialDeps &
  EffectDeps

const SANDBOX_CLEARSALE_CREDENTIAL: ClearSaleCredential = {
  username: 'sentinela-sandbox',
  password: 'sentinela-sandbox-pass',
  webhookToken: 'sentinela-sandbox-webhook-token',
}

export function clearSaleCredential(ctx: DataTrustDeps): Promise<ClearSaleCredential> {
  return providerCredential(ctx, 'clearsale', 'ClearSale', ClearSaleCredentialSchema, SANDBOX_CLEARSALE_CREDENTIAL)
}

export async function clearSaleClient(
  ctx: DataTrustDeps,
  timeoutMs?: number,
  gate?: () => Promise<void>,
): Promise<ClearSaleClient> {
  const [baseUrl, credential] = await Promise.all([ctx.baseUrl('clearsale'), clearSaleCredential(ctx)])
  return new ClearSaleClient({
    http: ctx.http,
    tokens: ctx.tokens,
    baseUrl,
    env: ctx.environment(),
    credential,
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(gate ? { gate } : {}),
  })
}

/** The analyst's form → seed 004's request: phone split into AreaCode + Phone, CEP as digits, checks first. */
export function toTransactionRequest(raw: DataTrustSend): TransactionRequest {
  const input = DataTrustSendSchema.parse(raw)
  const cpf = parseCpf(input.cpf)
  if (!cpf.ok) throw new AppFailure(`invalid_cpf.${cpf.reason}`)
  let phone: { AreaCode: string; Phone: string } | null = null
  if (input.phone) {
    const msisdn = parseMsisdn(input.phone)
    if (!msisdn.ok) throw new AppFailure(`invalid_msisdn.${msisdn.reason}`)
    phone = { AreaCode: msisdn.msisdn.slice(2, 4), Phone: msisdn.msisdn.slice(4) }
  }
  const cep = input.cep?.replace(/\D/g, '')
  if (input.cep && cep?.length !== 8) throw new AppFailure('invalid_cep')
  if (input.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) throw new AppFailure('invalid_email')
  // seed 004: SessionID "Obrigatório se Type = 2".
  if (input.type === 2 && !input.sessionId) throw new AppFailure('datatrust.session_required')
  if (input.sendOptions.some((o) => o === 1 || o === 3) && !phone) throw new AppFailure('datatrust.phone_required')
  if (input.sendOptions.some((o) => o === 2 || o === 4) && !input.email)
    throw new AppFailure('datatrust.email_required')
  const hasAddress =
    cep || input.street || input.city || input.complement || input.district || input.physicalDelivery !== undefined
  const address = hasAddress
    ? {
        ZipCode: cep,
        Street: input.street,
        Number: input.number,
        Complement: input.complement,
        District: input.district,
        City: input.city,
        State: input.state,
        Country: input.country || 'Brasil',
        PhysicalDelivery: input.physicalDelivery,
      }
    : undefined
  const hasInfo = input.customerName || input.item || input.price || input.transaction || input.other
  const info = hasInfo
    ? {
        Transaction: input.transaction,
        CustomerName: input.customerName,
        Item: input.item,
        Price: input.price,
        Other: input.other,
      }
    : undefined
  return JSON.parse(
    JSON.stringify({
      Document: cpf.cpf,
      DocumentType: 'CPF',
      ...phone,
      Email: input.email || undefined,
      Address: address,
      SessionID: input.sessionId || undefined,
      SendOption: input.sendOptions.length ? input.sendOptions : undefined,
      VerifiedPhone: input.verifiedPhone,
      VerifiedEmail: input.verifiedEmail,
      AdditionalInformation: info,
      Type: input.type,
      ReferenceDate: input.referenceDate,
    }),
  ) as TransactionRequest
}

/**
 * A transaction is an effect (billed): journaled before it leaves, sent at most once, reconciled by the search when
 * its answer never comes; a send identical to an uncertain one waits for the analyst's `resend`.
 */
export async function sendDataTrust(ctx: DataTrustDeps, input: DataTrustSend): Promise<DataTrustResult> {
  const request = toTransactionRequest(input)
  const client = await clearSaleClient(ctx)
  let reconciled = false
  const recorded = await runEffect(
    ctx,
    { operation: 'clearsale.transaction', payload: request, target: maskCpf(request.Document), resend: input.resend },
    () =>
      recordLookup(ctx, { kind: 'datatrust', identifier: request.Document }, async () => {
        const sent = await sendTransactionOnce(client, request)
        reconciled = sent.reconciled
        if (!sent.raw) throw new AppFailure('clearsale.unexpected_answer', { what: 'reconciled transaction' })
        return {
          result: { transaction: sent.transaction, raw: sent.raw },
          summary: `${sent.transaction.ID} · ${sent.transaction.Results?.Score?.Value ?? '-'}${sent.reconciled ? ' · reconciled' : ''}`,
        }
      }),
    (r) => r.transaction.ID,
  )
  return {
    transaction: recorded.transaction,
    raw: recorded.raw,
    environment: recorded.environment,
    historyId: recorded.historyId,
    reconciled,
    reused: null,
  }
}

/**
 * Cliente's Data Trust (issue #22 item 7): the same person's transaction sent within `reuseHours` is read again (GET,
 * not billed) instead of paying for a new one — unless the analyst asks for a new one (`fresh`). A transaction the
 * provider no longer has is replaced by a new send, as no reuse would have done otherwise.
 */
export async function sendOrReuseDataTrust(
  ctx: DataTrustDeps,
  input: DataTrustSend,
  options: { reuseHours: number; fresh: boolean },
): Promise<DataTrustResult> {
  if (!options.fresh && options.reuseHours > 0) {
    const payload = toTransactionRequest(input)
    const fingerprint = effectFingerprint(ctx.environment(), 'clearsale.transaction', payload)
    const earlier = ctx.effects.lastDone(fingerprint, options.reuseHours * 3_600_000)
    if (earlier) {
      const again = await getDataTrust(ctx, earlier.resultRef).catch((error: unknown) => {
        if ((error as AppFailure).code === 'clearsale.transaction_not_found') return null
        throw error
      })
      if (again) return { ...again, reused: { at: earlier.startedAt, id: earlier.resultRef } }
    }
  }
  return sendDataTrust(ctx, input)
}

/** seed 004 "Consulta de resultado": the Results of one transaction, recorded in the history like a lookup. */
export async function dataTrustResult(ctx: DataTrustDeps, id: string) {
  const client = await clearSaleClient(ctx)
  const recorded = await recordLookup(ctx, { kind: 'datatrust', identifier: id }, async () => {
    const answer = await client.result(id)
    if (!answer) throw new AppFailure('clearsale.transaction_not_found', { id })
    return {
      result: { results: answer.results, raw: answer.raw },
      summary: `${id} · result · ${answer.results.Score?.Value ?? '-'}`,
    }
  })
  return {
    id,
    results: recorded.results,
    raw: recorded.raw,
    environment: recorded.environment,
    historyId: recorded.historyId,
  }
}

export async function getDataTrust(ctx: DataTrustDeps, id: string): Promise<DataTrustResult> {
  const answer = await (await clearSaleClient(ctx)).get(id)
  if (!answer) throw new AppFailure('clearsale.transaction_not_found', { id })
  return {
    transaction: answer.transaction,
    raw: answer.raw,
    environment: ctx.environment(),
    historyId: null,
    reconciled: false,
    reused: null,
  }
}
