import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { simpleParser } from 'mailparser'
import type { MmsMo, MmsPart } from '../../../src-shared/contract/mse'
import { percentBytes } from './percent'

/*
 * seed 003 §6.4.7.1 (DELIVERY_MMS, MMS MO): MSE POSTs a UTF-8 XML
 *   <REQUEST REQ_TYPE="Rcv_MMS_MO"><MSG MSG_ID="…"/><ANUM>…</ANUM><BNUM>…</BNUM><MMS><![CDATA[…]]></MMS></REQUEST>
 * whose CDATA is the MMS (a MIME multipart/related message) form-encoded. The seed's example shows how binary parts
 * travel: each octet of the MIME message is taken as a Latin-1 character and that text is percent-encoded as UTF-8
 * (the GIF's 0xA2 arrives as %C2%A2, the MMS_MT example sends it as %A2). Decoding reverses exactly that.
 */

export type MmsMoParse = { ok: true; mo: Omit<MmsMo, 'at'> } | { ok: false; reason: string }

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
})

/** Percent-decoding with '+' as space, to octets; the CDATA's line breaks are not part of it. */
const percentDecode = (s: string): Buffer => percentBytes(s.replace(/\s+/g, ''))

/** The MIME message's own octets, plus a warning when the payload was not the seed's Latin-1-in-UTF-8 shape. */
export function mmsOctets(payload: string): { octets: Buffer; warnings: string[] } {
  const text = percentDecode(payload).toString('utf8')
  if ([...text].every((ch) => (ch.codePointAt(0) ?? 0) <= 0xff))
    return { octets: Buffer.from(text, 'latin1'), warnings: [] }
  return {
    octets: Buffer.from(text, 'utf8'),
    warnings: ['MMS com caracteres fora do Latin-1: conteúdo lido como UTF-8 / non-Latin-1 characters: read as UTF-8'],
  }
}

const TEXTUAL = /^(text\/|application\/smil)/i

/** Lists the MIME parts (type, name, content id, size; the text of textual parts). */
async function decodeMms(
  payload: string,
): Promise<{ subject: string; from: string; to: string; date: string | null; parts: MmsPart[]; warnings: string[] }> {
  const { octets, warnings } = mmsOctets(payload)
  const mail = await simpleParser(octets, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  })
  const header = (name: string): string => {
    const v = mail.headers.get(name)
    return typeof v === 'string'
      ? v
      : v && typeof v === 'object' && 'text' in v
        ? String((v as { text: string }).text)
        : ''
  }
  const parts: MmsPart[] = mail.attachments.map((a) => ({
    contentType: a.contentType,
    name: a.filename ?? null,
    contentId: a.cid ?? a.contentId?.replace(/^<|>$/g, '') ?? null,
    size: a.size,
    text: TEXTUAL.test(a.contentType) ? a.content.toString('utf8').slice(0, 4000) : null,
    // Images are shown as they are: a data: URL (the renderer's CSP allows data: images, nothing else).
    dataUrl:
      /^image\//i.test(a.contentType) && a.size <= 256 * 1024
        ? `data:${a.contentType};base64,${a.content.toString('base64')}`
        : null,
  }))
  // A text part mailparser kept as the body rather than as an attachment.
  if (mail.text && !parts.some((p) => p.contentType.startsWith('text/plain'))) {
    parts.unshift({
      contentType: 'text/plain',
      name: null,
      contentId: null,
      size: Buffer.byteLength(mail.text),
      text: mail.text.trim(),
      dataUrl: null,
    })
  }
  return {
    subject: mail.subject ?? '',
    from: header('from'),
    to: header('to'),
    date: mail.date ? mail.date.toISOString() : null,
    parts,
    warnings,
  }
}

