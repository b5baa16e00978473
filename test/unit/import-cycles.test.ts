import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/* Issue #15: no file imports another in a cycle, anywhere (type-only imports included). */

const ROOT = join(import.meta.dirname, '../..')
const IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

function resolve(from: string, spec: string): string | null {
  const base = normalize(join(dirname(from), spec))
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate)) return candidate
  }
  return null
}

/** Strongly connected components of more than one file (Tarjan): each is a cycle of imports. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string): void => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
        onStack.delete(w)
        component.push(w)
        if (w === v) break
      }
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}

describe('import cycles', () => {
  it('the detector finds a planted cycle', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ])
    expect(cycles(graph)).toEqual([['a', 'b', 'c']])
  })

  it('no source file imports another in a cycle', () => {
    const files = ['src-main', 'src-shared', 'src-renderer'].flatMap((d) => sources(join(ROOT, d)))
    expect(files.length).toBeGreaterThan(100)
    const graph = new Map(
      files.map((file) => {
        const text = readFileSync(file, 'utf8')
        const deps = [...text.matchAll(IMPORT)].map((m) => resolve(file, m[1] ?? '')).filter((d): d is string => !!d)
        return [file, deps] as const
      }),
    )
    expect(cycles(graph).map((c) => c.map((f) => relative(ROOT, f)))).toEqual([])
  })
})
