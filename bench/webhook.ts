/*
 * npm run bench:webhook — the team webhook's outbox (issue #24): 10,000 changes recorded at once, delivered to a local
 * receiver that answers 204 after RECEIVER_MS. Printed: deliveries a second (against the ideal of the outbox's
 * concurrency over the receiver's latency) and the delay from a change's record to its 2xx — p50, p99, max.
 * The keychain is an in-memory one here: the bench measures the outbox, not D-Bus. BENCH_WEBHOOK_CHANGES shrinks it.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../src-main/app'
import type { SecretBackend } from '../src-main/infra/credentials/backend'
import { silentLogger } from '../src-main/infra/log'
import { webhookSecretName } from '../src-main/services/watch/outbound'
import { recordWatchChanges } from '../test/helpers/watch-changes'
import { deliverDue, deliveries } from '../src-main/services/watch/outbox'
import { newWebhookSecret } from '../src-main/services/watch/signing'

const CHANGES = Number(process.env['BENCH_WEBHOOK_CHANGES'] ?? 10_000)
const RECEIVER_MS = 5
const CONCURRENCY = 4

class MemoryBackend implements SecretBackend {
  private readonly entries = new Map<string, string>()
  get(service: string, account: string): Promise<string | null> {
    return Promise.resolve(this.entries.get(`${service}/${account}`) ?? null)
  }
  set(service: string, account: string, value: string): Promise<void> {
    this.entries.set(`${service}/${account}`, value)
    return Promise.resolve()
  }
  delete(service: string, account: string): Promise<boolean> {
    return Promise.resolve(this.entries.delete(`${service}/${account}`))
  }
  list(): Promise<{ account: string; password: string }[]> {
    return Promise.resolve([])
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-webhook-'))
  const received = new Map<string, number>()
  const receiver = createServer((req, res) => {
    req.resume()
    req.on('end', () =>
      setTimeout(() => {
        received.set(String(req.headers['webhook-id']), performance.now())
        res.writeHead(204).end()
      }, RECEIVER_MS),
    )
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const core = await createCore({ dataDir: dir, host: 'cli', log: silentLogger, secretBackend: new MemoryBackend() })
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alertas`
    const set = await core.router.invoke('settings:update', { allowPrivateAddresses: true, watch: { webhookUrl: url } })
    if (!set.ok) throw new Error(set.error.message)
    await core.context.credentials.setSecret('sandbox', webhookSecretName(core.context), newWebhookSecret())

    const recordedAt = performance.now()
    const changes = recordWatchChanges(core.context, CHANGES, new Date(), 'Bench')

    // What the app's scheduler and `watch run` do: a round whenever one ends, until nothing is due.
    const started = performance.now()
    while (deliveries(core.context, true).length > 0) {
      const round = await deliverDue(core.context)
      if (round.delivered === 0 && round.failed > 0) throw new Error('deliveries failing: see the receiver')
    }
    const seconds = (performance.now() - started) / 1000
    const allDelivered = deliveries(core.context).every((d) => d.state === 'delivered')
    const prefix = idPrefix(core)
    const delays = changes
      .map((c) => received.get(`${prefix}.change-${c.id}`))
      .filter((t): t is number => typeof t === 'number')
      .map((t) => t - recordedAt)
      .sort((a, b) => a - b)
    const rate = CHANGES / seconds
    const ideal = (CONCURRENCY * 1000) / RECEIVER_MS
    console.log(
      `bench:webhook — ${CHANGES} changes delivered to a local receiver (${RECEIVER_MS} ms a request) in ${seconds.toFixed(1)} s: ${rate.toFixed(0)} deliveries/s (${((rate / ideal) * 100).toFixed(0)} % of ${ideal} = ${CONCURRENCY} in flight over the receiver's latency); every one delivered, once: ${allDelivered && received.size === CHANGES}`,
    )
    console.log(
      `delay from record to 2xx: p50 ${(percentile(delays, 50) / 1000).toFixed(2)} s, p99 ${(percentile(delays, 99) / 1000).toFixed(2)} s, max ${(percentile(delays, 100) / 1000).toFixed(2)} s (${delays.length} measured)`,
    )
  } finally {
    await core.close()
    receiver.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

function idPrefix(core: Awaited<ReturnType<typeof createCore>>): string {
  const row = core.context.db.prepare(`SELECT value FROM app_meta WHERE key = 'installation_id'`).get() as {
    value: string
  }
  return row.value
}

await main()
