import { spawnSync } from 'node:child_process'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runBuiltCli } from '../helpers/cli'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'
import { tempDir } from '../helpers/tmp'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { createClaroSandbox } from '../../src-main/providers/claro/sandbox'
import { KEYCHAIN_SERVICE } from '../../src-main/infra/credentials/store'
import { SandboxKnobsSchema } from '../../src-shared/domain/settings'

/*
 * Issue #24 items 3 and 4: the webhook secret and the events' `source` belong to a data folder, not to the machine or
 * the environment. Two folders on one keychain: setting or removing one never changes the other's signatures; a
 * short secret is refused in words; without its secret a folder posts nothing — never an unsigned alarm.
 */

interface Received {
  body: string
  headers: IncomingHttpHeaders
}

describe('a webhook per data folder (built CLI)', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()
  let claro: SandboxServer
  let received: Received[]
  let receiver: ReturnType<typeof createServer>
  let url = ''
  beforeEach(async () => {
    claro = await startSandboxServer(createClaroSandbox(), () => SandboxKnobsSchema.parse({}))
    received = []
    receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        received.push({ body, headers: req.headers })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alertas`
  })
  afterEach(async () => {
    await claro.close()
    receiver.close()
  })

  const inFolder = (dir: string, ...args: string[]) =>
    runBuiltCli(['--data-dir', dir, '--endpoint', `claro=${claro.url}`, ...args], { env: h.keyring.env })

  const watchOnce = async (dir: string): Promise<Received[]> => {
    const before = received.length
    const csv = join(dir, 'w.csv')
    writeFileSync(csv, 'Nome;Celular\nAna;(11) 99999-0001\n')
    expect((await inFolder(dir, 'watch', 'add', csv)).code).toBe(0)
    const run = await inFolder(dir, 'watch', 'run', '--once')
    expect(run.code, run.stderr).toBe(0)
    return received.slice(before)
  }

  const verifies = (secret: string, r: Received): boolean => {
    try {
      new Webhook(secret).verify(r.body, r.headers as Record<string, string>)
      return true
    } catch {
      return false
    }
  }

  it('two folders: each its own secret and source; setting or removing one never re-keys or unsigns the other', async () => {
    const other = tempDir()
    try {
      const a = h.dataDir
      const b = other.path
      const setA = await inFolder(a, 'watch', 'webhook', 'set', url, '--allow-private')
      expect(setA.code, setA.stderr).toBe(0)
      const secretA = setA.stdout.trim()
      const setB = await inFolder(b, 'watch', 'webhook', 'set', url, '--allow-private')
      const secretB = setB.stdout.trim()
      expect(secretB).not.toBe(secretA)

      const fromA = await watchOnce(a)
      const fromB = await watchOnce(b)
      expect(fromA.length).toBeGreaterThan(0)
      expect(fromB.length).toBeGreaterThan(0)
      expect(fromA.every((r) => verifies(secretA, r) && !verifies(secretB, r))).toBe(true)
      expect(fromB.every((r) => verifies(secretB, r) && !verifies(secretA, r))).toBe(true)
      const source = (r: Received): string => (JSON.parse(r.body) as { source: string }).source
      expect(source(fromA[0] as Received)).not.toBe(source(fromB[0] as Received))
      // Same change number in both folders, yet never the same message id.
      expect(fromA[0]?.headers['webhook-id']).not.toBe(fromB[0]?.headers['webhook-id'])

      // B removes its webhook: A still signs with its own secret.
      expect((await inFolder(b, 'watch', 'webhook', 'remove')).code).toBe(0)
      writeFileSync(join(a, 'w2.csv'), 'Nome;Celular\nAna outra vez;(11) 99999-0001\n')
      expect((await inFolder(a, 'watch', 'add', join(a, 'w2.csv'))).code).toBe(0)
      const before = received.length
      expect((await inFolder(a, 'watch', 'run', '--once')).code).toBe(0)
      const later = received.slice(before)
      expect(later.length).toBeGreaterThan(0)
      expect(later.every((r) => verifies(secretA, r))).toBe(true)
    } finally {
      other.cleanup()
    }
  }, 120_000)

  it('a short secret is refused in words (exit 2), and nothing is set', async () => {
    const short = await h.cli(['watch', 'webhook', 'set', url, '--allow-private', '--secret-stdin'], 'curto-demais')
    expect(short.code).toBe(2)
    expect(short.stderr).toContain('whsec_')
    expect(short.stderr).toContain('32 bytes')
    const settings = JSON.parse((await h.cli(['--json', 'watch', 'deliveries'])).stdout) as unknown[]
    expect(settings).toEqual([])
  }, 120_000)

  it('without its secret, a folder posts nothing: the alarm waits, undelivered, never unsigned', async () => {
    const dir = h.dataDir
    expect((await inFolder(dir, 'watch', 'webhook', 'set', url, '--allow-private')).code).toBe(0)
    const db = new Database(join(dir, 'sentinela.db'), { readonly: true })
    const installation = (
      db.prepare(`SELECT value FROM app_meta WHERE key = 'installation_id'`).get() as {
        value: string
      }
    ).value
    db.close()
    // Something outside Sentinela removes the secret from the keychain.
    const script = `require('keytar').deletePassword(${JSON.stringify(KEYCHAIN_SERVICE)}, ${JSON.stringify(`sandbox/secret:watch-webhook/${installation}`)}).then((v) => process.stdout.write(String(v)))`
    expect(spawnSync(process.execPath, ['-e', script], { env: h.keyring.env }).stdout.toString()).toBe('true')
    expect(await watchOnce(dir)).toEqual([])
    const pending = JSON.parse((await inFolder(dir, '--json', 'watch', 'deliveries')).stdout) as { lastError: string }[]
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every((p) => p.lastError === 'secret_missing')).toBe(true)
    expect((await inFolder(dir, 'watch', 'deliveries')).stdout).toContain('nada é enviado sem assinatura')
  }, 120_000)
})
