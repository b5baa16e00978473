import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { latin1FormEncode } from '../../src-main/providers/mse/sandbox/delivery'

/** MSE → partner deliveries through the callback listener: receipts (§6.4.1.1), SMS MO (§6.4.5.1), MMS MO (§6.4.7.1). */
describe('MSE receipts and MO', () => {
  const h = coreWithPrivateKeychain({
    host: 'browser',
    startCallbacks: true,
    settings: { callbacks: { bindAddress: '127.0.0.1', port: 0 } },
  })
  const sms = (bnum: string) =>
    h.core.router.invoke('mse:call', {
      service: 'SMS_TEXT',
      mode: 'async-delivery',
      params: { BNUM: bnum, TEXT: 'Seu código: 4321', ANUM: '333' },
    })

  it.each([
    ['1191000000', 'DELIVRD'],
    ['1191000001', 'EXPIRED'],
    ['1191000002', 'UNDELIV'],
    ['1191000003', 'UNKNOWN'],
    ['1191000004', 'REJECTD'],
  ])('an SMS to %s in async-delivery gets its %s receipt, attached to the sent message', async (bnum, status) => {
    const receipts: { transactionId: string; status: string; message: unknown }[] = []
    h.core.events.subscribe('mse:receipt', (r) => receipts.push(r as never))
    const sent = await sms(bnum)
    const tid = sent.ok ? (sent.data as { transactionId: string }).transactionId : ''
    await expect.poll(() => receipts.length).toBe(1)
    expect(receipts[0]).toMatchObject({
      transactionId: tid,
      status,
      message: { transactionId: tid, target: bnum, receiptStatus: status },
    })
    expect(await h.core.router.invoke('mse:messages', {})).toMatchObject({
      ok: true,
      data: [{ transactionId: tid, receiptStatus: status }],
    })
    expect(await h.core.router.invoke('callbacks:list', {})).toMatchObject({
      ok: true,
      data: [{ provider: 'mse', kind: 'receipt', summary: `${tid} · ${status}` }],
    })
  })

  it('LBS and IMEI torpedoes: acknowledged at once, answered later by delivery — outputs, or 110 from a silent handset', async () => {
    const answers: {
      transactionId: string
      statusCode: number
      parameters: Record<string, string>
      errorMessage: string | null
    }[] = []
    h.core.events.subscribe('mse:receipt', (r) => answers.push(r as never))
    const lbs = await h.core.router.invoke('mse:call', {
      service: 'LBS_TORPEDO',
      mode: 'async-delivery',
      params: { CTN: '(11) 99100-0002' },
    })
    expect(lbs).toMatchObject({ ok: true, data: { statusCode: 0, parameters: {} } })
    const lbsId = lbs.ok ? (lbs.data as { transactionId: string }).transactionId : ''
    const silent = await h.core.router.invoke('mse:call', {
      service: 'IMEI_TORPEDO',
      mode: 'async-delivery',
      params: { CTN: '1199990110' },
    })
    const silentId = silent.ok ? (silent.data as { transactionId: string }).transactionId : ''
    await expect.poll(() => answers.length).toBe(2)
    expect(answers.find((a) => a.transactionId === lbsId)).toMatchObject({
      statusCode: 0,
      parameters: { LATITUDE: expect.any(String), LONGITUDE: expect.any(String), RADIUS: expect.any(String) },
    })
    expect(answers.find((a) => a.transactionId === silentId)).toMatchObject({
      statusCode: 110,
      errorMessage: 'No Device Response',
    })
  })

  it('refuses a receipt without the configured userid/pwd', async () => {
    const url = h.core.context.callbacks.status().url
    const body =
      '<mse-response><status-code>0</status-code><profile>p</profile><transaction-id>1</transaction-id></mse-response>'
    const xml = { 'Content-Type': 'text/xml; charset=UTF-8' }
    expect(
      (await request(`${url}/mse/receipt?userid=sentinela&pwd=nope`, { method: 'POST', headers: xml, body }))
        .statusCode,
    ).toBe(401)
    expect((await request(`${url}/mse/receipt`, { method: 'POST', headers: xml, body })).statusCode).toBe(401)
    expect(await h.core.router.invoke('callbacks:list', {})).toEqual({ ok: true, data: [] })
  })

  it('decodes an MO with accented Portuguese sent in ISO-8859-1', async () => {
    const mos: { text: string; anum: string }[] = []
    h.core.events.subscribe('mse:mo', (m) => mos.push(m as never))
    await sms('1191000000') // registers this listener with the sandbox
    const sandbox = await h.core.context.sandbox.url('mse')
    const res = await request(`${sandbox}/__sandbox/mse-mo`, {
      method: 'POST',
      body: JSON.stringify({ text: 'Olá, não recebi o código: ação já!', anum: '1191234567', bnum: '333' }),
    })
    expect(res.statusCode).toBe(204)
    await expect.poll(() => mos.length).toBe(1)
    expect(mos[0]).toMatchObject({ kind: 'sms', text: 'Olá, não recebi o código: ação já!', anum: '1191234567' })
    expect(latin1FormEncode({ TEXT: 'ação' })).toBe('TEXT=a%E7%E3o') // ISO-8859-1 on the wire, not UTF-8
    expect(await h.core.router.invoke('mse:inbox', {})).toMatchObject({
      ok: true,
      data: [{ kind: 'sms', text: 'Olá, não recebi o código: ação já!' }],
    })
  })

  it('lists the decoded parts of an MMS MO, stores it and pushes it live', async () => {
    const mos: { kind: string; parts?: { contentType: string }[] }[] = []
    h.core.events.subscribe('mse:mo', (m) => mos.push(m as never))
    const sent = await h.core.router.invoke('sandbox:mse-mo', {
      kind: 'mms',
      anum: '1191234567',
      bnum: '303',
      subject: 'Comprovante',
      text: 'Segue a foto, não é fraude',
      withImage: true,
    })
    expect(sent).toEqual({ ok: true, data: { delivered: true } })
    await expect.poll(() => mos.length).toBe(1)
    expect(mos[0]).toMatchObject({
      kind: 'mms',
      subject: 'Comprovante',
      text: 'Comprovante — Segue a foto, não é fraude',
    })
    expect(mos[0]?.parts?.map((p) => p.contentType)).toEqual(['text/plain', 'image/gif', 'application/smil'])
    const inbox = await h.core.router.invoke('mse:inbox', {})
    expect(inbox).toMatchObject({
      ok: true,
      data: [
        {
          kind: 'mms',
          anum: '1191234567',
          parts: [{ text: 'Segue a foto, não é fraude' }, { contentType: 'image/gif' }, {}],
        },
      ],
    })
    expect(await h.core.router.invoke('callbacks:list', { limit: 1 })).toMatchObject({
      ok: true,
      data: [{ provider: 'mse', kind: 'mms-mo' }],
    })
  })

  it('refuses an unreadable MMS MO with 400 and keeps what arrived', async () => {
    const url = h.core.context.callbacks.status().url
    const mms = `${url}/mse/mms?userid=sentinela&pwd=sentinela-sandbox-receipts`
    expect(
      (
        await request(mms, {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml' },
          body: '<REQUEST REQ_TYPE="Rcv_MMS_MO"><MMS>',
        })
      ).statusCode,
    ).toBe(400)
    expect(await h.core.router.invoke('callbacks:list', { limit: 1 })).toMatchObject({
      ok: true,
      data: [{ kind: 'mms-mo-invalid', summary: expect.stringMatching(/malformed XML/) }],
    })
    expect(await h.core.router.invoke('mse:inbox', {})).toEqual({ ok: true, data: [] })
  })
})
