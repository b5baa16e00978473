import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './cli'

/** The provider specifications, beside the repository (`../shared/seeds`), as in CI. */
export const SEEDS_DIR = join(ROOT, '../shared/seeds')

/**
 * The text of the seed whose file name starts with `prefix` (e.g. `003_`). A missing folder or file fails the suite
 * with what is missing — never a silent skip: CI always has the seeds, and a test held to them must be held.
 */
export function seedText(prefix: string): string {
  if (!existsSync(SEEDS_DIR))
    throw new Error(
      `the provider seeds are missing: expected them in ${SEEDS_DIR} (../shared/seeds beside the repository)`,
    )
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix))
  if (!file) throw new Error(`no seed ${prefix}* in ${SEEDS_DIR}`)
  return readFileSync(join(SEEDS_DIR, file), 'utf8')
}
