import { z } from 'zod'
import { EnvironmentSchema } from './environment'
import { DEFAULT_POLICY, PolicySchema } from './policy/schema'
import { classifyUrl, forbiddenHost } from './net'
import { AlertEventTypeSchema } from './claro'

export const LANGUAGES = ['pt-BR', 'en'] as const
export const LanguageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof LanguageSchema>
export const DEFAULT_LANGUAGE: Language = 'pt-BR'

export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo'
export const DEFAULT_CASE_RETENTION_DAYS = 1825
const AnalystNameSchema = z
  .string()
  .trim()
  .max(80)
  .regex(/^[^\p{Cc}]*$/u, { message: 'sem caracteres de controle / no control characters' })
const validZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(validZone, { message: 'fuso horário desconhecido / unknown time zone' })

/**
 * The settings file. Every field has a default so a missing or partial file yields safe values;
 * unknown keys (from a newer version) are dropped rather than trusted.
 */
export const SandboxEventSchema = z.object({
  msisdn: z.string().regex(/^55\d{11}$/),
  eventName: AlertEventTypeSchema,
  at: z.iso.datetime({ offset: true }),
})

/** Knobs of the embedded sandbox (DESIGN.md "Embedded sandbox"). */
export const SandboxKnobsSchema = z.object({
  latencyMs: z.number().int().min(0).max(30_000).default(0),
  /** Probability 0–1 that a request fails with 500. */
  errorRate: z.number().min(0).max(1).default(0),
  /** Requests per second per provider before 429 with Retry-After; 0 = unlimited. */
  rateLimitPerSecond: z.number().int().min(0).max(10_000).default(0),
  /** Token lifetime; seed 001: 24 h. */
  tokenLifetimeSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(86_400),
  /** Claro Alerta events added to a line "now" (issue #17: a SIM swap to watch a watchlist catch). */
  extraEvents: z.array(SandboxEventSchema).max(1000).default([]),
})
export type SandboxKnobs = z.infer<typeof SandboxKnobsSchema>

/** The local listener for provider callbacks (DESIGN.md "Callback listener"): loopback by default. */
export const CallbackSettingsSchema = z.object({
  bindAddress: z.string().max(100).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8787),
})

export type CallbackSettings = z.infer<typeof CallbackSettingsSchema>

/** Issue #17: where a watchlist's changes are posted (CloudEvents; the signing secret lives in the keychain). */
export const WatchSettingsSchema = z.object({
  webhookUrl: z.string().max(500).nullable().default(null),
  /** The line in an outbound alert: `(11) 9****-0001` unless the team asked for it whole. */
  maskLines: z.boolean().default(true),
  /** How long one delivery attempt waits for the receiver (issue #24); past it, "maybe delivered", retried later. */
  timeoutSeconds: z.number().int().min(1).max(300).default(30),
})
export type WatchSettings = z.infer<typeof WatchSettingsSchema>

export const SettingsSchema = z.object({
  language: LanguageSchema.default(DEFAULT_LANGUAGE),
  environment: EnvironmentSchema.default('sandbox'),
  /** Store identifiers masked in the history (LGPD). */
  maskIdentifiers: z.boolean().default(true),
  /** History rows older than this are purged (LGPD). */
  historyRetentionDays: z.number().int().min(1).max(3650).default(90),
  sandbox: SandboxKnobsSchema.default(SandboxKnobsSchema.parse({})),
  /**
   * Custom endpoints and the webhook may be on this machine or a private network only with this consent (issue #23):
   * credentials and customers' data would otherwise go wherever a pasted URL points inside the company network.
   */
  allowPrivateAddresses: z.boolean().default(false),
  /** Base URLs for the `custom` environment. */
  customEndpoints: z
    .object({
      claro: z.string().max(500).optional(),
      clearsale: z.string().max(500).optional(),
      mse: z.string().max(500).optional(),
    })
    .default({}),
  callbacks: CallbackSettingsSchema.default(CallbackSettingsSchema.parse({})),
  watch: WatchSettingsSchema.default(WatchSettingsSchema.parse({})),
  /** The decision policy: every threshold once (Consulta's labels, Cliente, Lote, exports, CLI). */
  policy: PolicySchema.default(DEFAULT_POLICY),
  /** Dates in exports and on screen are shown in this zone (IANA name). */
  timeZone: TimeZoneSchema.default(DEFAULT_TIME_ZONE),
  /** Who signs policy changes, adoptions and case decisions (issue #22); empty: the operating system's user. */
  analystName: AnalystNameSchema.default(''),
  /**
   * Decided cases (the analyst's decisions, an audit record) are kept this long after their last act. Default five
   * years: the limitation period of consumer claims (CDC art. 27) during which a refusal may have to be explained.
   */
  caseRetentionDays: z.number().int().min(30).max(3650).default(DEFAULT_CASE_RETENTION_DAYS),
  /** Cliente reuses a Data Trust transaction of the same person this recent instead of paying another (0 = never). */
  dataTrustReuseHours: z.number().int().min(0).max(720).default(24),
})
export type Settings = z.infer<typeof SettingsSchema>

/**
 * A provider base URL of the `custom` environment: http(s), never link-local or a cloud metadata service in any
 * spelling. Loopback and private networks need consent and names are resolved: main checks both (settings:update).
 */
const EndpointSchema = z
  .url()
  .max(500)
  .refine((u) => classifyUrl(u).ok, { message: 'só http(s) / http(s) only' })
  .refine((u) => !forbiddenHost(u), {
    message: 'endereço link-local ou de metadados de nuvem / link-local or cloud metadata address',
  })

/** What settings:update accepts: any subset of the fields, nothing else. */
export const SettingsPatchSchema = z.strictObject({
  language: LanguageSchema.optional(),
  environment: EnvironmentSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  maskIdentifiers: z.boolean().optional(),
  historyRetentionDays: z.number().int().min(1).max(3650).optional(),
  analystName: AnalystNameSchema.optional(),
  caseRetentionDays: z.number().int().min(30).max(3650).optional(),
  dataTrustReuseHours: z.number().int().min(0).max(720).optional(),
  sandbox: z
    .strictObject({
      latencyMs: z.number().int().min(0).max(30_000).optional(),
      errorRate: z.number().min(0).max(1).optional(),
      rateLimitPerSecond: z.number().int().min(0).max(10_000).optional(),
      tokenLifetimeSeconds: z
        .number()
        .int()
        .min(1)
        .max(7 * 86_400)
        .optional(),
      extraEvents: z.array(SandboxEventSchema).max(1000).optional(),
    })
    .optional(),
  callbacks: z
    .strictObject({
      bindAddress: z.string().max(100).optional(),
      port: z.number().int().min(0).max(65535).optional(),
      /** Binding to anything but loopback exposes the listener to a network: the analyst confirms it explicitly. */
      exposeConfirmed: z.boolean().optional(),
    })
    .optional(),
  allowPrivateAddresses: z.boolean().optional(),
  customEndpoints: z
    .strictObject({
      claro: EndpointSchema.optional(),
      clearsale: EndpointSchema.optional(),
      mse: EndpointSchema.optional(),
    })
    .optional(),
  watch: z
    .strictObject({
      webhookUrl: EndpointSchema.nullable().optional(),
      maskLines: z.boolean().optional(),
      timeoutSeconds: z.number().int().min(1).max(300).optional(),
    })
    .optional(),
})
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>
