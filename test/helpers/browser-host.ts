import { join } from 'node:path'
import { createCore, type Core } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { startBrowserHost, type BrowserHost } from '../../src-main/serve/server'
import { tempDir } from './tmp'

export interface HostUnderTest {
  host: BrowserHost
  core: Core
  dataDir: string
  /** Headers a legitimate same-origin page sends (token as header, as a script client would). */
  auth: Record<string, string>
  stop(): Promise<void>
}

/** A real browser host on a free loopback port, over a real core with its own temp data dir. */
export async function startHostUnderTest(): Promise<HostUnderTest> {
  const dir = tempDir()
  const core = await createCore({ dataDir: dir.path, host: 'browser', log: silentLogger })
  const host = await startBrowserHost({ core, rendererDir: join(import.meta.dirname, '../fixtures/renderer') })
  return {
    host,
    core,
    dataDir: dir.path,
    auth: { 'x-sentinela-token': host.token },
    async stop() {
      await host.close()
      await core.close()
      dir.cleanup()
    },
  }
}