/** Reads the §6.4.7.1 XML; the MMS itself is decoded by {@link decodeMms}. */
export async function parseMmsMo(xml: string): Promise<MmsMoParse> {
  const body = xml.replace(/^\uFEFF/, '').trim()
  const valid = XMLValidator.validate(body)
  if (valid !== true) return { ok: false, reason: `malformed XML (line ${valid.err.line}): ${valid.err.msg}` }
  const doc = xmlParser.parse(body) as {
    REQUEST?: { '@REQ_TYPE'?: string; MSG?: { '@MSG_ID'?: string }; ANUM?: unknown; BNUM?: unknown; MMS?: unknown }
  }
  const r = doc.REQUEST
  if (!r || r['@REQ_TYPE'] !== 'Rcv_MMS_MO')
    return { ok: false, reason: 'not a <REQUEST REQ_TYPE="Rcv_MMS_MO"> document' }
  const mms =
    typeof r.MMS === 'string'
      ? r.MMS
      : r.MMS && typeof r.MMS === 'object' && '#cdata' in r.MMS
        ? String((r.MMS as { '#cdata': unknown })['#cdata'])
        : ''
  if (!mms) return { ok: false, reason: '<MMS> is empty' }
  try {
    const decoded = await decodeMms(mms)
    return {
      ok: true,
      mo: { id: r.MSG?.['@MSG_ID'] ?? '', anum: String(r.ANUM ?? ''), bnum: String(r.BNUM ?? ''), ...decoded },
    }
  } catch (error) {
    return { ok: false, reason: `MMS not readable as MIME: ${(error as Error).message}` }
  }
}

/** The MSE side (sandbox): a MIME multipart/related MMS, then the §6.4.7.1 XML around it. */
export function buildMmsMoXml(mo: {
  id: string
  anum: string
  bnum: string
  subject: string
  text: string
  image?: { type: string; bytes: Buffer }
}): string {
  const boundary = `BOUNDARY_SENTINELA_${mo.id}`
  const head = [
    `Subject: ${mo.subject}`,
    `From: +55${mo.anum}/TYPE=PLMN@clarotorpedo.com.br`,
    'X-MMS-Message-Type: m-send-req',
    'X-MMS-MMS-Version: 1.0',
    `Date: ${new Date().toUTCString()}`,
    `Content-Type: multipart/related;Start="<AB>";Type="application/smil";boundary=${boundary}`,
    `To: +${mo.bnum}/TYPE=PLMN@clarotorpedo.com.br`,
    '',
    '',
  ].join('\n')
  const part = (headers: string[], body: Buffer): Buffer =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1'),
      body,
      Buffer.from('\r\n', 'latin1'),
    ])
  const smil =
    '<smil><head><layout><root-layout height="80" width="101"/></layout></head><body><par dur="10000ms"><text src="cid:text0.txt"/></par></body></smil>'
  const octets = Buffer.concat([
    Buffer.from(head, 'latin1'),
    part(
      [
        'content-type:text/plain;Name="text0.txt";Charset=UTF-8',
        'content-id: <text0.txt>',
        'content-transfer-encoding:8bit',
      ],
      Buffer.from(mo.text, 'utf8'),
    ),
    ...(mo.image
      ? [
          part(
            [`content-type:${mo.image.type};Name="att1"`, 'content-id: <AA>', 'content-transfer-encoding:8bit'],
            mo.image.bytes,
          ),
        ]
      : []),
    part(
      [
        'content-type:application/smil;Name="mms.smil";Charset=UTF-8',
        'content-id: <AB>',
        'content-transfer-encoding:7bit',
      ],
      Buffer.from(smil, 'utf8'),
    ),
    Buffer.from(`--${boundary}--`, 'latin1'),
  ])
  // Each octet as a Latin-1 character, percent-encoded as UTF-8 (what the seed's example shows).
  const cdata = new URLSearchParams({ m: octets.toString('latin1') }).toString().slice(2)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<REQUEST REQ_TYPE="Rcv_MMS_MO">\n  <MSG MSG_ID="${mo.id}" />\n  <ANUM>${mo.anum}</ANUM>\n  <BNUM>${mo.bnum}</BNUM>\n  <MMS><![CDATA[${cdata}]]></MMS>\n</REQUEST>\n`
}
