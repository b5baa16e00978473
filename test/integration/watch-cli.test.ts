import { spawn } from 'node:child_process'
import { Webhook } from 'standardwebhooks'
import { HTTP, type CloudEvent } from 'cloudevents'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BIN } from '../helpers/cli'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { createClaroSandbox } from '../../src-main/providers/claro/sandbox'
import { SandboxKnobsSchema, type SandboxKnobs } from '../../src-shared/domain/settings'

/*
 * Issue #17 acceptance, through the built CLI against a Claro sandbox of the test's own (its knobs add an event
 * "now"): a baseline pass, then a pass that reports only the new event; each line asked once per pass; one token
 * across processes; a pass killed with SIGKILL completes on the next run without a change reported twice.
 */

interface ChangeJson {
  line: { id: number; msisdn: string }
  kind: string
  eventName: string | null
  eventAt: string | null
  severity: string
  baseline: boolean
}
interface PassJson {
  list: number
  asked: number
  changes: ChangeJson[]
}

describe('sentinela watch (built CLI)', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()
  let claro: SandboxServer
  let knobs: SandboxKnobs
  beforeEach(async () => {
    knobs = SandboxKnobsSchema.parse({})
    claro = await startSandboxServer(createClaroSandbox(), () => knobs)
  })
  afterEach(() => claro.close())
  const watch = (...args: string[]) => h.cli(['--endpoint', `claro=${claro.url}`, ...args])
  const alertsCalls = () => claro.stats()['POST /customers/v1/alerts'] ?? 0

  it('reports the baseline once, then only the line with a new SIM swap; one call per line per pass, one token', async () => {
    const csv = join(h.dataDir, 'carteira.csv')
    writeFileSync(
      csv,
      'Nome;CPF;Celular\nAna;111.444.777-35;(11) 99999-0001\nBruno;529.982.247-25;(11) 99999-0003\nCarla;;(11) 99999-0404\n',
    )
    const added = await watch('--json', 'watch', 'add', csv, '--name', 'Carteira', '--every', '60')
    expect(added.code, added.stderr).toBe(0)
    expect(JSON.parse(added.stdout)).toMatchObject({ added: 3, skipped: 0, quota: { claroPerDay: 72, trial: 1000 } })

    const first = await watch('--json', 'watch', 'run', '--once')
    expect(first.code, first.stderr).toBe(0)
    const [baseline] = JSON.parse(first.stdout) as PassJson[]
    expect(alertsCalls()).toBe(3)
    // Ana's SIM swap yesterday and device change today are inside the policy's windows: reported, marked baseline;
    // Carla's number is unknown to Claro.
    expect(baseline?.changes.map((c) => [c.line.msisdn, c.kind, c.eventName, c.baseline]).sort()).toEqual([
      ['5511999990001', 'event', 'DEVICE_CHANGED', true],
      ['5511999990001', 'event', 'SIMCARD_CHANGED', true],
      ['5511999990404', 'unknown', null, true],
    ])

    knobs = {
      ...knobs,
      extraEvents: [{ msisdn: '5511999990003', eventName: 'SIMCARD_CHANGED', at: new Date().toISOString() }],
    }
    const second = await watch('--json', 'watch', 'run', '--once')
    const [pass] = JSON.parse(second.stdout) as PassJson[]
    expect(pass?.changes).toEqual([
      expect.objectContaining({
        line: expect.objectContaining({ msisdn: '5511999990003' }),
        kind: 'event',
        eventName: 'SIMCARD_CHANGED',
        severity: 'recusar',
        baseline: false,
      }),
    ])
    expect(alertsCalls()).toBe(6) // each line once per pass
    expect(claro.stats()['POST /oauth2/v1/token']).toBe(1) // the token of the first run served the second

    const human = await watch('watch', 'changes')
    expect(human.stdout).toContain('Grave · Bruno ((11) 99999-0003): Troca de SIM (chip) em ')
    expect(human.stdout).not.toMatch(/SIMCARD_CHANGED|\b5511/)
  })

  it('kill -9 during a pass, then run --once: the pass completes and no change is reported twice', async () => {
    knobs = SandboxKnobsSchema.parse({ latencyMs: 20 })
    const csv = join(h.dataDir, 'grande.csv')
    const rows = Array.from({ length: 150 }, (_, i) => `Cliente ${i};(21) 9${String(8000_0000 + i * 37).slice(-8)}`)
    writeFileSync(csv, `Nome;Celular\n${rows.join('\n')}\n`)
    expect((await watch('watch', 'add', csv, '--every', '60')).code).toBe(0)
    const args = [BIN, '--data-dir', h.dataDir, '--endpoint', `claro=${claro.url}`, '--json', 'watch', 'run', '--once']
    const pace = ['--concurrency', '2', '--rate', 'claro=40']
    const child = spawn(process.execPath, [...args, ...pace], { env: h.keyring.env, stdio: 'ignore' })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await vi.waitFor(() => expect(alertsCalls()).toBeGreaterThanOrEqual(40), { timeout: 15_000, interval: 20 })
    child.kill('SIGKILL')
    await exited
    const before = alertsCalls()
    expect(before).toBeLessThan(150)

    const again = await h.cli(['--endpoint', `claro=${claro.url}`, '--json', 'watch', 'run', '--once', ...pace])
    expect(again.code, again.stderr).toBe(0)
    const [pass] = JSON.parse(again.stdout) as PassJson[]
    // The killed pass was resumed (not a new one): every line answered once, give or take the calls on the wire.
    expect(alertsCalls()).toBeGreaterThanOrEqual(150)
    expect(alertsCalls()).toBeLessThanOrEqual(150 + 2)
    const db = new Database(join(h.dataDir, 'sentinela.db'), { readonly: true })
    try {
      const passes = db.prepare('SELECT COUNT(*) AS n FROM watch_passes WHERE finished_at IS NOT NULL').get() as {
        n: number
      }
      expect(passes.n).toBe(1)
      const stored = db.prepare('SELECT line_id, kind, event_name, event_at FROM watch_changes').all()
      const keys = stored.map((c) => JSON.stringify(c))
      expect(new Set(keys).size).toBe(keys.length)
      expect(stored.length).toBe(pass?.changes.length)
      const lines = db.prepare('SELECT COUNT(*) AS n FROM watch_lines WHERE checked_at IS NOT NULL').get() as {
        n: number
      }
      expect(lines.n).toBe(150)
    } finally {
      db.close()
    }
    // A third run is a new pass: nothing new, nothing reported again.
    const third = JSON.parse((await watch('--json', 'watch', 'run', '--once', ...pace)).stdout) as PassJson[]
    expect(third[0]?.changes).toEqual([])
  })

  it('LGPD: erasing a person removes their watched line and its changes', async () => {
    const csv = join(h.dataDir, 'um.csv')
    writeFileSync(csv, 'Nome;Celular\nAna;(11) 99999-0001\nBruno;(11) 99999-0003\n')
    expect((await watch('watch', 'add', csv)).code).toBe(0)
    expect((await watch('watch', 'run', '--once')).code).toBe(0)
    const report = await h.cli(['--json', 'privacy', 'report', '--phone', '(11) 99999-0001'])
    expect(report.stdout).toContain('watch_lines')
    expect((await h.cli(['privacy', 'erase', '--phone', '(11) 99999-0001', '--yes'])).code).toBe(0)
    const db = new Database(join(h.dataDir, 'sentinela.db'), { readonly: true })
    try {
      expect(db.prepare('SELECT msisdn FROM watch_lines').all()).toEqual([{ msisdn: '5511999990003' }])
      expect(db.prepare('SELECT COUNT(*) AS n FROM watch_changes WHERE line_id = 1').get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })

  it('posts each change to the team webhook as a signed CloudEvent; a failing receiver gets retries, the event stays undelivered', async () => {
    const received: { body: string; headers: Record<string, string>; type: string | undefined }[] = []
    let failing = false
    const receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        received.push({
          body,
          headers: req.headers as Record<string, string>,
          type: req.headers['content-type'],
        })
        res.writeHead(failing ? 500 : 204).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alertas`
    try {
      // A receiver on this machine needs the analyst's consent (issue #23 item 4).
      const refused = await watch('watch', 'webhook', 'set', url)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('--allow-private')
      const set = await watch('watch', 'webhook', 'set', url, '--allow-private')
      expect(set.code, set.stderr).toBe(0)
      const secret = set.stdout.trim()
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
      const csv = join(h.dataDir, 'w.csv')
      writeFileSync(csv, 'Nome;Celular\nAna;(11) 99999-0001\n')
      expect((await watch('watch', 'add', csv)).code).toBe(0)
      expect((await watch('watch', 'run', '--once')).code).toBe(0)
      // Ana's two baseline events, each one CloudEvent, signed over the exact body.
      expect(received).toHaveLength(2)
      for (const r of received) {
        expect(r.type).toContain('application/cloudevents+json')
        // Issue #24: verified with the Standard Webhooks and CloudEvents libraries a receiver would use.
        expect(() => new Webhook(secret).verify(r.body, r.headers)).not.toThrow()
        const parsed = HTTP.toEvent({ headers: r.headers, body: r.body }) as CloudEvent<unknown>
        expect(parsed.validate()).toBe(true)
        expect(parsed.source).toMatch(/^sentinela:\/\/[0-9a-f-]{36}\/watchlists\/1$/)
        const event = JSON.parse(r.body) as Record<string, unknown> & { data: { line: { msisdn: string } } }
        expect(event).toMatchObject({ specversion: '1.0', type: 'br.sentinela.watch.event', subject: 'line/1' })
        expect(event.id).toMatch(/^change-\d+$/)
        expect(r.headers['webhook-id']).toMatch(/^[0-9a-f-]{36}\.change-\d+$/)
        expect(event.data.line.msisdn).toBe('(11) 9****-0001') // masked as configured
      }
      expect(JSON.parse((await watch('--json', 'watch', 'deliveries')).stdout)).toEqual([])

      failing = true
      received.length = 0
      knobs = {
        ...knobs,
        extraEvents: [{ msisdn: '5511999990001', eventName: 'PORTOUT_REQUESTED', at: new Date().toISOString() }],
      }
      expect((await watch('watch', 'run', '--once')).code).toBe(0)
      // Issue #24: one attempt per due time — the next waits its backoff (30 s and more), never several at once.
      expect(received.length).toBe(1)
      const pending = JSON.parse((await watch('--json', 'watch', 'deliveries')).stdout) as {
        attempts: number
        lastError: string
        state: string
      }[]
      expect(pending).toEqual([expect.objectContaining({ attempts: 1, lastError: 'HTTP 500', state: 'failing' })])
      expect((await watch('watch', 'deliveries')).stdout).toContain(
        'não entregue depois de 1 tentativa (último erro: HTTP 500)',
      )
    } finally {
      receiver.close()
    }
  })

  it('adds lines to a list and removes one, with its changes', async () => {
    const a = join(h.dataDir, 'a.csv')
    const b = join(h.dataDir, 'b.csv')
    writeFileSync(a, 'Nome;Celular\nAna;(11) 99999-0001\n')
    writeFileSync(b, 'Nome;Celular\nBruno;(11) 99999-0003\nAna de novo;(11) 99999-0001\n')
    expect((await watch('watch', 'add', a)).code).toBe(0)
    const more = await watch('--json', 'watch', 'add', b, '--to', '1')
    expect(JSON.parse(more.stdout)).toMatchObject({ list: { id: 1 }, added: 1 }) // Ana was already watched
    expect((await watch('watch', 'run', '--once')).code).toBe(0)
    const removed = await watch('watch', 'remove-line', '1', '--phone', '(11) 99999-0001')
    expect(removed.stderr).toContain('1 linha removida da lista')
    const left = JSON.parse((await watch('--json', 'watch', 'list')).stdout) as { lines: number }[]
    expect(left[0]?.lines).toBe(1)
    expect(JSON.parse((await watch('--json', 'watch', 'changes')).stdout)).toEqual([]) // Ana's were hers
  })

  it('without --once it keeps running; SIGTERM lets the pass in progress finish, then it exits', async () => {
    knobs = SandboxKnobsSchema.parse({ latencyMs: 20 })
    const csv = join(h.dataDir, 'serv.csv')
    const rows = Array.from({ length: 60 }, (_, i) => `Cliente ${i};(31) 9${String(7000_0000 + i * 53).slice(-8)}`)
    writeFileSync(csv, `Nome;Celular\n${rows.join('\n')}\n`)
    expect((await watch('watch', 'add', csv, '--every', '60')).code).toBe(0)
    const args = [
      BIN,
      '--data-dir',
      h.dataDir,
      '--endpoint',
      `claro=${claro.url}`,
      'watch',
      'run',
      '--rate',
      'claro=20',
    ]
    const child = spawn(process.execPath, args, { env: h.keyring.env, stdio: 'ignore' })
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    await vi.waitFor(() => expect(alertsCalls()).toBeGreaterThanOrEqual(10), { timeout: 15_000, interval: 20 })
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(alertsCalls()).toBe(60) // the pass in progress was finished, not cut
    const db = new Database(join(h.dataDir, 'sentinela.db'), { readonly: true })
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM watch_passes WHERE finished_at IS NULL').get()).toEqual({ n: 0 })
      expect(db.prepare('SELECT COUNT(*) AS n FROM watch_lines WHERE checked_at IS NOT NULL').get()).toEqual({ n: 60 })
    } finally {
      db.close()
    }
  })
})
