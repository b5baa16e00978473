import { request } from 'undici'
import { mseXml } from './xml'
import { buildMmsMoXml } from '../mms'
import { mseDateNow } from '../../../../src-shared/domain/mse-date'
import { MSE_STATUS } from '../errors'

/*
 * The MSE → partner deliveries of seed 003: async-delivery receipts (§6.4.1.1: POST, `userid`/`pwd` in the query,
 * the `mse-response` XML in a UTF-8 body), SMS MO (§6.4.5.1: GET with TEXT, ID, ANUM, BNUM, ISO-8859-1) and
 * MMS MO (§6.4.7.1: POST of a UTF-8 XML with the MMS form-encoded in a CDATA).
 */

export interface DeliveryTarget {
  receiptUrl: string
  moUrl: string
  /** §6.4.7.1: where MMS MO are POSTed. */
  mmsUrl?: string
  /** §6.4.21–23: where the subscriber's USSD requests and answers are POSTed. */
  ussdUrl?: string
  userid: string
  pwd: string
}

/** Receipt outcome by the destination's last digit (persona): DELIVRD by default. */
const RECEIPT_BY_LAST_DIGIT: Record<string, string> = { '1': 'EXPIRED', '2': 'UNDELIV', '3': 'UNKNOWN', '4': 'REJECTD' }

function receiptStatusFor(bnum: string): string {
  return RECEIPT_BY_LAST_DIGIT[bnum.slice(-1)] ?? 'DELIVRD'
}

/** ISO-8859-1 percent-encoding (what MSE sends MO text in); characters outside Latin-1 become '?'. */
export function latin1FormEncode(params: Record<string, string>): string {
  const enc = (s: string): string =>
    [...Buffer.from([...s].map((ch) => ((ch.codePointAt(0) ?? 0) > 0xff ? '?' : ch)).join(''), 'latin1')]
      .map((b) =>
        b === 0x20
          ? '+'
          : /[A-Za-z0-9\-_.*]/.test(String.fromCharCode(b))
            ? String.fromCharCode(b)
            : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
      )
      .join('')
  return Object.entries(params)
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&')
}

export function postReceipt(
  target: DeliveryTarget,
  r: { profile: string; transactionId: string; anum: string; bnum: string },
): Promise<void> {
  const status = receiptStatusFor(r.bnum)
  const stamp = mseDateNow()
  // §6.4.1: ANUM and BNUM are swapped in the answer.
  const body = mseXml({
    status: MSE_STATUS.ok,
    profile: r.profile,
    transactionId: r.transactionId,
    parameters: {
      INITIALDATE: stamp,
      SMPP_MESSAGE_STATUS: status,
      ANUM: r.bnum,
      BNUM: r.anum,
      FINALDATE: stamp,
      MSGSTATUS: status === 'DELIVRD' ? '2' : '7',
    },
  })
  const query = new URLSearchParams({ userid: target.userid, pwd: target.pwd })
  return request(`${target.receiptUrl}?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
    body,
  })
    .then((res) => res.body.dump())
    .catch(() => undefined)
}

/** §6.4.12/§6.4.17: an async-delivery answer (the whole mse-response, outputs or error) POSTed like a receipt. */
export function postAnswer(target: DeliveryTarget, xml: string): Promise<void> {
  const query = new URLSearchParams({ userid: target.userid, pwd: target.pwd })
  return request(`${target.receiptUrl}?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
    body: xml,
  })
    .then((res) => res.body.dump())
    .catch(() => undefined)
}

export function sendMo(
  target: DeliveryTarget,
  mo: { text: string; anum: string; bnum: string; id: string },
): Promise<number> {
  // §6.4.5.1: USER and PWD ride along when the partner configured them.
  const query = latin1FormEncode({
    TEXT: mo.text,
    ID: mo.id,
    ANUM: mo.anum,
    BNUM: mo.bnum,
    USER: target.userid,
    PWD: target.pwd,
  })
  return request(`${target.moUrl}?${query}`, { method: 'GET' }).then(
    async (res) => {
      await res.body.dump()
      return res.statusCode
    },
    () => 0,
  )
}

/** The 21×14 GIF of seed 003's MMS examples (§6.4.6), sent as the picture of sandbox MMS. */
export const SEED_GIF = Buffer.from(
  'R0lGODlhFQAOAKIAAP///////8wA/5nMZgAAmcwAAAAAAAAAIfkEAQAABwAsAAAAABUADgAAA1h4umduLEonaoByuTZ6v9gkXEMwVlYIGIN1oqgKKKxptwJQYfMxs6dAoAUOOAQ8Hwc2rBwJyR/MgospZsUWgTCFJX2sgaNa6aiUDUxYYD5nGtsB9P1+uCMJADs=',
  'base64',
)

export function sendMmsMo(
  target: DeliveryTarget,
  mo: { id: string; anum: string; bnum: string; subject: string; text: string; withImage: boolean },
): Promise<number> {
  if (!target.mmsUrl) return Promise.resolve(0)
  const xml = buildMmsMoXml({ ...mo, ...(mo.withImage ? { image: { type: 'image/gif', bytes: SEED_GIF } } : {}) })
  return request(target.mmsUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
    body: xml,
  }).then(
    async (res) => {
      await res.body.dump()
      return res.statusCode
    },
    () => 0,
  )
}
