import { EnvironmentSchema, ProviderSchema, type Environment, type Provider } from '../../src-shared/domain/environment'
import { defaultDataDir } from '../infra/datadir'
import { forbiddenHost } from '../../src-shared/domain/net'
import { LanguageSchema, type Language } from '../../src-shared/domain/settings'

/** Raised for anything the user typed wrong: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
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
    throw new UsageError(
      `--endpoint "${spec}": esperado PROVEDOR=URL com PROVEDOR em claro, clearsale, mse / expected PROVIDER=URL`,
    )
  }
  const raw = spec.slice(eq + 1)
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new UsageError(`--endpoint ${provider.data}: URL inválida / invalid URL: ${raw}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--endpoint ${provider.data}: só http(s) / http(s) only: ${raw}`)
  }
  if (forbiddenHost(raw))
    throw new UsageError(
      `--endpoint ${provider.data}: endereço link-local ou de metadados de nuvem recusado / link-local or cloud metadata address refused: ${raw}`,
    )
  return [provider.data, raw.replace(/\/+$/, '')]
}

export function resolveGlobalOptions(raw: RawGlobalOptions): GlobalOptions {
  const env = EnvironmentSchema.safeParse(raw.env ?? 'sandbox')
  if (!env.success) {
    throw new UsageError(`--env "${raw.env}": use ${EnvironmentSchema.options.join(', ')}`)
  }
  const lang = raw.lang === undefined ? undefined : LanguageSchema.safeParse(raw.lang)
  if (lang && !lang.success) throw new UsageError(`--lang "${raw.lang}": use pt-BR ou/or en`)
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
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port "${value}": use 0–65535`)
  return port
}
