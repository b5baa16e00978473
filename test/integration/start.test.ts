import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

describe('npm start', () => {
  it('exits non-zero with one clear message pointing to `npx sentinela serve` when Electron is missing', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/start.js')], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(root, 'no-electron-here') },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('npx sentinela serve')
    expect(run.stderr).toContain('binário do Electron não está instalado')
    expect(run.stdout).toBe('')
  })
})
