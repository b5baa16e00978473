import { describe, expect, it } from 'vitest'
import { seedText } from '../helpers/seeds'
import { buildMmsMoXml, mmsOctets, parseMmsMo } from '../../src-main/providers/mse/mms'
import { SEED_GIF } from '../../src-main/providers/mse/sandbox/delivery'

/* seed 003 §6.4.7.1: MMS MO XML with the MMS form-encoded in a CDATA; read from the seed itself. */
function seedMmsMo(): string {
  const text = seedText('003_')
  const start = text.indexOf('<?xml version="1.0" encoding="UTF-8"?>  \n<REQUEST REQ_TYPE="Rcv_MMS_MO">')
  return text.slice(start, text.indexOf('</REQUEST>', start) + '</REQUEST>'.length)
}

describe('MMS MO against seed 003 §6.4.7.1', () => {
  it('reads the seed example: numbers, message id, headers and its three MIME parts', async () => {
    const parsed = await parseMmsMo(seedMmsMo())
    if (!parsed.ok) throw new Error(parsed.reason)
    const mo = parsed.mo
    expect(mo).toMatchObject({
      id: '000000000000000000001030611281519268816',
      anum: '119100000',
      bnum: '303',
      subject: 'Transferir: mms example',
      warnings: [],
    })
    expect(mo.from).toContain('+1176675225/TYPE=PLMN@clarotorpedo.com.br')
    expect(mo.date).toBe('2006-11-28T18:15:04.000Z')
    expect(mo.parts.map((p) => p.contentType)).toEqual(['text/plain', 'image/gif', 'application/smil'])
    expect(mo.parts[0]?.text).toBe('text content sample')
    const gif = mo.parts[1]
    expect(gif).toMatchObject({ name: 'att1', contentId: 'AA', text: null })
    // The GIF's octets arrive as Latin-1 characters in UTF-8 (%C2%A2 is 0xA2): decoded back to a GIF.
    expect(Buffer.from(gif?.dataUrl?.split(',')[1] ?? '', 'base64').subarray(0, 8)).toEqual(
      Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x15, 0x00]),
    )
    expect(gif?.size).toBeGreaterThan(100)
    expect(mo.parts[2]).toMatchObject({ name: 'siemens.smil', contentId: 'AB' })
    expect(mo.parts[2]?.text).toContain('<region id="Image"')
  })
})

describe('MMS MO built by the sandbox', () => {
  it('round-trips accented text, subject and a binary picture', async () => {
    const xml = buildMmsMoXml({
      id: '42',
      anum: '1191234567',
      bnum: '303',
      subject: 'Foto da fachada',
      text: 'Olá! Segue a foto da ação às 10h — ç',
      image: { type: 'image/gif', bytes: SEED_GIF },
    })
    expect(xml).toContain('<![CDATA[')
    expect(xml).toMatch(/%C2%A2/) // 0xA2 of the GIF as the seed sends it
    const parsed = await parseMmsMo(xml)
    if (!parsed.ok) throw new Error(parsed.reason)
    expect(parsed.mo.subject).toBe('Foto da fachada')
    expect(parsed.mo.parts.find((p) => p.contentType === 'text/plain')?.text).toBe(
      'Olá! Segue a foto da ação às 10h — ç',
    )
    const gif = parsed.mo.parts.find((p) => p.contentType === 'image/gif')
    expect(Buffer.from(gif?.dataUrl?.split(',')[1] ?? '', 'base64')).toEqual(SEED_GIF)
  })

  it('reads a payload that is plain UTF-8 (not the seed shape) and says so', () => {
    const { octets, warnings } = mmsOctets(encodeURIComponent('Subject: 日本\n\nx'))
    expect(octets.toString('utf8')).toContain('日本')
    expect(warnings).toHaveLength(1)
  })

  it.each([
    ['<REQUEST REQ_TYPE="Rcv_MMS_MO"><ANUM>1</ANUM>', /malformed XML/],
    ['<mse-response><profile>p</profile></mse-response>', /not a <REQUEST/],
    ['<REQUEST REQ_TYPE="Rcv_MMS_MO"><ANUM>1</ANUM><BNUM>2</BNUM><MMS></MMS></REQUEST>', /<MMS> is empty/],
    ['', /malformed XML|not a <REQUEST/],
  ])('refuses %j with a clear reason', async (xml, reason) => {
    const parsed = await parseMmsMo(xml)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(reason)
  })
})
