import { z } from 'zod'
import { CHECKS, FIELDS } from '../domain/batch'
import { channel } from './define'
import { ActReasonSchema, PolicyRefSchema, PolicySchema } from '../domain/policy/schema'
import { ROW_VERDICTS } from '../domain/policy/row'

/* Batch screening (issue #8): upload, plan, run in the main process, results grid and charts, export. */

/** Base64 of a 512 KiB piece of an uploaded file. */
const UPLOAD_CHUNK_BASE64 = 700_000
export const UPLOAD_CHUNK_BYTES = 512 * 1024
/** A list past this is not one batch (a million customers is ~100 MB): refused with a sentence (issue #14). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024

const CheckSchema = z.enum(CHECKS)
const MappingSchema = z.partialRecord(z.enum(FIELDS), z.number().int().min(0).max(5000))

const VerdictCountsSchema = z.record(z.enum(ROW_VERDICTS), z.number())

/** One recorded decision set of a job: when it finished, or an explicit adoption (who, why). */
export const DecisionSetSchema = z.object({
  setNo: z.number(),
  kind: z.enum(['finished', 'adopted']),
  decidedAt: z.string(),
  who: z.string(),
  reason: z.string().nullable(),
  policy: PolicyRefSchema,
  policyName: z.string(),
  counts: VerdictCountsSchema,
})

export const JobSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  status: z.enum(['importing', 'ready', 'running', 'paused', 'done', 'cancelled', 'failed']),
  checks: z.array(CheckSchema),
  totalRows: z.number(),
  invalidRows: z.number(),
  importProblem: z.string().nullable(),
  unique: z.record(z.string(), z.number()),
  answered: z.record(z.string(), z.number()),
  failed: z.record(z.string(), z.number()),
  /** The policy that decided the job's recorded verdicts (null while it is not decided yet). */
  policy: PolicyRefSchema.nullable(),
  /** Issue #22: the recorded decision set in force for this job (null while running or never finished). */
  decided: DecisionSetSchema.nullable(),
})
export type JobSummary = z.infer<typeof JobSummarySchema>

export const ProgressSchema = z.object({
  jobId: z.number(),
  status: JobSummarySchema.shape.status,
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  remaining: z.number(),
  rate: z.number(),
  etaSeconds: z.number().nullable(),
})

export const PlanSchema = z.object({
  job: JobSummarySchema,
  header: z.array(z.string()),
  mapping: MappingSchema,
  /** Calls this run will make per provider (unique identifiers not answered yet). */
  callsByProvider: z.record(z.string(), z.number()),
  /** seed 000: the Claro trial has 1000 requests; what this machine has used of it in this environment. */
  claroTrial: z.object({ limit: z.number(), used: z.number(), left: z.number() }),
})

export const ResultRowSchema = z.object({
  rowNo: z.number(),
  cells: z.array(z.string()),
  verdict: z.enum(ROW_VERDICTS),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
})
export const WhatIfSchema = z.object({
  changed: z.number(),
  before: VerdictCountsSchema,
  after: VerdictCountsSchema,
  policy: z.object({ before: PolicyRefSchema, after: PolicyRefSchema }),
  rows: z.array(
    z.object({
      rowNo: z.number(),
      before: z.enum(ROW_VERDICTS),
      after: z.enum(ROW_VERDICTS),
      reasons: z.array(z.string()),
    }),
  ),
  truncated: z.boolean(),
})
export const StatsSchema = z.object({
  verdicts: z.record(z.string(), z.number()),
  scoreHistogram: z.array(z.object({ from: z.number(), count: z.number() })),
  flags: z.record(z.string(), z.number()),
  eventsByAge: z.array(z.object({ bucket: z.string(), count: z.number() })),
  statuses: z.record(z.string(), z.record(z.string(), z.number())),
})

/**
 * An export never crosses IPC whole (issue #15): it is written to disk as it is built — where the desktop's save
 * dialog said, else the data folder — and the browser host streams it from there (`download`, same-origin GET).
 */
export const ExportedSchema = z.union([
  z.object({
    saved: z.literal(true),
    fileName: z.string(),
    path: z.string(),
    rows: z.number(),
    download: z.string().nullable(),
  }),
  z.object({ saved: z.literal(false) }),
])

