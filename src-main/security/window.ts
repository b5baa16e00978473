/**
 * The main window's options. Kept free of `electron` imports (plain objects with Electron's field names) so a
 * unit test can check them item by item against Electron's security checklist.
 */
export const APP_SCHEME = 'app'
const APP_HOST = 'sentinela'
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** app:// is a standard, secure scheme (like https): a real origin for CSP and same-origin checks. */
/**
 * Whether a URL belongs to the app. Compares scheme and host: Node's URL gives custom schemes the opaque
 * origin "null", so comparing `.origin` would refuse our own pages.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST
  } catch {
    return false
  }
}

export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  bypassCSP: false,
  corsEnabled: false,
  allowServiceWorkers: false,
  stream: false,
} as const

export interface SecureWebPreferences {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  nodeIntegrationInSubFrames: false
  webSecurity: true
  allowRunningInsecureContent: false
  experimentalFeatures: false
  enableBlinkFeatures: ''
  disableBlinkFeatures: 'Auxclick'
  webviewTag: false
  navigateOnDragDrop: false
  spellcheck: false
  safeDialogs: true
  /** Packaged builds ship without DevTools (issue #14): they would open the renderer's memory to anyone at the keyboard. */
  devTools: boolean
}

function secureWebPreferences(preloadPath: string, packaged = false): SecureWebPreferences {
  return {
    devTools: !packaged,
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // Middle-click would open links in new windows; denied anyway, but not even attempted.
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  }
}

/**
 * The menu of a packaged build: only what an analyst uses (edit, window, quit) — no View menu with reload or
 * DevTools. A development build keeps Electron's default menu.
 */
export const PACKAGED_MENU = [{ role: 'editMenu' as const }, { role: 'windowMenu' as const }, { role: 'quit' as const }]

/** The native SQLite build the desktop app may be pointed at — only in development (`npm start`), never packaged. */
export function sqliteBindingFor(env: Record<string, string | undefined>, packaged: boolean): string | undefined {
  return packaged ? undefined : env['SENTINELA_SQLITE_BINDING']
}

export function mainWindowOptions(preloadPath: string, packaged = false) {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Sentinela',
    show: false,
    backgroundColor: '#f4f6f8',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath, packaged),
  }
}
