import { createCore, type Core } from '../app'
import type { HostKind } from '../../src-shared/domain/environment'
import { UsageError, type GlobalOptions } from './options'
import { CliFailure } from './invoke'

/**
 * Runs one CLI command over a fresh core and closes it. Anything thrown leaves through the core's redactor, so
 * a CLI error message can never print a stored secret.
 */
export async function withCore<T>(
  globals: GlobalOptions,
  work: (core: Core) => Promise<T>,
  host: HostKind = 'cli',
): Promise<T> {
  const core = await createCore({
    dataDir: globals.dataDir,
    host,
    environment: globals.env,
    endpoints: globals.endpoints,
    ...(globals.lang ? { language: globals.lang } : {}),
  })
  try {
    return await work(core)
  } catch (error) {
    if (error instanceof CliFailure) throw new CliFailure(error.code, core.context.redactor.text(error.message))
    if (error instanceof UsageError) {
      const redact = core.context.redactor
      const safe = Object.fromEntries(
        Object.entries(error.params).map(([k, v]) => [k, typeof v === 'string' ? redact.text(v) : v]),
      )
      throw new UsageError(error.key, safe)
    }
    if (error instanceof Error) {
      const safe = new Error(core.context.redactor.text(error.message))
      safe.name = error.name
      throw safe
    }
    throw error
  } finally {
    await core.close()
  }
}
