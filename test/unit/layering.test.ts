import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/*
 * The layering rules of eslint.config.js, proven on snippets placed (virtually) in each layer: a wrong import
 * must fail lint, and lint is part of `npm test`.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter(
      (m) =>
        m.ruleId === 'no-restricted-imports' ||
        m.ruleId === 'no-restricted-globals' ||
        m.ruleId === 'no-restricted-properties' ||
        m.ruleId === 'no-restricted-syntax',
    )
    .map((m) => m.message)
}

describe('layering', () => {
  it.each([
    ['src-shared/domain/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    ['src-shared/domain/x.ts', "import fs from 'fs'\nexport const a = fs"],
    ['src-shared/domain/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src-shared/domain/x.ts', 'export const a = window.location.href'],
    ['src-shared/domain/x.ts', 'export const a = document.title'],
    ['src-shared/domain/x.ts', "import { createCore } from '../../src-main/core'\nexport const a = createCore"],
    ['src-renderer/features/x.ts', "import { createCore } from '../../src-main/core'\nexport const a = createCore"],
    ['src-renderer/features/x.ts', "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer"],
    ['src-renderer/features/x.ts', "import { join } from 'node:path'\nexport const a = join"],
    ['src-renderer/features/x.ts', 'export const a = window.sentinela'],
    ['src-renderer/features/x.ts', "import { bridge } from '../api/bridge'\nexport const a = bridge"],
    ['src-renderer/features/x.ts', "import { call } from '../../api/client'\nexport const a = call"],
    ['src-renderer/components/x.tsx', "import { on } from '../api/client'\nexport const a = on"],
    ['src-main/core/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src-main/serve/x.ts', "import { BrowserWindow } from 'electron'\nexport const a = BrowserWindow"],
    ['src-main/cli/x.ts', "import { App } from '../../src-renderer/App'\nexport const a = App"],
  ])('refuses %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([])
  })

  it.each([
    ['src-main/index.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src-main/preload/index.ts', "import { contextBridge } from 'electron'\nexport const a = contextBridge"],
    ['src-main/core/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    ['src-renderer/api/x.ts', 'export const a = window.sentinela'],
    ['src-renderer/stores/x/store.ts', "import { call } from '../../api/client'\nexport const a = call"],
    ['src-renderer/features/x.ts', "import { appErrorOf } from '../../api/client'\nexport const a = appErrorOf"],
    ['src-shared/domain/x.ts', "import { z } from 'zod'\nexport const a = z"],
  ])('allows %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([])
  })
})
