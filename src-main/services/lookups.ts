import type { RawAnswer } from '../../src-shared/contract/lookup'
import type { HistoryRow } from '../../src-shared/contract/history'
import type { Environment } from '../../src-shared/domain/environment'
import type { CoreContext } from './context'
import { asFailure } from '../infra/errors'

/** What this service uses of the core, and nothing else. */
export type LookupDeps = Pick<CoreContext, 'environment' | 'events' | 'history' | 'log'>

interface LookupOutcome<T> {
  result: T & { raw: RawAnswer }
  summary: string
}

export type Recorded<T> = T & { environment: Environment; at: string; durationMs: number; historyId: number | null }

/**
 * Runs one provider lookup and writes it to the history, answered or failed (a failure keeps the provider's
 * raw answer). A history that cannot be written never loses the answer: the lookup still returns.
 */
export async function recordLookup<T>(
  ctx: LookupDeps,
  what: { kind: HistoryRow['kind']; identifier: string },
  run: () => Promise<LookupOutcome<T>>,
): Promise<Recorded<T & { raw: RawAnswer }>> {
  const environment = ctx.environment()
  const at = new Date()
  const started = performance.now()
  const save = (
    entry: Omit<Parameters<CoreContext['history']['add']>[0], 'environment' | 'kind' | 'identifier' | 'durationMs'>,
  ): number | null => {
    try {
      const row = ctx.history.add(
        {
          ...entry,
          environment,
          kind: what.kind,
          identifier: what.identifier,
          durationMs: performance.now() - started,
        },
        at,
      )
      ctx.events.publish('history:added', row)
      return row.id
    } catch (error) {
      ctx.log.error('history.write_failed', { reason: (error as Error).message })
      return null
    }
  }
  try {
    const { result, summary } = await run()
    const historyId = save({ outcome: 'ok', summary, errorCode: null, raw: result.raw })
    return { ...result, environment, at: at.toISOString(), durationMs: performance.now() - started, historyId }
  } catch (error) {
    const failure = asFailure(error)
    const raw = (failure.detail as { raw?: RawAnswer } | undefined)?.raw ?? null
    if (failure.code !== 'internal') {
      save({
        outcome: failure.code.endsWith('not_found') ? 'not_found' : 'error',
        summary: failure.code,
        errorCode: failure.code,
        raw,
      })
    }
    throw error
  }
}
