import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { AppPage } from './pages/app-page'

export interface ServedApp {
  /** The tokened URL `sentinela serve` printed. */
  url: string
  origin: string
  dataDir: string
}

const bin = join(import.meta.dirname, '../../bin/sentinela.js')

async function startServe(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--data-dir', dataDir, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out)
      if (match) resolve({ child, url: match[0] })
    })
    child.once('exit', (code) => reject(new Error(`sentinela serve exited with ${code}: ${out}`)))
  })
}

/** Each test gets its own `sentinela serve` process with its own temporary data dir. */
export const test = base.extend<{ seedFiles: Record<string, string>; served: ServedApp; app: AppPage }>({
  /** Files written into the data dir before `serve` starts (`test.use({ seedFiles: … })`). */
  seedFiles: [{}, { option: true }],
  served: async ({ seedFiles }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentinela-e2e-'))
    for (const [name, text] of Object.entries(seedFiles)) writeFileSync(join(dataDir, name), text)
    const { child, url } = await startServe(dataDir)
    await use({ url, origin: new URL(url).origin, dataDir })
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  },
  app: async ({ page, served }, use) => {
    await use(new AppPage(page, served))
  },
})

export { expect } from '@playwright/test'
