import { z } from 'zod'
import { channel } from './define'
import { SUBJECT_KINDS } from '../domain/privacy'

/* LGPD data-subject requests (issue #14): what is held about a person, and its erasure everywhere. */

const SubjectRequest = z.strictObject({ kind: z.enum(SUBJECT_KINDS), value: z.string().min(1).max(320) })

/** Offered at most (services/privacy/related MAX_RELATED): more is a shared identifier, not one person. */
export const RELATED_LIMIT = 20

/** An identifier the person's records name (issue #23); `value` null when it was kept masked. */
export const RelatedSchema = z.object({
  kind: z.enum(SUBJECT_KINDS),
  value: z.string().nullable(),
  shown: z.string(),
})
export type RelatedView = z.infer<typeof RelatedSchema>

export const PrivacyRecordSchema = z.object({
  place: z.string(),
  at: z.string().nullable(),
  what: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The record in a sentence, in the core's language. */
  text: z.string(),
})

export const PrivacyFileSchema = z.object({
  path: z.string(),
  kind: z.enum(['upload', 'export', 'log', 'settings']),
  records: z.number().int(),
  error: z.string().optional(),
})

/** The report lists at most this many records; `total` counts them all. */
export const REPORT_LIST_LIMIT = 2000

export const PrivacyReportSchema = z.object({
  records: z.array(PrivacyRecordSchema),
  files: z.array(PrivacyFileSchema),
  total: z.number().int(),
  related: z.array(RelatedSchema),
})
export type PrivacyReportView = z.infer<typeof PrivacyReportSchema>

export const ErasureSchema = z.object({
  removed: z.record(z.string(), z.number().int()),
  files: z.array(PrivacyFileSchema),
  total: z.number().int(),
  storageClean: z.boolean(),
  /** Identifiers the erased records named and this act did not erase: offered for another. */
  related: z.array(RelatedSchema),
})
export type ErasureView = z.infer<typeof ErasureSchema>

export const AuditLineSchema = z.object({
  at: z.string(),
  kind: z.enum(SUBJECT_KINDS),
  removed: z.record(z.string(), z.number()),
})

export const privacyChannels = {
  'privacy:report': channel(SubjectRequest, PrivacyReportSchema),
  /**
   * Irreversible: the request must say so (`confirm: true`), as the analyst did in the dialog. `also`: identifiers
   * the report listed as seen with the person, erased in the same act.
   */
  'privacy:erase': channel(
    SubjectRequest.extend({
      confirm: z.literal(true),
      also: z.array(SubjectRequest).max(RELATED_LIMIT).optional(),
    }),
    ErasureSchema,
  ),
  'privacy:audit': channel(z.strictObject({}), z.object({ lines: z.array(AuditLineSchema) })),
}
