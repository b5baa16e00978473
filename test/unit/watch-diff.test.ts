import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { diffLine } from '../../src-main/services/watch/diff'
import { newWebhookSecret, secretKey, signatureHeaders } from '../../src-main/services/watch/signing'
import type { WatchLine } from '../../src-main/services/watch/store'
import { alertFacts, DEFAULT_POLICY } from '../../src-shared/domain/policy'
import { createTranslator } from '../../src-shared/i18n'
import { notificationOf } from '../../src-shared/domain/watch'
import { formatsFor } from '../../src-shared/domain/format'
import type { WatchChangeView } from '../../src-shared/contract/watch'

/* Issue #17: what a pass calls a change, and how severe the policy says it is. */
const NOW = new Date('2026-12-01T12:00:00Z')
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()
const line = (over: Partial<WatchLine> = {}): WatchLine => ({
  id: 7,
  listId: 1,
  msisdn: '5511999990001',
  cpf: '',
  label: 'Ana',
  addedAt: ago(10),
  baselineAt: null,
  checkedAt: null,
  lastStatus: null,
  lastScore: null,
  knownEvents: [],
  ...over,
})
const alerts = (events: { eventName: string; timestamp: string }[]) => ({
  alerts: { status: 'answered' as const, answer: alertFacts(events, NOW) },
})

describe('diffLine', () => {
  it('at baseline reports only the events inside the policy window, marked as baseline, and remembers all', () => {
    const d = diffLine(
      line(),
      alerts([
        { eventName: 'SIMCARD_CHANGED', timestamp: ago(1) },
        { eventName: 'SIMCARD_CHANGED', timestamp: ago(200) },
      ]),
      ['alerts'],
      DEFAULT_POLICY,
    )
    expect(d.changes).toEqual([
      expect.objectContaining({ kind: 'event', eventName: 'SIMCARD_CHANGED', severity: 'recusar', baseline: true }),
    ])
    expect(d.update?.events).toHaveLength(2)
  })

  it('after the baseline reports a new event and nothing already known', () => {
    const known = [{ name: 'SIMCARD_CHANGED', at: ago(200) }]
    const after = line({ baselineAt: ago(1), checkedAt: ago(1), lastStatus: 'answered', knownEvents: known })
    const d = diffLine(
      after,
      alerts([
        { eventName: 'SIMCARD_CHANGED', timestamp: ago(200) },
        { eventName: 'PORTOUT_REQUESTED', timestamp: ago(0) },
      ]),
      ['alerts'],
      DEFAULT_POLICY,
    )
    expect(d.changes.map((c) => [c.eventName, c.baseline])).toEqual([['PORTOUT_REQUESTED', false]])
    expect(
      diffLine(after, alerts([{ eventName: 'SIMCARD_CHANGED', timestamp: ago(200) }]), ['alerts'], DEFAULT_POLICY)
        .changes,
    ).toEqual([])
  })

  it('a number Claro no longer knows is a change once; a Score crossing the policy line is one; a failure is none', () => {
    const known = line({ baselineAt: ago(1), checkedAt: ago(1), lastStatus: 'answered', lastScore: 700 })
    const gone = diffLine(
      known,
      { alerts: { status: 'not_found', code: 'claro.not_found' } },
      ['alerts'],
      DEFAULT_POLICY,
    )
    expect(gone.changes).toEqual([expect.objectContaining({ kind: 'unknown', baseline: false })])
    expect(
      diffLine(
        { ...known, lastStatus: 'not_found' },
        { alerts: { status: 'not_found', code: 'claro.not_found' } },
        ['alerts'],
        DEFAULT_POLICY,
      ).changes,
    ).toEqual([])
    const fell = diffLine(known, { score: { status: 'answered', answer: { score: 150 } } }, ['score'], DEFAULT_POLICY)
    expect(fell.changes).toEqual([expect.objectContaining({ kind: 'score', detail: { score: 150, previous: 700 } })])
    const failed = diffLine(
      known,
      { alerts: { status: 'failed', code: 'claro.server_error' } },
      ['alerts'],
      DEFAULT_POLICY,
    )
    expect(failed).toEqual({ update: null, changes: [] }) // asked again next pass, nothing concluded
  })
})

describe('outbound words and signature', () => {
  it('says a change in a sentence with the line formatted, and signs the exact body', () => {
    const change: WatchChangeView = {
      id: 1,
      listId: 1,
      line: { id: 7, label: 'Ana', msisdn: '5511999990001', cpf: '' },
      kind: 'event',
      eventName: 'SIMCARD_CHANGED',
      eventAt: '2026-12-01T12:00:00Z',
      detail: null,
      severity: 'recusar',
      baseline: false,
      detectedAt: '2026-12-01T12:01:00Z',
      read: false,
      delivery: { state: 'none', attempts: 0 },
    }
    expect(notificationOf(change, createTranslator('pt-BR'), formatsFor('pt-BR', 'America/Sao_Paulo'))).toEqual({
      title: 'Grave · Ana',
      body: '(11) 99999-0001: Troca de SIM (chip) em 01/12/2026 09:00',
    })
  })

  it('signs as Standard Webhooks: the standardwebhooks library verifies it, for each of two secrets (rotation)', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()]
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const body = '{"a":1}'
    const headers = signatureHeaders([a, b], 'inst.change-1', new Date(), body)
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(new Webhook(a).verify(body, headers)).toEqual({ a: 1 })
    expect(new Webhook(b).verify(body, headers)).toEqual({ a: 1 })
    // The timestamp is signed: the same signature with another time, or another body, is refused.
    expect(() =>
      new Webhook(a).verify(body, { ...headers, 'webhook-timestamp': String(Date.now() / 1000 - 1) }),
    ).toThrow()
    expect(() => new Webhook(a).verify('{"a":2}', headers)).toThrow()
    // Too old: a captured request replayed ten minutes later is refused by the receiver's library.
    const old = signatureHeaders([a], 'inst.change-1', new Date(Date.now() - 600_000), body)
    expect(() => new Webhook(a).verify(body, old)).toThrow(/too old/)
  })

  it('a secret carries 32 bytes at least, as whsec_ + base64', () => {
    expect(secretKey(newWebhookSecret())).toHaveLength(32)
    expect(secretKey('whsec_c2hvcnQ=')).toBeNull() // "short"
    expect(secretKey('segredo-curto')).toBeNull()
    expect(secretKey(`whsec_${'%'.repeat(44)}`)).toBeNull()
  })
})
