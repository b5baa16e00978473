import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createCore } from '../../app'
import { startBrowserHost } from '../../serve/server'
import type { CliIO } from '../io'
import type { GlobalOptions } from '../options'

/** The built CLI lives in out/main/, the built renderer in out/renderer/. */
function builtRendererDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url))
}

export async function runServe(globals: GlobalOptions, port: number, io: CliIO): Promise<void> {
  const rendererDir = process.env['SENTINELA_RENDERER_DIR'] ?? builtRendererDir()
  if (!existsSync(`${rendererDir}/index.html`)) {
    throw new Error(
      `interface não compilada em ${rendererDir}: rode \`npm run build\` / renderer not built: run \`npm run build\``,
    )
  }
  const core = await createCore({
    dataDir: globals.dataDir,
    host: 'browser',
    // The workstation follows the environment saved in Configurações (switchable there); `--env` pins one.
    ...(globals.envGiven ? { environment: globals.env } : {}),
    endpoints: globals.endpoints,
    primeRedactor: true,
    startCallbacks: true,
  })
  const host = await startBrowserHost({ core, rendererDir, port })
  if (globals.json) io.stdout(JSON.stringify({ url: host.url, origin: host.origin, port: host.port }) + '\n')
  else
    io.stdout(
      `Sentinela: ${host.url}\nAbra este endereço no navegador (Ctrl+C encerra). / Open this URL in a browser (Ctrl+C stops).\n`,
    )

  await new Promise<void>((resolve) => {
    const stop = (): void => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await host.close()
  await core.close()
}
