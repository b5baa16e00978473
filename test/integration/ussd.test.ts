import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { DEMO_BALANCE_SCRIPT, SEED_MENU, SEED_MENU_SCREENS } from '../helpers/ussd-samples'
import { USSD_CONSOLE_REPLY } from '../../src-main/services/mse/callbacks'
import type { ChannelName, RequestOf, ResponseOf } from '../../src-shared/contract'

/* USSD over the MSE sandbox (seed 003 §6.4.18–23): push → handset → subscriber answer → partner; the app tester. */
// One keychain per test file (libsecret keeps one session bus per process): one harness for both parts.
const h = coreWithPrivateKeychain({
  host: 'browser',
  startCallbacks: true,
  settings: { callbacks: { bindAddress: '127.0.0.1', port: 0 } },
})
async function call<C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await h.core.router.invoke(channel, payload)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`)
  return result.data as ResponseOf<C>
}
async function refusal<C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<string> {
  const result = await h.core.router.invoke(channel, payload)
  return result.ok ? 'accepted' : result.error.code
}

describe('USSD push and the virtual handset', () => {
  const seedMenu = SEED_MENU

  it("carries the seed head's optional fields, answers an open session with its session_owner, and the keypad types digits", async () => {
    const sent = await call('ussd:push', {
      msisdn: '(11) 99999-7777',
      shortCode: '200',
      sessionOwner: '172.1.1.1',
      billing: {
        billingcode: 'DH2010',
        ctn_billing: '111111111',
        content_description: 'Teste Menu',
        transaction_info: 'Implementacao de teste',
      },
      command: { kind: 'input', content: 'Digite o valor:' },
    })
    expect(sent.statusCode).toBe(0)
    // §6.4.18's example head, field for field.
    for (const tag of [
      '<billingcode>DH2010</billingcode>',
      '<ctn_billing>111111111</ctn_billing>',
      '<content_description>Teste Menu</content_description>',
      '<transaction_info>Implementacao de teste</transaction_info>',
      '<session_owner>172.1.1.1</session_owner>',
    ]) {
      expect(sent.sentXml).toContain(tag)
    }
    const log: string[] = []
    h.core.events.subscribe('mse:mo', (m) => log.push((m as { text: string }).text))
    // §6.4.23: a phone keypad sends digits; letters stay on the handset with a note.
    const handset = await call('sandbox:ussd-key', { msisdn: '11999997777', key: 'dez reais' })
    expect(handset.note).toContain('dígitos')
    expect(log).toEqual([])
    await call('sandbox:ussd-key', { msisdn: '11999997777', key: '10' })
    await expect.poll(() => log).toEqual(['10'])
    // The console's reply keeps the open session's owner (§6.4.18 "deverá ser encaminhada").
    const listener = h.core.context.callbacks.status().url
    const reply = await request(`${listener}/mse/ussd?userid=sentinela&pwd=sentinela-sandbox-receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
      body: '<?xml version="1.0" encoding="UTF-8"?><ussd_message_response><head><msisdn>11999997777</msisdn><short_code>200</short_code><session_owner>172.1.1.1</session_owner></head><response><input>20</input></response></ussd_message_response>',
    })
    expect(await reply.body.text()).toContain('<session_owner>172.1.1.1</session_owner>')
  })

  it('a paged menu arrives on the handset as MSE pages it; the answer reaches the listener and the reply shows', async () => {
    const inbound: { kind: string; text: string }[] = []
    h.core.events.subscribe('mse:mo', (m) => inbound.push(m as never))
    const sent = await call('ussd:push', { msisdn: '(11) 9999-8888', shortCode: '100', command: seedMenu })
    expect(sent.statusCode).toBe(0)
    expect(sent.sentXml).toContain('<password>•••</password>')
    expect(sent.sentXml).not.toContain('sentinela-sandbox')
    let handset = await call('sandbox:ussd-handset', { msisdn: '1199998888' })
    expect(handset.screen).toBe(SEED_MENU_SCREENS[0])
    handset = await call('sandbox:ussd-key', { msisdn: '1199998888', key: '9' })
    expect(handset).toMatchObject({ page: 1, screen: expect.stringMatching(/^2\. This is the second/) })
    handset = await call('sandbox:ussd-key', { msisdn: '1199998888', key: '9' })
    expect(handset.page).toBe(1) // 9 on the last page keeps it
    expect(inbound).toEqual([])
    handset = await call('sandbox:ussd-key', { msisdn: '1199998888', key: '1' }) // an option not on screen
    expect(inbound).toMatchObject([{ kind: 'ussd', text: 'opção 1', anum: '1199998888', bnum: '100' }])
    expect(handset).toMatchObject({ screen: USSD_CONSOLE_REPLY, ended: true })
    expect((await call('ussd:log', {})).map((e) => e.kind)).toEqual(['inbound', 'push'])
  })

  it('refuses a command that breaks the limits before sending, and the sandbox answers 12 / 13 as MSE', async () => {
    expect(
      await refusal('ussd:push', {
        msisdn: '1199998888',
        shortCode: '100',
        command: { kind: 'menu', title: 'x', options: [{ index: '9', subtitle: 'Nove' }] },
      }),
    ).toBe('ussd.invalid')
    expect(
      await refusal('ussd:push', { msisdn: '119999888', shortCode: '100', command: { kind: 'notify', content: 'x' } }),
    ).toBe('ussd.msisdn')
    const url = `${await h.core.context.sandbox.url('mse')}/MSE/ussd`
    const get = await request(url)
    expect(await get.body.text()).toContain('<status-code>13</status-code>')
    const noShortCode = await request(url, {
      method: 'POST',
      body: '<ussd_message_request><head><profile>X_USSD</profile><password>p</password><mode>async</mode><msisdn>1199998888</msisdn></head><command><notify><content>Oi</content></notify></command></ussd_message_request>',
    })
    expect(await noShortCode.body.text()).toMatch(/<status-code>12<\/status-code>[\s\S]*\[short_code\]/)
  })
})

