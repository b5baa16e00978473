import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

/** The gate `npm test` runs over src-main must be able to fail: prove it on a deliberately bad shell. */
describe('Electronegativity gate', () => {
  it('fails on a shell with context isolation and sandbox off and no navigation limits', () => {
    const run = spawnSync(
      process.execPath,
      [join(root, 'scripts/electronegativity.js'), join(root, 'test/fixtures/electronegativity-bad')],
      { encoding: 'utf8', timeout: 60_000 },
    )
    expect(run.stdout).toMatch(/CONTEXT_ISOLATION_JS_CHECK/)
    expect(run.stdout).toMatch(/SANDBOX_JS_CHECK/)
    expect(run.stdout).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK/)
    expect(run.status).toBe(1)
  })
})
