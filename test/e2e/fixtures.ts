import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { AppPage } from './pages/app-page'
import { startKeyring, type Keyring } from '../helpers/keyring'
import { envWithoutSessionBus } from '../helpers/cli'

export interface ServedApp {
  /** The tokened URL `sentinela serve` printed. */
  url: string
  origin: string
  dataDir: string
  /** The private keychain this serve process uses, when the test asked for one. */
  keyring: Keyring | null
}

const bin = join(import.meta.dirname, '../../bin/sentinela.js')

async function startServe(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--data-dir', dataDir, 'serve', '--port', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out)
      if (match) resolve({ child, url: match[0] })
    })
    child.once('exit', (code) => reject(new Error(`sentinela serve exited with ${code}: ${out}`)))
  })
}

/**
 * Each test gets its own `sentinela serve` process with its own temporary data dir, and — with
 * `test.use({ keychain: 'private' })` — its own real keychain; otherwise no session bus at all.
 */
export const test = base.extend<{
  seedFiles: Record<string, string>
  keychain: 'none' | 'private'
  served: ServedApp
  app: AppPage
}>({
  /** Files written into the data dir before `serve` starts (`test.use({ seedFiles: … })`). */
  seedFiles: [{}, { option: true }],
  keychain: ['none', { option: true }],
  served: async ({ seedFiles, keychain }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentinela-e2e-'))
    for (const [name, text] of Object.entries(seedFiles)) writeFileSync(join(dataDir, name), text)
    const keyring = keychain === 'private' ? await startKeyring() : null
    const { child, url } = await startServe(dataDir, keyring?.env ?? envWithoutSessionBus())
    await use({ url, origin: new URL(url).origin, dataDir, keyring })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
    await keyring?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  },
  app: async ({ page, served }, use) => {
    await use(new AppPage(page, served))
  },
})

export { expect } from '@playwright/test'

/** Specs that need the callback listener bind it on a free port (the default 8787 could be taken on a CI machine). */
export const WITH_CALLBACK_LISTENER = {
  seedFiles: { 'settings.json': JSON.stringify({ callbacks: { bindAddress: '127.0.0.1', port: 0 } }) },
}
