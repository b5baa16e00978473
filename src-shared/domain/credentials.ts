import { z } from 'zod'
import type { Provider } from './environment'

/*
 * Credentials as the providers define them (DESIGN.md "CLI contract"): Claro key/secret/X-CustomerID
 * (seed 001: token with Basic base64(key:secret); X-CustomerID is the company name without spaces),
 * ClearSale username/password (seed 004), one MSE profile per service (seed 003 §6.2: profile, pwd).
 */

const field = (max: number) => z.string().trim().min(1).max(max)

export const ClaroCredentialSchema = z.strictObject({
  key: field(512),
  secret: field(512),
  customerId: field(128).regex(/^\S+$/, 'X-CustomerID: sem espaços / no spaces'),
})
export const ClearSaleCredentialSchema = z.strictObject({
  username: field(256),
  password: field(512),
  /** The secret ClearSale sends in `Authorization: Bearer` on webhook calls (seed 004 "Webhook"); optional. */
  webhookToken: z.string().trim().max(512).optional(),
})
export const MseCredentialSchema = z.strictObject({
  profile: field(128),
  password: field(256),
  billingCode: z.string().trim().max(64).optional(),
})
export type ClaroCredential = z.infer<typeof ClaroCredentialSchema>
export type ClearSaleCredential = z.infer<typeof ClearSaleCredentialSchema>
export type MseCredential = z.infer<typeof MseCredentialSchema>
export type CredentialValue = ClaroCredential | ClearSaleCredential | MseCredential

/** `claro`, `clearsale` or `mse:<SERVICE>` (seed 003 §6.4: service names such as SMS_TEXT, upper case). */
export const MSE_SERVICE_PATTERN = /^[A-Z][A-Z0-9_]{0,39}$/
export const CredentialNameSchema = z
  .string()
  .trim()
  .max(44)
  .transform((name) =>
    name.toLowerCase().startsWith('mse:') ? `mse:${name.slice(4).toUpperCase()}` : name.toLowerCase(),
  )
  .refine(
    (name) =>
      name === 'claro' || name === 'clearsale' || (name.startsWith('mse:') && MSE_SERVICE_PATTERN.test(name.slice(4))),
    {
      message: 'use claro, clearsale ou mse:<SERVIÇO> / use claro, clearsale or mse:<SERVICE>',
    },
  )
export type CredentialName = string

export function providerOf(name: CredentialName): Provider {
  return name.startsWith('mse:') ? 'mse' : (name as 'claro' | 'clearsale')
}

export function valueSchemaFor(name: CredentialName) {
  const provider = providerOf(name)
  return provider === 'claro'
    ? ClaroCredentialSchema
    : provider === 'clearsale'
      ? ClearSaleCredentialSchema
      : MseCredentialSchema
}

/** The identifying field whose last characters make a harmless hint (`key …a1b2`). */
const HINT_FIELD: Record<Provider, 'key' | 'username' | 'profile'> = {
  claro: 'key',
  clearsale: 'username',
  mse: 'profile',
}

/**
 * A hint that lets a person recognise which credential is stored without revealing it: the last 4 characters
 * of the identifying field, and only when it is long enough (≥ 8) that 4 characters say little about it.
 */
export function credentialHint(name: CredentialName, value: Record<string, unknown>): string {
  const fieldName = HINT_FIELD[providerOf(name)]
  const raw = value[fieldName]
  const text = typeof raw === 'string' ? raw : ''
  return text.length >= 8 ? `${fieldName} …${text.slice(-4)}` : `${fieldName} …`
}

export const CredentialSummarySchema = z.object({
  name: z.string(),
  provider: z.enum(['claro', 'clearsale', 'mse']),
  environment: z.string(),
  hint: z.string(),
  updatedAt: z.string().nullable(),
  /** `unreadable`: the keychain holds something for this name that is not a valid entry: replace it. */
  status: z.enum(['ok', 'unreadable']),
})
export type CredentialSummary = z.infer<typeof CredentialSummarySchema>
