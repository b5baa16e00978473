import type { AlertsResult, ScoreResult } from '../../../src-shared/contract/lookup'
import type { AlertEventType } from '../../../src-shared/domain/claro'
import { parseCpf } from '../../../src-shared/domain/cpf'
import { ClaroCredentialSchema, type ClaroCredential } from '../../../src-shared/domain/credentials'
import { parseMsisdn } from '../../../src-shared/domain/phone'
import type { CoreContext } from '../context'
import { AppFailure } from '../../infra/errors'
import { recordLookup } from '../lookups'
import { providerCredential } from '../provider-credential'
import { ClaroClient } from '../../providers/claro'
import type { LookupDeps } from '../lookups'
import type { ProviderCredentialDeps } from '../provider-credential'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type ClaroDeps = Pick<CoreContext, 'baseUrl' | 'environment' | 'http' | 'tokens'> &
  LookupDeps &
  ProviderCredentialDeps

/** The sandbox works with no credentials at all: this one is used when none is stored for `sandbox`. */
const SANDBOX_CLARO_CREDENTIAL: ClaroCredential = {
  key: 'sentinela-sandbox-key',
  secret: 'sentinela-sandbox-secret',
  customerId: 'SENTINELA_SANDBOX',
}

/** The Claro client for this environment (batch screening passes its own per-call timeout). */
export async function client(ctx: ClaroDeps, timeoutMs?: number, gate?: () => Promise<void>): Promise<ClaroClient> {
  const [baseUrl, credential] = await Promise.all([
    ctx.baseUrl('claro'),
    providerCredential(ctx, 'claro', 'Claro', ClaroCredentialSchema, SANDBOX_CLARO_CREDENTIAL),
  ])
  return new ClaroClient({
    http: ctx.http,
    tokens: ctx.tokens,
    baseUrl,
    env: ctx.environment(),
    credential,
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(gate ? { gate } : {}),
  })
}

/** Alerta: the number is normalised (and refused when impossible) before any call. */
export async function lookupAlerts(
  ctx: ClaroDeps,
  input: { msisdn: string; events?: AlertEventType[] },
): Promise<AlertsResult> {
  const parsed = parseMsisdn(input.msisdn)
  if (!parsed.ok) throw new AppFailure(`invalid_msisdn.${parsed.reason}`)
  const filter = [...new Set(input.events ?? [])]
  const claro = await client(ctx)
  return recordLookup(ctx, { kind: 'alerts', identifier: parsed.msisdn }, async () => {
    const { events, raw } = await claro.alerts(parsed.msisdn, filter)
    return {
      result: { msisdn: parsed.msisdn, filter, events, raw },
      summary: events.length === 0 ? '0' : events.map((e) => e.eventName).join(','),
    }
  })
}

/** Score: check digits verified first — Claro bills per answer (seed 002), a typo must not cost one. */
export async function lookupScore(ctx: ClaroDeps, input: { cpf: string }): Promise<ScoreResult> {
  const parsed = parseCpf(input.cpf)
  if (!parsed.ok) throw new AppFailure(`invalid_cpf.${parsed.reason}`)
  const claro = await client(ctx)
  return recordLookup(ctx, { kind: 'score', identifier: parsed.cpf }, async () => {
    const { score, raw } = await claro.score(parsed.cpf)
    return { result: { cpf: parsed.cpf, score, raw }, summary: String(score) }
  })
}
