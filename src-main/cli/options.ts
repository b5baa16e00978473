import type { Translate } from '../../src-shared/i18n'
import { EnvironmentSchema, ProviderSchema, type Environment, type Provider } from '../../src-shared/domain/environment'
import { defaultDataDir } from '../infra/datadir'
import { forbiddenHost } from '../../src-shared/domain/net'
import { LanguageSchema, type Language } from '../../src-shared/domain/settings'

/** Raised for anything the user typed wrong: the CLI prints the message and exits 2. */
/**
 * The command line was wrong: a `cli.*` message key and its values, worded in the run's language when printed
 * (issue #16: a sentence in one language, never a code).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number | UsageMessage> = {},
  ) {
    super(key)
  }
}

/** A message inside a message (the reason a file could not be read, …). */
export interface UsageMessage {
  key: string
  params?: Record<string, string | number>
}

/** The sentence a usage error prints, in the run's language. */
export function usageText(error: UsageError, t: Translate): string {
  const params = Object.fromEntries(
    Object.entries(error.params).map(([k, v]) => [k, typeof v === 'object' ? t(v.key, v.params) : v]),
  )
  return t(error.key, params)
}

export interface GlobalOptions {
  dataDir: string
  env: Environment
  /** Whether `--env` was given: `serve` otherwise uses the environment saved in Configurações. */
  envGiven: boolean
  endpoints: Partial<Record<Provider, string>>
  json: boolean
  /** Words for this run (`--lang`); the saved setting when absent. */
  lang?: Language | undefined
}

export interface RawGlobalOptions {
  dataDir?: string
  env?: string
  endpoint?: string[]
  json?: boolean
  lang?: string
}

/** `--endpoint PROVIDER=URL`: PROVIDER one of claro, clearsale, mse; URL http(s). */
export function parseEndpoint(spec: string): [Provider, string] {
  const eq = spec.indexOf('=')
  const provider = ProviderSchema.safeParse(eq > 0 ? spec.slice(0, eq) : '')
  if (!provider.success) {
    throw new UsageError('cli.usage.endpointSpec', { spec })
  }
  const raw = spec.slice(eq + 1)
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new UsageError('cli.usage.endpointUrl', { provider: provider.data, url: raw })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError('cli.usage.endpointScheme', { provider: provider.data, url: raw })
  }
  if (forbiddenHost(raw)) throw new UsageError('cli.usage.endpointForbidden', { provider: provider.data, url: raw })
  return [provider.data, raw.replace(/\/+$/, '')]
}

export function resolveGlobalOptions(raw: RawGlobalOptions): GlobalOptions {
  const env = EnvironmentSchema.safeParse(raw.env ?? 'sandbox')
  if (!env.success) {
    throw new UsageError('cli.usage.env', { value: raw.env ?? '', options: EnvironmentSchema.options.join(', ') })
  }
  const lang = raw.lang === undefined ? undefined : LanguageSchema.safeParse(raw.lang)
  if (lang && !lang.success) throw new UsageError('cli.usage.lang', { value: raw.lang ?? '' })
  return {
    ...(lang ? { lang: lang.data } : {}),
    dataDir: raw.dataDir ?? defaultDataDir(),
    env: env.data,
    envGiven: raw.env !== undefined,
    endpoints: Object.fromEntries((raw.endpoint ?? []).map(parseEndpoint)),
    json: raw.json ?? false,
  }
}

export function parsePort(value: string): number {
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError('cli.usage.port', { value })
  return port
}
