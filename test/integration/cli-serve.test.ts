import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'undici'
import { afterEach, describe, expect, it } from 'vitest'
import { requireBuiltCli } from '../helpers/cli-harness'
import { tempDir } from '../helpers/tmp'

const root = join(import.meta.dirname, '../..')
const bin = join(root, 'bin/sentinela.js')

/** Starts the built `sentinela serve` and resolves with the URL it prints. */
function startServe(dataDir: string, globals: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--data-dir', dataDir, ...globals, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out)
      if (match) resolve({ child, url: match[0] })
    })
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)))
  })
}

// `npm test` builds first; running this file alone without a build says so instead of failing obscurely.
describe('sentinela serve (built CLI)', () => {
  requireBuiltCli()
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((f) => f()))

  it('prints a tokened loopback URL, serves the app there, and stops on SIGTERM', async () => {
    const dir = tempDir()
    cleanups.push(dir.cleanup)
    const { child, url } = await startServe(dir.path)
    const first = await request(url)
    expect(first.statusCode).toBe(303)
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? ''
    const page = await request(new URL('/', url), { headers: { cookie } })
    expect(page.statusCode).toBe(200)
    expect(await page.body.text()).toContain('<div id="root">')
    expect((await request(new URL('/', url))).statusCode).toBe(401)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('uses the environment saved in Configurações unless --env pins one', async () => {
    const dir = tempDir()
    cleanups.push(dir.cleanup)
    writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ environment: 'homologacao' }))
    const environmentOf = async (globals: string[]): Promise<unknown> => {
      const { child, url } = await startServe(dir.path, globals)
      try {
        const token = new URL(url).searchParams.get('token') ?? ''
        const res = await request(new URL('/api/invoke', url), {
          method: 'POST',
          headers: { 'x-sentinela-token': token, 'content-type': 'application/json' },
          body: JSON.stringify({ channel: 'app:info', payload: {} }),
        })
        return ((await res.body.json()) as { data: { environment: string } }).data.environment
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
    }
    expect(await environmentOf([])).toBe('homologacao')
    expect(await environmentOf(['--env', 'sandbox'])).toBe('sandbox')
  })
})
