import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** STYLE.md habit 9: a source file over 300 lines holds two ideas. */
const MAX_LINES = 300
const ROOTS = ['src-main', 'src-renderer', 'src-shared']

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

describe('source files', () => {
  it(`stay under ${MAX_LINES} lines`, () => {
    const files = ROOTS.flatMap(sources)
    expect(files.length).toBeGreaterThan(20)
    const long = files
      .map((file) => [file, readFileSync(file, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > MAX_LINES)
    expect(long).toEqual([])
  })
})
