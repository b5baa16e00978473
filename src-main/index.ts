/*
 * Electron shell: lifecycle, window, security lockdown and IPC wiring. The only main-process file that imports
 * electron; everything it delegates to (core/, security/) runs under plain Node too.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  protocol,
  session,
  shell,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
} from 'electron'
import { join } from 'node:path'
import { writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { createCore, type Core } from './app'
import { notificationOf } from '../src-shared/domain/watch'
import { formatsFor } from '../src-shared/domain/format'
import type { WatchChangeView } from '../src-shared/contract/watch'
import { dataDirFromArgs } from './infra/datadir'
import { ErrorCodes, type InvokeResult } from '../src-shared/contract'
import { SECURITY_HEADERS } from './security/csp'
import { isSafeExternalUrl } from './security/external'
import { hardenSession, hardenWebContents, isTrustedSender } from './security/hardening'
import { resolveAppFile } from './security/protocol'
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  mainWindowOptions,
  PACKAGED_MENU,
  sqliteBindingFor,
} from './security/window'

const INVOKE = 'sentinela:invoke'
const SUBSCRIBE = 'sentinela:subscribe'
const UNSUBSCRIBE = 'sentinela:unsubscribe'
const EVENT = 'sentinela:event'

const rendererDir = join(import.meta.dirname, '../renderer')
const preloadPath = join(import.meta.dirname, '../preload/index.cjs')

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

if (!app.requestSingleInstanceLock()) app.quit()

async function serveAppFile(request: Request): Promise<Response> {
  const file = resolveAppFile(request.url, rendererDir)
  if (!file) return new Response('Not found', { status: 404 })
  const answer = await net.fetch(pathToFileURL(file).toString())
  const headers = new Headers(answer.headers)
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value)
  return new Response(answer.body, { status: answer.status, headers })
}

function refused(): InvokeResult<unknown> {
  return { ok: false, error: { code: ErrorCodes.unknownChannel, message: 'Refused: untrusted sender' } }
}

function wireIpc(core: Core): void {
  ipcMain.handle(INVOKE, (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) =>
    isTrustedSender(event.senderFrame) ? core.router.invoke(channel, payload) : refused(),
  )
  const subscriptions = new Map<string, () => void>()
  ipcMain.on(SUBSCRIBE, (event: IpcMainEvent, topic: unknown) => {
    if (!isTrustedSender(event.senderFrame) || typeof topic !== 'string') return
    const key = `${event.sender.id}:${topic}`
    if (subscriptions.has(key)) return
    const sender = event.sender
    const stop = core.events.subscribe(topic, (data) => {
      if (!sender.isDestroyed()) sender.send(EVENT, topic, data)
    })
    if (!stop) return
    subscriptions.set(key, stop)
    sender.once('destroyed', () => {
      stop()
      subscriptions.delete(key)
    })
  })
  ipcMain.on(UNSUBSCRIBE, (event: IpcMainEvent, topic: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return
    const key = `${event.sender.id}:${String(topic)}`
    subscriptions.get(key)?.()
    subscriptions.delete(key)
  })
}

function openExternal(url: string): void {
  // Checked twice on purpose: hardenWebContents already filtered with the same allow-list.
  // Reason for the suppression below: the URL is an https page of an allow-listed provider host, never raw input.
  if (isSafeExternalUrl(url)) void shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK
}

async function createWindow(): Promise<void> {
  // Reason for the suppression below: Electronegativity cannot see through mainWindowOptions(), whose
  // webPreferences (contextIsolation, sandbox, Auxclick disabled, …) test/unit/security.test.ts checks item by item.
  const win = new BrowserWindow(mainWindowOptions(preloadPath, app.isPackaged)) // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  win.once('ready-to-show', () => win.show())
  await win.loadURL(APP_ENTRY_URL)
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal))

/** An export goes where the analyst says (the core streams it there): the OS save dialog, in Downloads by default. */
async function chooseSavePath(suggestedName: string): Promise<string | null> {
  const ext = suggestedName.split('.').pop() ?? 'csv'
  const options = {
    defaultPath: join(app.getPath('downloads'), suggestedName),
    filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
  }
  const window = BrowserWindow.getFocusedWindow()
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return chosen.canceled || !chosen.filePath ? null : chosen.filePath
}

/**
 * A dossier (issue #22) as PDF: its HTML (escaped, no script) rendered in a hidden window with JavaScript off and an
 * in-memory session of its own, printed by Chromium, written where the analyst chooses.
 */
async function printToPdf(html: string, suggestedName: string): Promise<string | null> {
  const path = await chooseSavePath(suggestedName)
  if (!path) return null
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      disableBlinkFeatures: 'Auxclick',
      partition: 'sentinela-print',
    },
  })
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    await writeFile(path, await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true }))
    return path
  } finally {
    win.destroy()
  }
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

void app.whenReady().then(async () => {
  // A packaged app loads only its own SQLite build, whatever the environment says (issue #14).
  const binding = sqliteBindingFor(process.env, app.isPackaged)
  if (binding === undefined) delete process.env['SENTINELA_SQLITE_BINDING']
  if (app.isPackaged) Menu.setApplicationMenu(Menu.buildFromTemplate(PACKAGED_MENU))
  const dataDir = dataDirFromArgs(process.argv) ?? app.getPath('userData')
  const core = await createCore({
    dataDir,
    host: 'electron',
    primeRedactor: true,
    startCallbacks: true,
    chooseSavePath,
    printToPdf,
  })
  hardenSession(session.defaultSession)
  protocol.handle(APP_SCHEME, serveAppFile)
  wireIpc(core)
  // Issue #17: a watchlist's change is a desktop notification the moment it is recorded, window open or not.
  core.events.subscribe('watch:change', (change) => {
    if (!Notification.isSupported()) return
    const { language, timeZone } = core.context.settings.get()
    const { title, body } = notificationOf(
      change as WatchChangeView,
      core.context.translate(),
      formatsFor(language, timeZone),
    )
    new Notification({ title, body }).show()
  })
  await createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow()
  })
  app.on('will-quit', () => void core.close())
})
