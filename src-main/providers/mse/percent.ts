/**
 * Form/percent decoding to octets ('+' is a space). What MSE sends is bytes in a given charset (ISO-8859-1 for SMS
 * MO, §6.4.5.1; Latin-1 octets inside UTF-8 for MMS MO, §6.4.7.1), so the bytes come first and the charset after.
 */
export function percentBytes(s: string): Buffer {
  return Buffer.from(
    s.replace(/\+/g, ' ').replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  )
}
