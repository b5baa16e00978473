import { request } from 'undici'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppErrorSchema, CHANNEL_NAMES } from '../../src-shared/contract'
import { BAD_CHANNELS, HUGE, MALFORMED_PAYLOADS } from '../helpers/malformed'
import { startHostUnderTest, type HostUnderTest } from '../helpers/browser-host'

/** The contract over the browser host: every bad call is a typed error and the host stays up. */
describe('browser host bridge', () => {
  let t: HostUnderTest
  beforeAll(async () => (t = await startHostUnderTest()))
  afterAll(() => t.stop())

  async function invokeRaw(body: string, status: number | null = 200) {
    const res = await request(`${t.host.origin}/api/invoke`, {
      method: 'POST',
      headers: { ...t.auth, 'content-type': 'application/json' },
      body,
    })
    if (status !== null) expect(res.statusCode).toBe(status)
    return (await res.body.json()) as { ok: boolean; error?: unknown; data?: unknown }
  }

  function expectTypedError(answer: { ok: boolean; error?: unknown }, codes: string[]): void {
    expect(answer.ok).toBe(false)
    const error = AppErrorSchema.parse(answer.error)
    expect(codes).toContain(error.code)
    expect(JSON.stringify(error)).not.toMatch(/\n\s+at |\.ts:\d+/)
  }

  for (const channel of CHANNEL_NAMES) {
    it(`answers every malformed payload on ${channel} with a typed error`, async () => {
      for (const { payload } of MALFORMED_PAYLOADS) {
        // 200 with a typed error, or 413 for the 2 MiB payload: either way a typed error body.
        const answer = await invokeRaw(JSON.stringify({ channel, payload }), null)
        expectTypedError(answer, ['invalid_request', 'payload_too_large'])
      }
    })
  }

  it('answers unknown channels with a typed error', async () => {
    for (const channel of BAD_CHANNELS)
      expectTypedError(await invokeRaw(JSON.stringify({ channel, payload: {} })), ['unknown_channel'])
  })

  it('answers a body that is not JSON, or not an envelope, with a typed error', async () => {
    expectTypedError(await invokeRaw('{not json', 400), ['invalid_request'])
    expectTypedError(await invokeRaw('[1,2]', 400), ['invalid_request'])
    expectTypedError(await invokeRaw('null', 400), ['invalid_request'])
  })

  it('refuses an oversized body with 413 and a typed error', async () => {
    expectTypedError(
      await invokeRaw(JSON.stringify({ channel: 'settings:update', payload: { language: HUGE } }), 413),
      ['payload_too_large'],
    )
  })

  it('is still up and correct after all of that', async () => {
    expect(await invokeRaw(JSON.stringify({ channel: 'app:info', payload: {} }))).toMatchObject({
      ok: true,
      data: { host: 'browser' },
    })
  })

  function openSocket(headers: Record<string, string>): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${t.host.port}/api/events`, { headers })
      ws.once('open', () => resolve(ws))
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
      ws.once('error', reject)
    })
  }

  function nextMessage(ws: WebSocket): Promise<{ type: string; topic?: string; data?: unknown; error?: unknown }> {
    return new Promise((resolve) => ws.once('message', (raw) => resolve(JSON.parse(String(raw)) as never)))
  }

  it('pushes subscribed events over the WebSocket', async () => {
    const baseline = t.core.events.listenerCount('settings:changed') // the core's own listeners
    const ws = await openSocket({ ...t.auth, origin: t.host.origin })
    ws.send(JSON.stringify({ type: 'subscribe', topic: 'settings:changed' }))
    // The subscription is registered when the message is processed; wait until the hub has the listener.
    await expect.poll(() => t.core.events.listenerCount('settings:changed')).toBe(baseline + 1)
    const message = nextMessage(ws)
    await invokeRaw(JSON.stringify({ channel: 'settings:update', payload: { language: 'en' } }))
    expect(await message).toMatchObject({
      type: 'event',
      topic: 'settings:changed',
      data: { language: 'en', environment: 'sandbox' },
    })
    ws.close()
    await expect.poll(() => t.core.events.listenerCount('settings:changed')).toBe(baseline)
  })

  it('answers bad socket messages with a typed error and keeps the socket open', async () => {
    const ws = await openSocket(t.auth)
    for (const raw of [
      'garbage',
      JSON.stringify({ type: 'subscribe', topic: 'no:such-topic' }),
      JSON.stringify({ type: 'dance' }),
      HUGE.slice(0, 60_000),
    ]) {
      const reply = nextMessage(ws)
      ws.send(raw)
      const message = await reply
      expect(message.type).toBe('error')
      AppErrorSchema.parse(message.error)
    }
    expect(ws.readyState).toBe(WebSocket.OPEN)
    ws.close()
  })

  it('refuses a WebSocket without the token or from a foreign Origin', async () => {
    await expect(openSocket({})).rejects.toThrow('HTTP 401')
    await expect(openSocket({ ...t.auth, origin: 'http://evil.example' })).rejects.toThrow('HTTP 403')
  })
})
