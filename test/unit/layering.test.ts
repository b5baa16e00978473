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
    ['src-shared/domain/x.ts', "import { createCore } from '../../src-main/app'\nexport const a = createCore"],
    ['src-renderer/features/x.ts', "import { createCore } from '../../src-main/app'\nexport const a = createCore"],
    ['src-renderer/features/x.ts', "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer"],
    ['src-renderer/features/x.ts', "import { join } from 'node:path'\nexport const a = join"],
    ['src-renderer/features/x.ts', 'export const a = window.sentinela'],
    ['src-renderer/features/x.ts', "import { bridge } from '../api/bridge'\nexport const a = bridge"],
    ['src-renderer/features/x.ts', "import { call } from '../../api/client'\nexport const a = call"],
    ['src-renderer/components/x.tsx', "import { on } from '../api/client'\nexport const a = on"],
    ['src-main/infra/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src-main/serve/x.ts', "import { BrowserWindow } from 'electron'\nexport const a = BrowserWindow"],
    ['src-main/cli/x.ts', "import { App } from '../../src-renderer/App'\nexport const a = App"],
    // Main's layers point down: hosts → app → services → providers → infra.
    ['src-main/infra/store/x.ts', "import { createCore } from '../../app'\nexport const a = createCore"],
    ['src-main/infra/x.ts', "import { lookupScore } from '../services/claro/service'\nexport const a = lookupScore"],
    ['src-main/infra/x.ts', "import { ClaroClient } from '../providers/claro/client'\nexport const a = ClaroClient"],
    [
      'src-main/providers/claro/x.ts',
      "import type { CoreContext } from '../../services/context'\nexport type A = CoreContext",
    ],
    ['src-main/providers/claro/x.ts', "import { listing } from '../clearsale/listing'\nexport const a = listing"],
    ['src-main/providers/mse/sandbox/x.ts', "import { p } from '../../claro/sandbox/personas'\nexport const a = p"],
    ['src-main/services/batch/x.ts', "import { createRouter } from '../../app/router'\nexport const a = createRouter"],
    ['src-main/app/x.ts', "import { runCli } from '../cli/program'\nexport const a = runCli"],
    [
      'src-main/app/handlers/x.ts',
      "import { startBrowserHost } from '../../serve/server'\nexport const a = startBrowserHost",
    ],
    ['src-main/services/x.ts', "import { failureFor } from '../providers/claro/errors'\nexport const a = failureFor"],
    [
      'src-main/cli/commands/x.ts',
      "import { MSE_STATUS } from '../../providers/mse/errors'\nexport const a = MSE_STATUS",
    ],
  ])('refuses %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([])
  })

  it.each([
    ['src-main/index.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src-main/preload/index.ts', "import { contextBridge } from 'electron'\nexport const a = contextBridge"],
    ['src-main/infra/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    [
      'src-main/services/batch/x.ts',
      "import { openDatabase } from '../../infra/store/db'\nexport const a = openDatabase",
    ],
    ['src-main/services/x.ts', "import { ClaroClient } from '../providers/claro'\nexport const a = ClaroClient"],
    [
      'src-main/providers/mse/sandbox/x.ts',
      "import { digitsHash } from '../../../infra/sandbox/personas'\nexport const a = digitsHash",
    ],
    [
      'src-main/providers/clearsale/x.ts',
      "import { z } from '../../../src-shared/domain/clearsale'\nexport const a = z",
    ],
    [
      'src-main/app/x.ts',
      "import { checkCustomer } from '../services/customer/service'\nexport const a = checkCustomer",
    ],
    ['src-main/cli/x.ts', "import { createCore } from '../app'\nexport const a = createCore"],
    ['src-renderer/api/x.ts', 'export const a = window.sentinela'],
    ['src-renderer/stores/x/store.ts', "import { call } from '../../api/client'\nexport const a = call"],
    ['src-renderer/features/x.ts', "import { appErrorOf } from '../../api/client'\nexport const a = appErrorOf"],
    ['src-shared/domain/x.ts', "import { z } from 'zod'\nexport const a = z"],
  ])('allows %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([])
  })
})
