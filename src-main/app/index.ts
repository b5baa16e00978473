import { mkdir } from 'node:fs/promises'
import type { Environment, HostKind, Provider } from '../../src-shared/domain/environment'
import { createTranslator, type Translate } from '../../src-shared/i18n'
import type { Language } from '../../src-shared/domain/settings'
import type { CoreContext } from '../services/context'
import { EventHub } from '../infra/events'
import { appHandlers } from './handlers/app'
import { settingsHandlers } from './handlers/settings'
import { createFileLogger, purgeLogs, type Logger } from '../infra/log'
import { NoticeBoard } from '../infra/notices'
import { createRouter, type Router } from './router'
import { SettingsStore } from '../infra/settings'
import { KeytarBackend, type SecretBackend } from '../infra/credentials/backend'
import { CredentialStore } from '../infra/credentials/store'
import { credentialsHandlers } from './handlers/credentials'
import { Redactor } from '../infra/redact'
import { HttpClient } from '../infra/http/client'
import { TokenManager } from '../infra/http/tokens'
import { lookupHandlers } from './handlers/lookup'
import { subjectHasher } from '../services/privacy/key'
import { privacyHandlers } from './handlers/privacy'
import { watchHandlers } from './handlers/watch'
import { WatchRunner } from '../services/watch/runner'
import { openDatabase } from '../infra/store/db'
import { HistoryStore } from '../infra/store/history'
import { EffectJournal } from '../infra/store/effects'
import { privateUmask, tightenDataDir } from '../infra/store/private-files'
import { purgePersonalData } from '../infra/store/retention'
import { resolveBaseUrl } from '../services/endpoints'
import { SandboxManager } from '../services/sandbox'
import { CallbackListener } from '../infra/callbacks/listener'
import { datatrustHandlers } from './handlers/datatrust'
import { customerHandlers } from './handlers/customer'
import { policyHandlers } from './handlers/policy'
import { mseHandlers } from './handlers/mse'
import { ussdHandlers } from './handlers/ussd'
import { batchHandlers } from './handlers/batch'
import { BatchRuns } from '../services/batch/runs'
import { purgeBatches } from '../services/batch/files'
import { BatchJournal } from '../services/batch/journal'
import { BatchDecisions } from '../services/batch/decisions'
import { PolicyLog } from '../services/policy/log'
import { Cases } from '../services/cases/service'
import { batchReviews } from '../services/cases/sources'
import { casesHandlers } from './handlers/cases'
import { analystName } from '../infra/analyst'
import { MseMessages } from '../infra/store/mse-messages'
import { UssdStore } from '../infra/store/ussd-log'
import {
  mseMmsRoute,
  mseMoRoute,
  mseReceiptRoute,
  mseUssdRoute,
  registerSandboxDelivery,
} from '../services/mse/callbacks'
import { clearSaleWebhookRoute, registerSandboxWebhook } from '../services/datatrust/webhook'
import { APP_NAME, APP_VERSION } from '../infra/version'

export interface CoreOptions {
  dataDir: string
  host: HostKind
  /** `--env` for this run; when absent the saved setting applies. */
  environment?: Environment
  endpoints?: Partial<Record<Provider, string>>
  log?: Logger
  /** The OS keychain (keytar) unless a test or another platform backend is given. */
  secretBackend?: SecretBackend
  /**
   * Long-running hosts (desktop, browser) read the active environment's credentials once at start so the
   * redactor knows every stored value before anything is logged; one-shot CLI commands skip it.
   */
  primeRedactor?: boolean
  /** Long-running hosts start the callback listener (webhooks, receipts) at the address in settings. */
  startCallbacks?: boolean
  /** The language for this run (`--lang`); the saved setting when absent. */
  language?: Language
  /** Per-request limit of calls that name none (tests shorten it). */
  httpTimeoutMs?: number
  /** The desktop's save dialog: where an export goes (null: the analyst cancelled). Other hosts write to the data folder. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>
  /** The desktop's printToPDF of a document (a dossier): where it was saved, or null (cancelled). */
  printToPdf?: (html: string, suggestedName: string) => Promise<string | null>
}

/** Domain modules built once per process, each with what it uses (issue #22: the shape services move to). */
export interface CoreModules {
  readonly policyLog: PolicyLog
  readonly decisions: BatchDecisions
  readonly cases: Cases
}

export interface Core {
  readonly context: CoreContext
  readonly router: Router
  readonly events: EventHub
  readonly modules: CoreModules
  close(): Promise<void>
}

