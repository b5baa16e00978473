import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ptBR } from '../../src-shared/i18n/pt-BR'
import { en } from '../../src-shared/i18n/en'
import { MSE_SERVICES } from '../../src-shared/domain/mse-services'
import { SEARCH_PARAMETERS, SEARCH_RESULT_FIELDS, SEARCH_TRANSACTION_FIELDS } from '../../src-shared/domain/clearsale'
import { IMPORT_PROBLEM_KEYS } from '../../src-shared/domain/import-problems'

/* Issue #16: every key the code uses exists in both catalogs, with the same placeholders and plural forms. */

const ROOT = join(import.meta.dirname, '../..')
const PLURAL = /_(zero|one|two|few|many|other)$/

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  if (typeof value === 'string') out.set(prefix, value)
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv)
  return out
}

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? ''))].sort()

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

const pt = flatten(ptBR)
const english = flatten(en)

/**
 * Literal keys only — t('a.b'), and the CLI's usage errors `new UsageError('cli.x')` and nested `{ key: 'cli.x' }` —
 * keys built at run time are checked below by what they are built from.
 */
const literalKeys = (text: string): string[] =>
  [...text.matchAll(/(?:\bt\(|new UsageError\(|\bkey: )\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)].map((m) => m[1] ?? '')
const known = (key: string): boolean =>
  pt.has(key) || [...pt.keys()].some((k) => PLURAL.test(k) && k.replace(PLURAL, '') === key)

describe('the catalogs', () => {
  it('have the same keys, placeholders and plural forms', () => {
    expect([...english.keys()].sort()).toEqual([...pt.keys()].sort())
    const differing = [...pt].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join(),
    )
    expect(differing.map(([key]) => key)).toEqual([])
  })

  it('hold every key the code asks for (a plural key by its forms)', () => {
    let asked = 0
    const missing: string[] = []
    for (const file of ['src-main', 'src-renderer', 'src-shared'].flatMap((d) => sources(join(ROOT, d)))) {
      const keys = literalKeys(readFileSync(file, 'utf8'))
      asked += keys.length
      for (const key of keys) if (!known(key)) missing.push(`${relative(ROOT, file)}: ${key}`)
    }
    expect(asked).toBeGreaterThan(100)
    expect(missing).toEqual([])
  })

  it('word every MSE service and parameter, every import problem and every USSD problem (keys built at run time)', () => {
    const missing: string[] = []
    for (const service of MSE_SERVICES.values()) {
      if (!known(`wire.service.${service.name}`)) missing.push(`wire.service.${service.name}`)
      for (const name of [...service.inputs.map((i) => i.name), ...service.outputs])
        if (!known(`wire.param.${name}`)) missing.push(`wire.param.${name}`)
    }
    for (const key of IMPORT_PROBLEM_KEYS) if (!known(`importProblems.${key}`)) missing.push(key)
    for (const f of [...SEARCH_TRANSACTION_FIELDS, ...SEARCH_RESULT_FIELDS, ...SEARCH_PARAMETERS])
      if (!known(`datatrust.searchFields.${f}`)) missing.push(`datatrust.searchFields.${f}`)
    expect(missing).toEqual([])
  })

  it('the check finds a planted missing key, and knows a plural key by its forms', () => {
    const planted = literalKeys("t('privacy.nao_existe'); t('privacy.found', { count })")
    expect(planted.filter((k) => !known(k))).toEqual(['privacy.nao_existe'])
  })
})
