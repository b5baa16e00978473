import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { tempDir } from '../helpers/tmp'
import { createCore } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { invokeOrThrow } from '../../src-main/cli/invoke'

/*
 * Issue #14: the probes of the security review, replayed against the callback listener. Each must be refused and
 * leave nothing behind: no inbox message, no stored callback, no event.
 */

const CREDS = 'userid=sentinela&pwd=sentinela-sandbox-receipts'
const MO_CREDS = 'USER=sentinela&PWD=sentinela-sandbox-receipts'
const XML = { 'Content-Type': 'text/xml; charset=UTF-8' }
const MO = 'TEXT=Seu+PIX+foi+aprovado&ID=1&ANUM=11999990001&BNUM=333'

describe('the callback listener refuses what a provider would never send', () => {
  const h = coreWithPrivateKeychain({
    host: 'browser',
    startCallbacks: true,
    settings: { callbacks: { bindAddress: '127.0.0.1', port: 0 } },
  })
  const url = (): string => h.core.context.callbacks.status().url ?? ''
  const nothingStored = async (): Promise<void> => {
    expect(await invokeOrThrow(h.core, 'mse:inbox', {})).toEqual([])
    expect(await invokeOrThrow(h.core, 'callbacks:list', {})).toEqual([])
  }

  it('a web page planting an SMS "from" a customer (<img src=…/mse/mo?TEXT=…>) gets nothing in', async () => {
    const received: unknown[] = []
    h.core.events.subscribe('mse:mo', (m) => received.push(m))
    // No credentials, as an <img> or a fetch would send it.
    expect((await request(`${url()}/mse/mo?${MO}`)).statusCode).toBe(401)
    // Even with the right credentials, a browser's request (Origin / Sec-Fetch-*) is not a provider's.
    expect(
      (await request(`${url()}/mse/mo?${MO}&${MO_CREDS}`, { headers: { Origin: 'https://evil.example' } })).statusCode,
    ).toBe(403)
    expect(
      (
        await request(`${url()}/mse/mo?${MO}&${MO_CREDS}`, {
          headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' },
        })
      ).statusCode,
    ).toBe(403)
    expect((await request(`${url()}/mse/mo?${MO}&USER=sentinela&PWD=wrong`)).statusCode).toBe(401)
    expect(received).toEqual([])
    await nothingStored()
    // MSE itself, with the partner's USER/PWD (seed 003 §6.4.5.1), is let in.
    expect((await request(`${url()}/mse/mo?${MO}&${MO_CREDS}`)).statusCode).toBe(200)
    expect(await invokeOrThrow(h.core, 'mse:inbox', {})).toEqual([
      expect.objectContaining({ text: 'Seu PIX foi aprovado' }),
    ])
  })

  it('MMS MO, USSD answers and receipts: credentials, exact media types and a size limit, checked before any parsing', async () => {
    const mms = '<?xml version="1.0"?><REQUEST REQ_TYPE="Rcv_MMS_MO"><MMS><![CDATA[x]]></MMS></REQUEST>'
    const ussd =
      '<?xml version="1.0" encoding="UTF-8"?><ussd_message_response><head><msisdn>11999990001</msisdn><short_code>200</short_code></head><response><input>1</input></response></ussd_message_response>'
    expect((await request(`${url()}/mse/mms`, { method: 'POST', headers: XML, body: mms })).statusCode).toBe(401)
    expect((await request(`${url()}/mse/ussd`, { method: 'POST', headers: XML, body: ussd })).statusCode).toBe(401)
    expect(
      (
        await request(`${url()}/mse/ussd?${CREDS}`, {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain' },
          body: ussd,
        })
      ).statusCode,
    ).toBe(415)
    expect(
      (
        await request(`${url()}/mse/ussd?${CREDS}`, {
          method: 'POST',
          headers: { 'Content-Type': 'text/xmlx' },
          body: ussd,
        })
      ).statusCode,
    ).toBe(415)
    expect(
      (
        await request(`${url()}/mse/receipt?${CREDS}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).statusCode,
    ).toBe(415)
    // A body past the limit: refused and the socket closed, not read to the end.
    const huge = await request(`${url()}/mse/ussd?${CREDS}`, {
      method: 'POST',
      headers: XML,
      body: Buffer.alloc(200 * 1024, 0x41),
    }).then(
      (r) => r.statusCode,
      () => 'closed',
    )
    expect([413, 'closed']).toContain(huge)
    await nothingStored()
    const status = await invokeOrThrow(h.core, 'callbacks:status', {})
    expect(status.refused).toMatchObject({ unauthenticated: 2, media_type: 3 })
  })

  it('ClearSale webhooks need the Bearer token and JSON', async () => {
    const body = JSON.stringify({ Code: 'DT1', TypeId: 1 })
    expect(
      (
        await request(`${url()}/clearsale/webhook`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
        })
      ).statusCode,
    ).toBe(401)
    expect(
      (
        await request(`${url()}/clearsale/webhook`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer nope' },
          body,
        })
      ).statusCode,
    ).toBe(401)
    const token = 'sentinela-sandbox-webhook-token'
    expect(
      (
        await request(`${url()}/clearsale/webhook`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${token}` },
          body,
        })
      ).statusCode,
    ).toBe(415)
    await nothingStored()
  })

  it('binding off loopback needs an explicit confirmation', async () => {
    expect(await h.core.router.invoke('settings:update', { callbacks: { bindAddress: '0.0.0.0' } })).toMatchObject({
      ok: false,
      error: { code: 'callbacks_exposure_unconfirmed', message: expect.stringContaining('TLS') },
    })
    expect(h.core.context.settings.get().callbacks.bindAddress).toBe('127.0.0.1')
  })
})

describe('without a receipts credential (outside the sandbox)', () => {
  it('accepts MSE receipts from this machine only, refuses MO outright, and says so', async () => {
    const dir = tempDir()
    const core = await createCore({
      dataDir: dir.path,
      host: 'browser',
      log: silentLogger,
      environment: 'homologacao',
      startCallbacks: true,
    })
    try {
      await core.context.settings.update({ callbacks: { bindAddress: '127.0.0.1', port: 0 } })
      await expect.poll(() => core.context.callbacks.status().listening).toBe(true)
      const url = core.context.callbacks.status().url ?? ''
      const receipt =
        '<mse-response><status-code>0</status-code><profile>p</profile><transaction-id>9</transaction-id></mse-response>'
      expect((await request(`${url}/mse/receipt`, { method: 'POST', headers: XML, body: receipt })).statusCode).toBe(
        200,
      )
      expect((await request(`${url}/mse/mo?${MO}`)).statusCode).toBe(401)
      expect((await invokeOrThrow(core, 'callbacks:status', {})).warnings).toEqual([
        'receipts_open',
        'webhook_token_missing',
      ])
    } finally {
      await core.close()
      dir.cleanup()
    }
  })
})
