import type { Environment, HostKind, Provider } from '../../src-shared/domain/environment'
import type { Translate } from '../../src-shared/i18n'
import type { EventHub } from '../infra/events'
import type { Logger } from '../infra/log'
import type { NoticeBoard } from '../infra/notices'
import type { SettingsStore } from '../infra/settings'
import type { CredentialStore } from '../infra/credentials/store'
import type { Redactor } from '../infra/redact'
import type { HttpClient } from '../infra/http/client'
import type { TokenManager } from '../infra/http/tokens'
import type { HistoryStore } from '../infra/store/history'
import type { SandboxManager } from './sandbox'
import type { CallbackListener } from '../infra/callbacks/listener'
import type { MseMessages } from '../infra/store/mse-messages'
import type { UssdStore } from '../infra/store/ussd-log'
import type { Db } from '../infra/store/db'
import type { EffectJournal } from '../infra/store/effects'

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
