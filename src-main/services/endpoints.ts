import type { Environment, Provider } from '../../src-shared/domain/environment'
import type { Settings } from '../../src-shared/domain/settings'
import { CLARO_BASE_URLS } from '../providers/claro'
import { CLEARSALE_BASE_URLS } from '../providers/clearsale'
import { MSE_BASE_URL } from '../providers/mse'
import { AppFailure } from '../infra/errors'
import { assertAddressAllowed } from '../infra/http/address'
import type { SandboxManager } from './sandbox'

/** DESIGN.md "Environments": production and homologation hosts per provider (ClearSale and MSE join later). */
const FIXED: Partial<Record<Provider, Partial<Record<Environment, string>>>> = {
  claro: CLARO_BASE_URLS,
  clearsale: CLEARSALE_BASE_URLS,
  mse: { producao: MSE_BASE_URL, homologacao: MSE_BASE_URL },
}

export async function resolveBaseUrl(
  provider: Provider,
  env: Environment,
  overrides: Partial<Record<Provider, string>>,
  settings: Settings,
  sandbox: SandboxManager,
): Promise<string> {
  const override = overrides[provider]
  // An `--endpoint` typed for this run is the analyst's consent to a local or private address; link-local and
  // metadata addresses are refused in every spelling (issue #23 item 4).
  if (override) {
    await assertAddressAllowed(override, { allowPrivate: true })
    return override.replace(/\/+$/, '')
  }
  // The MSE base URL ends in /MSE (DESIGN.md); its sandbox serves the same paths.
  if (env === 'sandbox') return provider === 'mse' ? `${await sandbox.url(provider)}/MSE` : sandbox.url(provider)
  const url = env === 'custom' ? settings.customEndpoints[provider] : FIXED[provider]?.[env]
  if (!url) throw new AppFailure('endpoint_missing', { provider, environment: env })
  if (env === 'custom') await assertAddressAllowed(url, { allowPrivate: settings.allowPrivateAddresses })
  return url.replace(/\/+$/, '')
}
