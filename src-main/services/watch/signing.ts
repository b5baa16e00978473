import { createHmac, randomBytes } from 'node:crypto'

/*
 * Issue #24: the team webhook is signed as Standard Webhooks signs (https://www.standardwebhooks.com/), so a receiver
 * verifies it with a library of its language: `webhook-id`, `webhook-timestamp` (Unix seconds, signed — a captured
 * request cannot be replayed past the receiver's tolerance) and `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">`, one signature per valid secret, separated by spaces. Secrets are `whsec_` + base64 of the key.
 */

export const SECRET_PREFIX = 'whsec_'
/** The key a secret must carry at least (the HMAC-SHA256 block is 64; its output 32). */
export const MIN_SECRET_BYTES = 32

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(MIN_SECRET_BYTES).toString('base64')}`
}

/**
 * The key of a secret as Standard Webhooks libraries read it (`whsec_` dropped, the rest base64), or null when it is
 * not base64 or carries fewer than 32 bytes.
 */
export function secretKey(secret: string): Buffer | null {
  const text = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null
  const key = Buffer.from(text, 'base64')
  return key.length >= MIN_SECRET_BYTES ? key : null
}

/** The three Standard Webhooks headers for one attempt: a fresh timestamp each time, the same id for every retry. */
export function signatureHeaders(
  secrets: readonly string[],
  id: string,
  at: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const timestamp = Math.floor(at.getTime() / 1000)
  const signatures = secrets
    .map(secretKey)
    .filter((key): key is Buffer => key !== null)
    .map((key) => `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`)
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatures.join(' ') }
}
