import type { Environment, HostKind, Provider } from '../../src-shared/domain/environment'
import type { Translate } from '../../src-shared/i18n'
import type { EventHub } from './events'
import type { Logger } from './log'
import type { NoticeBoard } from './notices'
import type { SettingsStore } from './settings'
import type { CredentialStore } from './credentials/store'
import type { Redactor } from './redact'
import type { HttpClient } from './http/client'
import type { TokenManager } from './http/tokens'
import type { HistoryStore } from './store/history'
import type { SandboxManager } from '../sandbox'
import type { CallbackListener } from './callbacks/listener'
import type { MseMessages } from '../providers/mse/messages'
import type { UssdStore } from '../providers/mse/ussd-store'
import type { Db } from './store/db'
import type { EffectJournal } from './store/effects'

/** What every handler may use. Built once per process by createCore. */
export interface CoreContext {
  readonly name: string
  readonly version: string
  readonly host: HostKind
  readonly dataDir: string
  readonly startedAt: string
  /** `--endpoint PROVIDER=URL` overrides for this run. */
  readonly endpoints: Partial<Record<Provider, string>>
  readonly settings: SettingsStore
  readonly events: EventHub
  readonly notices: NoticeBoard
  readonly log: Logger
  /** Secrets: OS keychain only. */
  readonly credentials: CredentialStore
  /** Everything written to logs, the CLI's stderr or the renderer's errors goes through it. */
  readonly redactor: Redactor
  readonly http: HttpClient
  readonly tokens: TokenManager
  readonly sandbox: SandboxManager
  readonly history: HistoryStore
  /** Provider callbacks (webhooks, receipts): started by long-running hosts only. */
  readonly callbacks: CallbackListener
  /** MSE messages sent in async-delivery, matched to their receipts. */
  readonly mseMessages: MseMessages
  readonly ussdLog: UssdStore
  /** The local database (batch journal). */
  readonly db: Db
  /** Single calls that cost money or change the world, journaled before they leave (issue #13). */
  readonly effects: EffectJournal
  /** The desktop's save dialog (absent elsewhere): exports go where the analyst chose. */
  readonly chooseSavePath?: (suggestedName: string) => Promise<string | null>
  /** Where a provider lives for this run: `--endpoint` > environment (sandbox: the embedded one). */
  baseUrl(provider: Provider): Promise<string>
  /** The environment for this run: the `--env` override if given, else the saved setting. */
  environment(): Environment
  /** A translator in the user's current language. */
  translate(): Translate
}
