import { z } from 'zod'
import { channel } from './define'
import { VERDICTS } from '../domain/policy'

/* Monitoramento (issue #17): watchlists, their passes and the changes they found. */

export const WATCH_CHECK_IDS = ['alerts', 'score'] as const

export const WatchlistViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  checks: z.array(z.enum(WATCH_CHECK_IDS)),
  everyMinutes: z.number(),
  active: z.boolean(),
  lines: z.number(),
  createdAt: z.string(),
  lastRun: z.string().nullable(),
  nextRun: z.string().nullable(),
  running: z.boolean(),
  /** Claro lookups a day at this cadence, against the trial quota (seed 000). */
  quota: z.object({ claroPerDay: z.number(), trial: z.number() }),
  unread: z.number(),
})

export const WatchChangeViewSchema = z.object({
  id: z.number(),
  listId: z.number(),
  line: z.object({ id: z.number(), label: z.string(), msisdn: z.string(), cpf: z.string() }),
  kind: z.enum(['event', 'score', 'unknown']),
  eventName: z.string().nullable(),
  eventAt: z.string().nullable(),
  detail: z.object({ score: z.number().optional(), previous: z.number().nullable().optional() }).nullable(),
  severity: z.enum(VERDICTS),
  baseline: z.boolean(),
  detectedAt: z.string(),
  read: z.boolean(),
  /** The team webhook: not configured, waiting, delivered, or still failing after these attempts. */
  delivery: z.object({ state: z.enum(['none', 'pending', 'delivered', 'failing', 'abandoned']), attempts: z.number() }),
})
export type WatchChangeView = z.infer<typeof WatchChangeViewSchema>

export const watchChannels = {
  'watch:lists': channel(z.strictObject({}), z.array(WatchlistViewSchema)),
  /** A list from an uploaded CSV (batch:upload-*), created paused: its quota is shown before it is activated. */
  'watch:add': channel(
    z
      .strictObject({
        /** An uploaded CSV (batch:upload-*) … */
        uploadId: z.string().max(64).optional(),
        /** … or a finished batch's rows, read with its mapping. */
        jobId: z.number().int().optional(),
        name: z.string().trim().min(1).max(120),
        checks: z.array(z.enum(WATCH_CHECK_IDS)).min(1).max(2),
        everyMinutes: z.number().int().min(1).max(10_080),
      })
      .refine((r) => (r.uploadId === undefined) !== (r.jobId === undefined), { message: 'uploadId | jobId' }),
    z.object({ list: WatchlistViewSchema, added: z.number(), skipped: z.number() }),
  ),
  'watch:set-active': channel(z.strictObject({ listId: z.number().int(), active: z.boolean() }), WatchlistViewSchema),
  'watch:remove': channel(z.strictObject({ listId: z.number().int() }), z.object({ removed: z.boolean() })),
  /** One pass now; answers when it is done (its changes also arrive as `watch:change` events). */
  'watch:run': channel(
    z.strictObject({ listId: z.number().int() }),
    z.object({ asked: z.number(), changes: z.number() }),
  ),
  'watch:changes': channel(
    z.strictObject({ listId: z.number().int().optional(), lineId: z.number().int().optional() }),
    z.array(WatchChangeViewSchema),
  ),
  /** The team webhook as the screen may know it: where, masked or not, whether a secret is set — never the secret. */
  'watch:webhook': channel(
    z.strictObject({}),
    z.object({ url: z.string().nullable(), maskLines: z.boolean(), secretSet: z.boolean(), undelivered: z.number() }),
  ),
  'watch:read': channel(z.strictObject({ ids: z.array(z.number().int()).max(1000) }), z.object({ read: z.number() })),
  /** Issue #24: abandoned deliveries sent again — these changes, or every abandoned one. */
  'watch:retry-deliveries': channel(
    z.strictObject({ ids: z.array(z.number().int()).max(1000).optional(), all: z.literal(true).optional() }),
    z.object({ retried: z.number(), delivered: z.number() }),
  ),
  /** What is known about a line: its events, last status and score. */
  'watch:line': channel(
    z.strictObject({ lineId: z.number().int() }),
    z.object({
      id: z.number(),
      label: z.string(),
      msisdn: z.string(),
      cpf: z.string(),
      checkedAt: z.string().nullable(),
      lastStatus: z.string().nullable(),
      lastScore: z.number().nullable(),
      events: z.array(z.object({ name: z.string(), at: z.string() })),
    }),
  ),
}

export const watchEvents = {
  /** A change a pass found, as it is recorded (the feed and the notification). */
  'watch:change': WatchChangeViewSchema,
}
