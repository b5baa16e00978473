/*
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item by item,
 * against the functions the shell uses. Items 11 and 12 concern <webview>, which Sentinela disables outright;
 * the tests prove it is disabled rather than skipping them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, SECURITY_HEADERS } from '../../src-main/security/csp'
import { isSafeExternalUrl } from '../../src-main/security/external'
import {
  hardenSession,
  hardenWebContents,
  isTrustedSender,
  type SessionLike,
  type WebContentsLike,
} from '../../src-main/security/hardening'
import { resolveAppFile } from '../../src-main/security/protocol'
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  mainWindowOptions,
  PACKAGED_MENU,
  sqliteBindingFor,
} from '../../src-main/security/window'

const prefs = mainWindowOptions('/app/preload.cjs').webPreferences
const shellSource = readFileSync(join(import.meta.dirname, '../../src-main/index.ts'), 'utf8')
const builder = JSON.parse(readFileSync(join(import.meta.dirname, '../../electron-builder.json'), 'utf8')) as {
  electronFuses: Record<string, boolean>
}
const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
  devDependencies: Record<string, string>
}

function fakeSession() {
  const calls: Record<string, unknown> = {}
  const session: SessionLike = {
    setPermissionRequestHandler: (h) => (calls['request'] = h),
    setPermissionCheckHandler: (h) => (calls['check'] = h),
    setDevicePermissionHandler: (h) => (calls['device'] = h),
    setDisplayMediaRequestHandler: (h) => (calls['display'] = h),
    webRequest: { onHeadersReceived: (l) => (calls['headers'] = l) },
    on: (event, l) => (calls[event] = l),
  }
  hardenSession(session)
  return calls
}

function fakeContents(openExternal = vi.fn()) {
  const handlers: Record<string, (event: { preventDefault(): void; url: string }) => void> = {}
  let opener: ((d: { url: string }) => { action: string }) | undefined
  const contents: WebContentsLike = {
    setWindowOpenHandler: (h) => (opener = h),
    on: (event: string, l: (e: { preventDefault(): void; url: string }) => void) => (handlers[event] = l),
  }
  hardenWebContents(contents, openExternal)
  const fire = (event: string, url: string): boolean => {
    let prevented = false
    handlers[event]?.({ url, preventDefault: () => (prevented = true) })
    return prevented
  }
  return { fire, open: (url: string) => opener?.({ url }), openExternal }
}

describe('Electron security checklist', () => {
  it('1. only loads secure content: the app comes from app:// (a secure scheme), the CSP allows no http origin', () => {
    expect(new URL(APP_ENTRY_URL).protocol).toBe('app:')
    expect(APP_SCHEME_PRIVILEGES.secure).toBe(true)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/)
  })

  it('2. does not enable Node.js integration for any content', () => {
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('3. enables context isolation', () => expect(prefs.contextIsolation).toBe(true))

  it('4. enables process sandboxing', () => expect(prefs.sandbox).toBe(true))

  it('5. denies every session permission request and check', () => {
    const calls = fakeSession()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      const callback = vi.fn()
      ;(calls['request'] as (wc: unknown, p: string, cb: (g: boolean) => void, d: unknown) => void)(
        {},
        permission,
        callback,
        {},
      )
      expect(callback).toHaveBeenCalledWith(false)
    }
    expect((calls['check'] as () => boolean)()).toBe(false)
    expect((calls['device'] as () => boolean)()).toBe(false)
    const prevented = vi.fn()
    ;(calls['will-download'] as (e: { preventDefault(): void }) => void)({ preventDefault: prevented })
    expect(prevented).toHaveBeenCalled()
  })

  it('6. keeps webSecurity on', () => expect(prefs.webSecurity).toBe(true))

  it('7. defines a restrictive CSP, in the response headers of every app resource', () => {
    expect(CSP_DIRECTIVES['default-src']).toBe("'none'")
    expect(CSP_DIRECTIVES['script-src']).toBe("'self'")
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*|wasm-unsafe/)
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    const calls = fakeSession()
    const callback = vi.fn()
    ;(calls['headers'] as (d: unknown, cb: (r: unknown) => void) => void)(
      { responseHeaders: { 'X-Other': ['1'] } },
      callback,
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })

  it('8. does not allow running insecure content', () => expect(prefs.allowRunningInsecureContent).toBe(false))

  it('9. does not enable experimental features', () => expect(prefs.experimentalFeatures).toBe(false))

  it('10. does not use enableBlinkFeatures', () => expect(prefs.enableBlinkFeatures).toBe(''))

  it('11. <webview> allowpopups: not applicable, <webview> is disabled and any attach is refused', () => {
    expect(prefs.webviewTag).toBe(false)
    expect(fakeContents().fire('will-attach-webview', 'app://sentinela/')).toBe(true)
  })

  it('12. <webview> options and params: not applicable for the same reason (attach always prevented)', () => {
    expect(fakeContents().fire('will-attach-webview', 'https://www.claro.com.br/')).toBe(true)
  })

  it('13. limits navigation to the app itself', () => {
    const { fire } = fakeContents()
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(fire(event, 'https://evil.example/')).toBe(true)
      expect(fire(event, 'file:///etc/passwd')).toBe(true)
      expect(fire(event, 'app://other/index.html')).toBe(true)
      expect(fire(event, 'app://sentinela/index.html#/lote')).toBe(false)
    }
  })

  it('14. denies every new window; a safe link goes to the OS browser instead', () => {
    expect(prefs.disableBlinkFeatures).toBe('Auxclick') // no middle-click new windows either
    const { open, openExternal } = fakeContents()
    expect(open('https://www.claro.com.br/empresas')).toEqual({ action: 'deny' })
    expect(open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(open('app://sentinela/index.html')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://www.claro.com.br/empresas']])
  })

  it('15. never hands an unchecked URL to shell.openExternal', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://www.claro.com.br/',
      'https://evil.example/',
      'https://claro.com.br.evil.example/',
      'https://user:pw@claro.com.br/',
      'https://claro.com.br:8443/',
      'smb://host/share',
      'not a url',
    ])
      expect(isSafeExternalUrl(url), url).toBe(false)
    expect(isSafeExternalUrl('https://www.clearsale.com.br/docs')).toBe(true)
    expect(shellSource.match(/shell\.openExternal\(/g)).toHaveLength(1)
    expect(shellSource).toMatch(/if \(isSafeExternalUrl\(url\)\) void shell\.openExternal\(url\)/)
  })

  it('16. uses a current Electron major', () => {
    const major = Number(/(\d+)/.exec(pkg.devDependencies['electron'] ?? '')?.[1])
    expect(major).toBeGreaterThanOrEqual(45)
  })

  it('17. validates the sender of every IPC message', () => {
    expect(isTrustedSender({ url: 'app://sentinela/index.html', parent: null })).toBe(true)
    expect(
      isTrustedSender({ url: 'app://sentinela/index.html', parent: { url: 'app://sentinela/', parent: null } }),
    ).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
    const listeners = shellSource.match(/ipcMain\.(handle|on)\(/g) ?? []
    const checks = shellSource.match(/isTrustedSender\(event\.senderFrame\)/g) ?? []
    expect(listeners.length).toBeGreaterThan(0)
    expect(checks.length).toBe(listeners.length)
  })

  it('18. serves the app from a custom protocol, not file://, and never outside the renderer folder', () => {
    expect(shellSource).not.toMatch(/loadFile\(|file:\/\//)
    const root = '/opt/sentinela/renderer'
    expect(resolveAppFile('app://sentinela/', root)).toBe(`${root}/index.html`)
    expect(resolveAppFile('app://sentinela/assets/a.js', root)).toBe(`${root}/assets/a.js`)
    for (const url of [
      'app://sentinela/../../etc/passwd',
      'app://sentinela/%2e%2e/%2e%2e/etc/passwd',
      'app://sentinela/..%2f..%2fetc/passwd',
      'app://sentinela/a/..%5c..%5c..%5cx',
    ]) {
      const file = resolveAppFile(url, root)
      expect(file === null || file.startsWith(`${root}/`), `${url} → ${file}`).toBe(true)
    }
    for (const url of [
      'app://other/index.html',
      'app://sentinela/%00',
      'app://sentinela/%E0%A4%A',
      'https://sentinela/index.html',
    ]) {
      expect(resolveAppFile(url, root), url).toBeNull()
    }
  })

  it('19. flips the fuses that packaged builds do not need', () => {
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('20. exposes no Electron API to web content: the preload exposes exactly invoke and subscribe', async () => {
    const spies = { expose: vi.fn(), invoke: vi.fn(), send: vi.fn(), on: vi.fn() }
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: spies.expose },
      ipcRenderer: { invoke: spies.invoke, send: spies.send, on: spies.on },
    }))
    await import('../../src-main/preload/index')
    expect(spies.expose).toHaveBeenCalledTimes(1)
    const [name, api] = spies.expose.mock.calls[0] as [string, Record<string, unknown>]
    expect(name).toBe('sentinela')
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe'])
    ;(api['invoke'] as (c: string, p: unknown) => unknown)('app:info', {})
    expect(spies.invoke).toHaveBeenCalledWith('sentinela:invoke', 'app:info', {})
    const stop = (api['subscribe'] as (t: string, l: () => void) => () => void)('settings:changed', () => {})
    stop()
    expect(spies.send.mock.calls).toEqual([
      ['sentinela:subscribe', 'settings:changed'],
      ['sentinela:unsubscribe', 'settings:changed'],
    ])
  })
})

describe('packaged builds (issue #14)', () => {
  it('ship without DevTools and with a minimal menu; development keeps them', () => {
    expect(mainWindowOptions('/app/preload.cjs', true).webPreferences.devTools).toBe(false)
    expect(mainWindowOptions('/app/preload.cjs', false).webPreferences.devTools).toBe(true)
    expect(PACKAGED_MENU.map((m) => m.role)).toEqual(['editMenu', 'windowMenu', 'quit'])
  })

  it('load only their own SQLite build: SENTINELA_SQLITE_BINDING is honoured in development only', () => {
    const env = { SENTINELA_SQLITE_BINDING: '/tmp/evil.node' }
    expect(sqliteBindingFor(env, true)).toBeUndefined()
    expect(sqliteBindingFor(env, false)).toBe('/tmp/evil.node')
  })
})
