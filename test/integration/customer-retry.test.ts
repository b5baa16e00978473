import { describe, expect, it } from 'vitest'
import { invokeOrThrow } from '../../src-main/cli/invoke'
import { coreWithPrivateKeychain } from '../helpers/core-harness'

/*
 * Issue #16 "Cliente shows progress per provider and can retry just the one that failed": each provider's answer
 * is announced as it lands, and a retry re-asks only the failed provider — the billed Data Trust transaction and
 * the Alerta call are kept, not sent again.
 */
describe('Cliente: progress per provider and a retry of the one that failed', () => {
  const h = coreWithPrivateKeychain()
  // Score persona 222.333.444-05 answers 500 on the sandbox; the phone persona has a SIM swap.
  const input = { cpf: '222.333.444-05', phone: '(11) 99999-0001', checks: ['alerts', 'score', 'datatrust'] as const }
  const stats = async () => {
    const all = await invokeOrThrow(h.core, 'sandbox:stats', {})
    const sum = (provider: string, path: RegExp) =>
      Object.entries(all[provider] ?? {})
        .filter(([k]) => path.test(k))
        .reduce((a, [, n]) => a + n, 0)
    return {
      alerts: sum('claro', /alerts/),
      score: sum('claro', /scores/),
      datatrust: sum('clearsale', /^POST \/products\/v1\/datatrust$/),
    }
  }

  it('announces each provider, then re-asks only the failed Score and keeps Alerta and Data Trust', async () => {
    const heard: string[] = []
    const stop = h.core.context.events.subscribe('customer:progress', (p) => {
      const e = p as { requestId: string; check: string; status: string }
      heard.push(`${e.requestId}:${e.check}:${e.status}`)
    })
    const first = await invokeOrThrow(h.core, 'customer:check', {
      ...input,
      checks: [...input.checks],
      requestId: 'r1',
    })
    expect(first.score.status).toBe('error')
    expect(first.alerts.status).toBe('ok')
    expect(first.dataTrust.status).toBe('ok')
    expect(heard.sort()).toEqual(['r1:alerts:ok', 'r1:datatrust:ok', 'r1:score:error'])
    const before = await stats()
    expect(before.datatrust).toBe(1)

    const again = await invokeOrThrow(h.core, 'customer:check', {
      ...input,
      checks: [...input.checks],
      retry: ['score'],
      requestId: 'r2',
    })
    const after = await stats()
    expect(after.score).toBe(before.score + 1) // asked again
    expect(after.alerts).toBe(before.alerts) // kept
    expect(after.datatrust).toBe(before.datatrust) // kept: a billed transaction is not sent twice
    expect(again.dataTrust).toEqual(first.dataTrust)
    expect(again.alerts).toEqual(first.alerts)
    expect(heard.filter((x) => x.startsWith('r2')).sort()).toEqual([
      'r2:alerts:reused',
      'r2:datatrust:reused',
      'r2:score:error',
    ])
    // The verdict is decided again from the kept answers and the new one.
    expect(again.decision.verdict).toBe(first.decision.verdict)
    stop?.()
  })

  it('without a previous check of the same customer, a retry asks everything it was asked', async () => {
    const result = await invokeOrThrow(h.core, 'customer:check', {
      cpf: '529.982.247-25',
      checks: ['score', 'datatrust'],
      retry: ['score'],
    })
    expect(result.score.status).toBe('ok')
    expect(result.dataTrust.status).toBe('ok')
  })
})
