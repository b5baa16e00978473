import type { Check, Mapping } from '../../../src-shared/domain/batch'
import { PolicySchema, type Policy } from '../../../src-shared/domain/policy/schema'
import type { Sniffed } from './input'

/* A batch job as the journal stores it (batch_jobs) and as the rest of the code reads it. */

export interface JobSpec {
  checks: Check[]
  mapping: Mapping
  /** Answers younger than this from earlier jobs are reused instead of calling again (0 = never). */
  reuseHours: number
  /** Where the calls go (the Claro trial quota is counted per environment). */
  environment?: string
}

export interface JobRow {
  id: number
  createdAt: string
  fingerprint: string
  name: string
  inputPath: string
  spec: JobSpec
  status: 'importing' | 'ready' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed'
  header: string[] | null
  sniffed: Sniffed | null
  totalRows: number
  invalidRows: number
  importProblem: string | null
  /** The policy that decided the materialised results, and what they were built from. */
  policy: Policy | null
  resultsStamp: string | null
  /** The recorded decision set the results belong to (issue #22); null while the job is not decided yet. */
  decisionSet: number | null
}

export interface RawJob {
  id: number
  created_at: string
  fingerprint: string
  name: string
  input_path: string
  spec: string
  status: JobRow['status']
  header: string | null
  sniffed: string | null
  total_rows: number
  invalid_rows: number
  import_problem: string | null
  policy: string | null
  results_stamp: string | null
  decision_set: number | null
}

export const toJob = (r: RawJob): JobRow => ({
  id: r.id,
  createdAt: r.created_at,
  fingerprint: r.fingerprint,
  name: r.name,
  inputPath: r.input_path,
  spec: JSON.parse(r.spec) as JobSpec,
  status: r.status,
  header: r.header ? (JSON.parse(r.header) as string[]) : null,
  sniffed: r.sniffed ? (JSON.parse(r.sniffed) as Sniffed) : null,
  totalRows: r.total_rows,
  invalidRows: r.invalid_rows,
  importProblem: r.import_problem,
  policy: r.policy ? PolicySchema.parse(JSON.parse(r.policy)) : null,
  resultsStamp: r.results_stamp,
  decisionSet: r.decision_set ?? null,
})

export interface CallRecord {
  ok: boolean
  result: unknown
  code: string | null
  reason: string | null
  attempts: number
  /** When the answer was obtained (ISO): an Alerta event's age is counted from here. */
  at?: string
}
