import { CONTENT_SECURITY_POLICY } from './csp'
import { isAppUrl } from './window'
import { isSafeExternalUrl } from './external'

/*
 * Session and webContents lockdown. The parameter types below are the small structural slices of Electron's
 * Session / WebContents that we use, so this file needs no `electron` import and is unit-tested with fakes.
 */

type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[] | string> },
  callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
) => void

export interface SessionLike {
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void
  setDisplayMediaRequestHandler?(
    handler: ((request: unknown, callback: (streams: object) => void) => void) | null,
  ): void
  webRequest: { onHeadersReceived(listener: HeadersListener): void }
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown
}

export interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: { preventDefault(): void; url: string }) => void,
  ): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
}

export interface FrameLike {
  url: string
  parent: FrameLike | null
}

/** Every permission (camera, notifications, clipboard, HID, …) denied: Sentinela needs none. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.setDisplayMediaRequestHandler?.((_request, callback) => callback({}))
  session.on('will-download', (event) => event.preventDefault())
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

/**
 * No new windows (a safe https link goes to the OS browser instead), no navigation or redirect away from the
 * app, no <webview>.
 */
export function hardenWebContents(contents: WebContentsLike, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
  const stayInApp = (event: { preventDefault(): void; url: string }): void => {
    if (!isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-frame-navigate', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** IPC is answered only for the app's own top-level frame, never for a subframe or a foreign page. */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false
  return isAppUrl(frame.url)
}
