import { describe, expect, it } from 'vitest'
import { seedText } from '../helpers/seeds'
import {
  buildUssdRequest,
  buildUssdResponse,
  parseUssdCommand,
  parseUssdRequest,
  parseUssdResponse,
} from '../../src-shared/domain/ussd-xml'
import { allScreens, type UssdCommand } from '../../src-shared/domain/ussd'

/* The USSD XML documents of seed 003 §6.4.18–23, read from the seed itself. */
function seedDocs(root: string): string[] {
  const text = seedText('003_')
  const docs: string[] = []
  let from = 0
  for (;;) {
    const start = text.indexOf(`<${root}>`, from)
    if (start < 0) break
    const end = text.indexOf(`</${root}>`, start) + root.length + 3
    // The menu example is split by the PDF's page break (code fences): joined.
    docs.push(text.slice(start, end).replace(/```/g, ''))
    from = end
  }
  return docs
}

describe('USSD XML against seed 003', () => {
  it('reads the menu, input and notify requests', () => {
    const docs = seedDocs('ussd_message_request').map(parseUssdRequest)
    expect(docs).toHaveLength(3)
    const [menu, input, notify] = docs.map((d) => (d.ok ? d.value : null))
    expect(menu?.head).toMatchObject({
      profile: 'MSE',
      msisdn: '119998888',
      short_code: '100',
      mode: 'async',
      billingcode: 'DH2010',
      session_owner: '172.1.1.1',
    })
    expect(menu?.command).toEqual({
      kind: 'menu',
      title: 'This is the title of the menu:',
      options: [
        { index: '1', subtitle: 'This is the subtitle of first option.' },
        { index: '2', subtitle: 'This is the subtitle of second option.' },
      ],
    })
    expect(allScreens(menu?.command as UssdCommand)).toEqual([
      'This is the title of the menu:\n1. This is the subtitle of first option.\n2. This is the subtitle of second option.',
    ])
    expect(input?.command).toEqual({ kind: 'input', content: 'Please input your CPF:' })
    expect(notify?.command).toEqual({ kind: 'notify', content: 'Your balance is R$37,9' })
  })

  it('reads the user_init, index and input responses', () => {
    const docs = seedDocs('ussd_message_response').map(parseUssdResponse)
    expect(docs.map((d) => (d.ok ? d.value.response : d.reason))).toEqual([
      { user_init: '1' },
      { index: '2' },
      { input: '2' },
    ])
    expect(docs[0]).toMatchObject({
      ok: true,
      value: { head: { msisdn: '1199998888', short_code: '100', session_owner: '172.1.1.1' } },
    })
  })
})

describe('USSD XML built and read back', () => {
  const head = { profile: 'P', password: 's&nha', msisdn: '1191000000', short_code: '200', mode: 'async' }
  it('round-trips a menu with accents and XML-special characters', () => {
    const command: UssdCommand = {
      kind: 'menu',
      title: 'Olá & bem-vindo <Sentinela>',
      options: [
        { index: '1', subtitle: 'Saldo' },
        { index: '2', subtitle: 'Ação "já"' },
      ],
    }
    const xml = buildUssdRequest(head, command)
    expect(xml).toContain('<title>Olá &amp; bem-vindo &lt;Sentinela&gt;</title>')
    expect(parseUssdRequest(xml)).toEqual({ ok: true, value: { head, command } })
  })

  it('a single-option menu stays a list; a bare <command> is read as the partner answer', () => {
    const one: UssdCommand = { kind: 'menu', title: '', options: [{ index: '1', subtitle: 'Só uma' }] }
    expect(parseUssdCommand(buildUssdRequest(head, one))).toEqual({ ok: true, value: one })
    expect(parseUssdCommand('<command><notify><content>Fim</content></notify></command>')).toEqual({
      ok: true,
      value: { kind: 'notify', content: 'Fim' },
    })
  })

  it('builds the three ussd_message_response kinds', () => {
    const h = { msisdn: '1191000000', short_code: '200' }
    for (const response of [{ user_init: '1' as const }, { index: '3' }, { input: '12345' }]) {
      expect(parseUssdResponse(buildUssdResponse(h, response))).toEqual({ ok: true, value: { head: h, response } })
    }
  })

  it.each([
    ['', /empty/],
    ['<command><menu>', /malformed XML/],
    ['<html><body>502 Bad Gateway</body></html>', /no <command>/],
    ['<command><beep/></command>', /no <menu>, <input> or <notify>/],
  ])('a partner answer %j is refused with a clear reason', (xml, reason) => {
    const parsed = parseUssdCommand(xml)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(reason)
  })
})