export const batchChannels = {
  /** A file arrives in pieces (every payload stays under the router's 1 MB): begin, chunks in order, end. */
  'batch:upload-begin': channel(z.strictObject({ name: z.string().max(200) }), z.object({ uploadId: z.string() })),
  'batch:upload-chunk': channel(
    z.strictObject({
      uploadId: z.string().max(100),
      offset: z.number().int().min(0),
      dataBase64: z.string().max(UPLOAD_CHUNK_BASE64),
    }),
    z.object({ bytes: z.number() }),
  ),
  'batch:upload-end': channel(
    z.strictObject({ uploadId: z.string().max(100), name: z.string().max(200) }),
    z.object({
      uploadId: z.string(),
      header: z.array(z.string()),
      preview: z.array(z.array(z.string())),
      mapping: MappingSchema,
      encoding: z.string(),
      delimiter: z.string(),
      problem: z.string().nullable(),
    }),
  ),
  'batch:plan': channel(
    z.strictObject({
      uploadId: z.string().max(100),
      /** The list's own file name, as the analyst knows it (cases and exports name the batch by it). */
      name: z.string().trim().min(1).max(200).optional(),
      checks: z.array(CheckSchema).min(1),
      mapping: MappingSchema,
      reuseHours: z
        .number()
        .min(0)
        .max(24 * 365)
        .default(0),
    }),
    PlanSchema,
  ),
  'batch:start': channel(
    z.strictObject({
      jobId: z.number().int(),
      concurrency: z.number().int().min(1).max(200).optional(),
      rate: z.record(z.string(), z.number().int().min(1).max(10_000)).optional(),
    }),
    z.object({ started: z.boolean() }),
  ),
  'batch:control': channel(
    z.strictObject({ jobId: z.number().int(), action: z.enum(['pause', 'resume', 'cancel']) }),
    z.object({ status: z.string() }),
  ),
  'batch:jobs': channel(z.strictObject({}), z.array(JobSummarySchema)),
  'batch:rows': channel(
    z.strictObject({
      jobId: z.number().int(),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
      verdict: z.enum(ROW_VERDICTS).optional(),
      status: z.enum(['answered', 'not_found', 'not_run', 'failed', 'unknown']).optional(),
      flag: z.string().max(40).optional(),
      sort: z.enum(['row', 'verdict', 'score']).default('row'),
    }),
    z.object({ header: z.array(z.string()), total: z.number(), rows: z.array(ResultRowSchema) }),
  ),
  'batch:row': channel(
    z.strictObject({ jobId: z.number().int(), rowNo: z.number().int() }),
    z.object({
      fields: z.array(z.string()),
      header: z.array(z.string()),
      problem: z.string().nullable(),
      verdict: z.enum(ROW_VERDICTS).nullable(),
      reasons: z.array(z.object({ code: z.string(), text: z.string() })),
      /** What the checks answered, as the grid's columns in words and the analyst's formats (issue #16). */
      summary: z.array(z.object({ label: z.string(), value: z.string() })),
      calls: z.array(z.object({ check: z.string(), key: z.string(), answer: z.unknown() })),
      /** The row's identifiers as read with the job's mapping (drill-through to Cliente, issue #22). */
      person: z
        .object({ cpf: z.string(), phone: z.string(), email: z.string(), cep: z.string() })
        .default({ cpf: '', phone: '', email: '', cep: '' }),
      /** The row's case in Casos (issue #22), when it waits for or got an analyst's decision. */
      caseId: z.number().nullable().default(null),
    }),
  ),
  'batch:stats': channel(z.strictObject({ jobId: z.number().int() }), StatsSchema),
  /** The same finished batch under another policy, from its stored answers: no provider call. */
  'batch:whatif': channel(
    z.strictObject({
      jobId: z.number().int(),
      policy: PolicySchema,
      limit: z.number().int().min(0).max(1000).default(200),
    }),
    WhatIfSchema,
  ),
  /**
   * Issue #22: a finished job re-decided by this policy, explicitly (after the what-if), with a reason: a new decision
   * set, the previous verdicts kept, the adoption in the policy log. Saving a policy never does this.
   */
  'batch:adopt': channel(
    z.strictObject({ jobId: z.number().int(), policy: PolicySchema, reason: ActReasonSchema }),
    z.object({ job: JobSummarySchema, changed: z.number() }),
  ),
  /** Every decision set of a job, oldest first. */
  'batch:decisions': channel(z.strictObject({ jobId: z.number().int() }), z.array(DecisionSetSchema)),
  'batch:export': channel(
    z.strictObject({
      jobId: z.number().int(),
      format: z.enum(['csv', 'xlsx']),
      delimiter: z.enum([';', ',']).default(';'),
      columns: z.enum(['words', 'codes']).default('words'),
    }),
    ExportedSchema,
  ),
}

export const batchEvents = {
  'batch:progress': ProgressSchema,
}
