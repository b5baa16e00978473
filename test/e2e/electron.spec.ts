import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { electronBinary } from '../../scripts/electron-binary.js'

const binary = electronBinary()
const SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): the browser-host E2E covers the renderer'

/** Smoke test of the real desktop shell, where the Electron binary exists (never on these CI machines). */
test('the Electron shell opens the app with the preload bridge', async () => {
  if (!binary) console.log(`skipped: ${SKIP_REASON}`)
  test.skip(!binary, SKIP_REASON)
  const dataDir = mkdtempSync(join(tmpdir(), 'sentinela-electron-'))
  const app = await electron.launch({
    executablePath: binary ?? '',
    args: [join(import.meta.dirname, '../..'), `--data-dir=${dataDir}`],
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByTestId('info-host')).toHaveText('Aplicativo desktop')
    await expect(window.getByTestId('info-datadir')).toHaveText(dataDir)
  } finally {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
