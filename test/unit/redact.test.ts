import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileLogger } from '../../src-main/infra/log'
import { REDACTED, Redactor } from '../../src-main/infra/redact'
import { classifyKeychainError } from '../../src-main/infra/credentials/backend'
import { tempDir } from '../helpers/tmp'

describe('Redactor', () => {
  it('removes secret-named fields at any depth, leaving the rest', () => {
    const r = new Redactor()
    const input = {
      request: { headers: { 'x-client-auth': 'Basic abc', 'X-CustomerID': 'ACME', Authorization: 'Bearer t' } },
      password: 'p',
      pwd: 'q',
      keep: 'visible',
    }
    expect(r.value(input)).toEqual({
      request: { headers: { 'x-client-auth': REDACTED, 'X-CustomerID': 'ACME', Authorization: REDACTED } },
      password: REDACTED,
      pwd: REDACTED,
      keep: 'visible',
    })
    expect(input.password).toBe('p') // never mutates
  })

  it('removes every remembered credential value wherever it appears in text, longest first', () => {
    const r = new Redactor()
    r.rememberCredential({ key: 'clarokey123', secret: 'clarokey123-and-more', customerId: 'ACME' })
    expect(r.text('got clarokey123-and-more and clarokey123 for ACME')).toBe(
      `got ${REDACTED} and ${REDACTED} for ${REDACTED}`,
    )
  })

  it("removes Claro's Basic base64(key:secret) even when it appears without its header name", () => {
    const r = new Redactor()
    r.rememberCredential({ key: 'k-0001', secret: 's-0002', customerId: 'ACME' })
    const basic = Buffer.from('k-0001:s-0002').toString('base64')
    expect(r.text(`header was ${basic}`)).toBe(`header was ${REDACTED}`)
  })

  it('removes credentials in wire shapes: Basic/Bearer headers, pwd= query, JSON secret fields', () => {
    const r = new Redactor()
    expect(r.text('x-client-auth: Bearer eyJhbGciOi.payload.sig')).toBe(`x-client-auth: Bearer ${REDACTED}`)
    expect(r.text('GET /MSE/api?profile=P1&pwd=hunter2&mode=sync')).toBe(
      `GET /MSE/api?profile=P1&pwd=${REDACTED}&mode=sync`,
    )
    expect(r.text('{"access_token":"abc.def","expires_in":86400}')).toBe(
      `{"access_token":"${REDACTED}","expires_in":86400}`,
    )
  })

  it('does not hunt values shorter than 4 characters (they would shred ordinary words)', () => {
    const r = new Redactor()
    r.remember('abc')
    expect(r.text('abcdef')).toBe('abcdef')
  })

  it('turns Errors into name + redacted message, without the stack', () => {
    const r = new Redactor()
    r.remember('s3cr3t-value')
    expect(r.value(new Error('failed with s3cr3t-value'))).toEqual({
      name: 'Error',
      message: `failed with ${REDACTED}`,
    })
  })
})

describe('file logger', () => {
  it('writes JSON lines with secrets removed', () => {
    const dir = tempDir()
    try {
      const r = new Redactor()
      r.remember('CANARY-log-0001')
      const log = createFileLogger(dir.path, r)
      log.error('provider.failed', {
        url: 'http://x/MSE/api?pwd=CANARY-log-0001',
        headers: { authorization: 'Basic Zm9vOmJhcg==' },
        note: 'saw CANARY-log-0001',
      })
      const text = readFileSync(join(dir.path, 'logs/sentinela.log'), 'utf8')
      expect(text).not.toContain('CANARY-log-0001')
      expect(text).not.toContain('Zm9vOmJhcg==')
      expect(JSON.parse(text)).toMatchObject({
        level: 'error',
        event: 'provider.failed',
        headers: { authorization: REDACTED },
      })
    } finally {
      dir.cleanup()
    }
  })
})

describe('keychain error classification', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no_session_bus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no_secret_service'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
    ['User interaction is not allowed.', 'denied'],
    ['The user name or passphrase you entered is not correct. (errSecAuthFailed)', 'denied'],
    ['something else entirely', 'other'],
  ])('%s → %s', (message, problem) => expect(classifyKeychainError(message)).toBe(problem))
})
