import { z } from 'zod'
import { CHECKS, type Check } from '../../../src-shared/domain/batch'

/* The watch tables' rows as the code reads them (issue #17): the JSON columns read through their schemas. */

const ChecksSchema = z.array(z.enum(CHECKS))
const KnownEventsSchema = z.array(z.object({ name: z.string(), at: z.string() }))
const DetailSchema = z.object({ score: z.number().optional(), previous: z.number().nullable().optional() }).nullable()

/** A JSON column as its schema says, or the fallback when it is absent or unreadable (never a guess). */
function stored<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  if (typeof value !== 'string') return fallback
  try {
    const parsed = schema.safeParse(JSON.parse(value))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export interface Watchlist {
  id: number
  name: string
  environment: string
  checks: Check[]
  everyMinutes: number
  createdAt: string
  active: boolean
}

export interface KnownEvent {
  name: string
  at: string
}

export interface WatchLine {
  id: number
  listId: number
  msisdn: string
  cpf: string
  label: string
  addedAt: string
  baselineAt: string | null
  checkedAt: string | null
  lastStatus: string | null
  lastScore: number | null
  knownEvents: KnownEvent[]
}

export interface WatchChange {
  id: number
  listId: number
  lineId: number
  passId: number
  kind: 'event' | 'score' | 'unknown'
  eventName: string | null
  eventAt: string | null
  detail: { score?: number; previous?: number | null } | null
  severity: 'aprovar' | 'revisar' | 'recusar'
  baseline: boolean
  detectedAt: string
  readAt: string | null
}

export interface WatchPass {
  id: number
  listId: number
  jobId: number | null
  startedAt: string
  finishedAt: string | null
  lines: number
  changes: number
}

export type Row = Record<string, unknown>

export const list = (r: Row): Watchlist => ({
  id: r['id'] as number,
  name: r['name'] as string,
  environment: r['environment'] as string,
  checks: stored(ChecksSchema, r['checks'], []),
  everyMinutes: r['every_minutes'] as number,
  createdAt: r['created_at'] as string,
  active: r['active'] === 1,
})

export const line = (r: Row): WatchLine => ({
  id: r['id'] as number,
  listId: r['list_id'] as number,
  msisdn: r['msisdn'] as string,
  cpf: r['cpf'] as string,
  label: r['label'] as string,
  addedAt: r['added_at'] as string,
  baselineAt: (r['baseline_at'] as string | null) ?? null,
  checkedAt: (r['checked_at'] as string | null) ?? null,
  lastStatus: (r['last_status'] as string | null) ?? null,
  lastScore: (r['last_score'] as number | null) ?? null,
  knownEvents: stored(KnownEventsSchema, r['known_events'], []),
})

export const change = (r: Row): WatchChange => ({
  id: r['id'] as number,
  listId: r['list_id'] as number,
  lineId: r['line_id'] as number,
  passId: r['pass_id'] as number,
  kind: r['kind'] as WatchChange['kind'],
  eventName: (r['event_name'] as string | null) ?? null,
  eventAt: (r['event_at'] as string | null) ?? null,
  detail: stored(DetailSchema, r['detail'], null),
  severity: r['severity'] as WatchChange['severity'],
  baseline: r['baseline'] === 1,
  detectedAt: r['detected_at'] as string,
  readAt: (r['read_at'] as string | null) ?? null,
})

export const pass = (r: Row): WatchPass => ({
  id: r['id'] as number,
  listId: r['list_id'] as number,
  jobId: (r['job_id'] as number | null) ?? null,
  startedAt: r['started_at'] as string,
  finishedAt: (r['finished_at'] as string | null) ?? null,
  lines: r['lines'] as number,
  changes: r['changes'] as number,
})