/** Everything the hosts (Electron, browser, CLI) share. No electron import below this line. */
export async function createCore(options: CoreOptions): Promise<Core> {
  privateUmask()
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 })
  tightenDataDir(options.dataDir)
  const redactor = new Redactor()
  const log = options.log ?? createFileLogger(options.dataDir, redactor)
  const events = new EventHub(log)
  const { store: settings, notice } = await SettingsStore.open(options.dataDir, log)

  const translators = new Map<Language, Translate>()
  const translate = (): Translate => {
    const language = options.language ?? settings.get().language
    let t = translators.get(language)
    if (!t) {
      t = createTranslator(language)
      translators.set(language, t)
    }
    return t
  }

  const notices = new NoticeBoard(events, translate)
  if (notice) notices.add(notice)

  const credentials = new CredentialStore(options.secretBackend ?? new KeytarBackend(), redactor)
  const sandbox = new SandboxManager(() => settings.get().sandbox)
  const http = new HttpClient(options.httpTimeoutMs)
  const db = openDatabase(options.dataDir)
  const subjectOf = subjectHasher(options.dataDir)
  const history = new HistoryStore(db, redactor, {
    mask: () => settings.get().maskIdentifiers,
    retentionDays: () => settings.get().historyRetentionDays,
    hash: subjectOf,
  })
  const callbacks = new CallbackListener({ db, events, log, redactor })
  const environment = (): Environment => options.environment ?? settings.get().environment

  const context: CoreContext = {
    name: APP_NAME,
    version: APP_VERSION,
    host: options.host,
    dataDir: options.dataDir,
    startedAt: new Date().toISOString(),
    endpoints: options.endpoints ?? {},
    settings,
    events,
    notices,
    log,
    credentials,
    redactor,
    http,
    tokens: new TokenManager(credentials, log),
    sandbox,
    history,
    callbacks,
    mseMessages: new MseMessages(db),
    ussdLog: new UssdStore(db),
    db,
    effects: new EffectJournal(db, subjectOf),
    ...(options.chooseSavePath ? { chooseSavePath: options.chooseSavePath } : {}),
    baseUrl: (provider) => resolveBaseUrl(provider, environment(), options.endpoints ?? {}, settings.get(), sandbox),
    environment,
    translate,
  }

  const policyLog = new PolicyLog(db)
  const cases = new Cases({
    db,
    environment,
    hash: subjectOf,
    who: () => analystName(settings),
    policy: () => settings.get().policy,
    changed: (id) => events.publish('cases:changed', { id }),
  })
  const decisions = new BatchDecisions({ db, journal: new BatchJournal(db), policyLog, reviews: batchReviews(cases) })
  const modules: CoreModules = { policyLog, decisions, cases }
  const runs = new BatchRuns(context, decisions)
  const watch = new WatchRunner(context, undefined, cases)
  const router = createRouter(
    {
      ...appHandlers(context, options.printToPdf),
      ...settingsHandlers(context),
      ...credentialsHandlers(context),
      ...lookupHandlers(context),
      ...datatrustHandlers(context),
      ...customerHandlers(context, cases),
      ...policyHandlers(context, policyLog),
      ...mseHandlers(context),
      ...ussdHandlers(context),
      ...batchHandlers(context, runs, decisions, cases),
      ...privacyHandlers(context, runs),
      ...casesHandlers(context, cases),
      ...watchHandlers(context, watch),
    },
    { translate, log, redact: (error) => redactor.value(error) as typeof error },
  )
  if (options.primeRedactor) {
    context.credentials
      .list(context.environment())
      .catch((error: unknown) => log.debug('credentials.prime_failed', { reason: (error as Error).message }))
  }
  callbacks.route(clearSaleWebhookRoute(context))
  callbacks.route(mseReceiptRoute(context))
  callbacks.route(mseMoRoute(context))
  callbacks.route(mseMmsRoute(context))
  callbacks.route(mseUssdRoute(context))
  const startCallbacks = async (): Promise<void> => {
    const status = await callbacks.start(settings.get().callbacks)
    if (status.error)
      notices.add({ code: 'callbacks_unavailable', params: { address: status.error, errno: status.errno ?? 'other' } })
    else {
      const registrations = [registerSandboxWebhook(context), registerSandboxDelivery(context)]
      for (const r of await Promise.allSettled(registrations))
        if (r.status === 'rejected') log.warn('callbacks.sandbox_register_failed', { reason: String(r.reason) })
    }
  }
  if (options.startCallbacks) {
    await startCallbacks()
    // A new bind address or port from Configurações takes effect at once.
    let bound = JSON.stringify(settings.get().callbacks)
    events.subscribe('settings:changed', () => {
      const wanted = JSON.stringify(settings.get().callbacks)
      if (wanted === bound) return
      bound = wanted
      void startCallbacks()
    })
  }

  // LGPD retention: purge at start, then every 6 hours while the process lives, and when the setting changes.
  const purge = (): void => {
    try {
      const removed = history.purge()
      if (removed > 0) log.info('history.purged', { removed })
      const batches = purgeBatches(context)
      if (batches > 0) log.info('batch.purged', { removed: batches })
      // Decided cases follow their own (audit) retention; open ones wait for an analyst (issue #22).
      const decidedCases = cases.purge(settings.get().caseRetentionDays)
      if (decidedCases > 0) log.info('cases.purged', { removed: decidedCases })
      const cutoff = new Date(Date.now() - settings.get().historyRetentionDays * 86_400_000)
      const others = purgePersonalData(db, options.dataDir, cutoff)
      const logs = purgeLogs(options.dataDir, cutoff)
      if (Object.values(others).some((n) => n > 0) || logs > 0) log.info('retention.purged', { ...others, logs })
    } catch (error) {
      log.error('history.purge_failed', { reason: (error as Error).message })
    }
  }
  purge()
  // Sends a killed process left in flight: their outcome is unknown, and the analyst is told once.
  const orphans = context.effects.orphans()
  if (orphans.length > 0)
    notices.add({
      code: 'effects_uncertain',
      params: { count: orphans.length, operations: [...new Set(orphans.map((o) => o.operation))].join(', ') },
    })
  const purgeTimer = setInterval(purge, 6 * 3_600_000)
  purgeTimer.unref()
  events.subscribe('settings:changed', purge)
  if (options.startCallbacks) {
    // The app was closed (or killed) while a batch ran: it goes on where it stopped, nothing answered is repeated.
    for (const job of new BatchJournal(db).list(50))
      if (job.status === 'running') void router.invoke('batch:start', { jobId: job.id })
    watch.start() // watchlists pass on their cadence while the app or `serve` runs (issue #17)
  }
  log.info('core.started', { host: options.host, environment: context.environment() })

  return {
    context,
    router,
    events,
    modules,
    async close() {
      clearInterval(purgeTimer)
      await watch.stop()
      await runs.halt()
      await callbacks.close()
      await sandbox.close()
      await http.close()
      db.close()
      log.info('core.stopped')
    },
  }
}
