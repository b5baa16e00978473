import { z } from 'zod'
import { channel } from './define'
import { AlertEventSchema, AlertEventTypeSchema } from '../domain/claro'
import { EnvironmentSchema } from '../domain/environment'

/** What the provider answered, kept for the "resposta bruta / raw response" view (request secrets never included). */
export const RawAnswerSchema = z.object({
  method: z.string(),
  url: z.string(),
  status: z.number(),
  contentType: z.string(),
  body: z.string(),
  truncated: z.boolean(),
  durationMs: z.number(),
})
export type RawAnswer = z.infer<typeof RawAnswerSchema>

const LookupMetaSchema = z.object({
  environment: EnvironmentSchema,
  at: z.string(),
  durationMs: z.number(),
  raw: RawAnswerSchema,
  historyId: z.number().nullable(),
})

export const AlertsResultSchema = LookupMetaSchema.extend({
  msisdn: z.string(),
  filter: z.array(AlertEventTypeSchema),
  events: z.array(AlertEventSchema),
})
export type AlertsResult = z.infer<typeof AlertsResultSchema>

export const ScoreResultSchema = LookupMetaSchema.extend({
  cpf: z.string(),
  score: z.number().min(0).max(1000),
})
export type ScoreResult = z.infer<typeof ScoreResultSchema>

const PersonaTextSchema = z.object({ 'pt-BR': z.string(), en: z.string() })
export const PersonasSchema = z.object({
  alerts: z.array(z.object({ msisdn: z.string(), description: PersonaTextSchema })),
  scores: z.array(z.object({ cpf: z.string(), description: PersonaTextSchema })),
  dataTrust: z.array(z.object({ cpf: z.string(), description: PersonaTextSchema })),
})

export const lookupChannels = {
  'lookup:alerts': channel(
    z.strictObject({ msisdn: z.string().max(40), events: z.array(AlertEventTypeSchema).max(5).optional() }),
    AlertsResultSchema,
  ),
  'lookup:score': channel(z.strictObject({ cpf: z.string().max(40) }), ScoreResultSchema),
  'sandbox:personas': channel(z.strictObject({}), PersonasSchema),
  /** Requests the embedded simulators received, per provider (`METHOD path` → count): proof of what was called. */
  'sandbox:stats': channel(z.strictObject({}), z.record(z.string(), z.record(z.string(), z.number()))),
}