describe('USSD application tester', () => {
  let broken: ReturnType<typeof createServer>
  let brokenUrl = ''
  beforeAll(async () => {
    broken = createServer((req, res) => {
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('<command/>'), 3000)
      if (req.url === '/500') return void res.writeHead(500).end('boom')
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<command><menu><title>sem fim')
    })
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r))
    brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`
  })
  afterAll(() => broken.closeAllConnections() ?? broken.close())

  it('replays a three-step session against the demo app: green, then red once the app answers differently', async () => {
    const { url } = await call('sandbox:ussd-demo', {})
    const script = DEMO_BALANCE_SCRIPT
    const green = await call('ussd:replay', { url, script })
    expect(green.ok).toBe(true)
    expect(green.log.map((e) => /<(user_init|index|input)>/.exec(e.request)?.[1])).toEqual([
      'user_init',
      'index',
      'input',
    ])
    await call('sandbox:ussd-demo', { variant: 'b' })
    const red = await call('ussd:replay', { url, script })
    expect(red.ok).toBe(false)
    expect(red.steps.map((s) => s.ok)).toEqual([true, true, false])
    expect(red.steps[2]?.actual).toContain('R$ 12,50')
    const saved = await call('ussd:script-save', { appUrl: url, script })
    expect(await call('ussd:scripts', {})).toEqual([saved])
  })

  it('shows timeouts, HTTP errors, invalid XML, refused connections and bad URLs plainly', async () => {
    const head = { msisdn: '1191000000', short_code: '100' }
    const step = (url: string) => call('ussd:app-exchange', { url, head, response: { user_init: '1' } })
    expect(await step(`${brokenUrl}/500`)).toMatchObject({ status: 500, error: 'HTTP 500', response: 'boom' })
    expect((await step(`${brokenUrl}/xml`)).error).toMatch(/resposta inválida .*malformed XML/)
    expect((await step('http://127.0.0.1:9/')).error).toMatch(/Não foi possível conectar/)
    const slow = await call('ussd:app-exchange', {
      url: `${brokenUrl}/slow`,
      head,
      response: { user_init: '1' },
      timeoutMs: 300,
    })
    expect(slow).toMatchObject({ status: null, command: null, error: expect.stringMatching(/app USSD não respondeu/) })
    expect(await refusal('ussd:app-exchange', { url: 'file:///etc/passwd', head, response: { user_init: '1' } })).toBe(
      'ussd.app_url',
    )
  })
})
