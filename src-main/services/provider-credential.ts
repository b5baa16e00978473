import type { z } from 'zod'
import type { CoreContext } from './context'
import { AppFailure } from '../infra/errors'

/** What this service uses of the core, and nothing else. */
export type ProviderCredentialDeps = Pick<CoreContext, 'credentials' | 'environment'>

/** When the keychain is unavailable, the sandbox does not ask it again on every call (retried after this). */
const KEYCHAIN_RETRY_MS = 30_000
let keychainDownUntil = 0

/**
 * The credential a provider call uses: the keychain entry for the active environment; in the sandbox, the
 * built-in sandbox credential when none is stored or the keychain is unavailable (the sandbox needs none).
 */
export async function providerCredential<T>(
  ctx: ProviderCredentialDeps,
  name: string,
  provider: string,
  schema: z.ZodType<T>,
  sandboxDefault: T,
): Promise<T> {
  const env = ctx.environment()
  const skipKeychain = env === 'sandbox' && Date.now() < keychainDownUntil
  const stored = skipKeychain
    ? null
    : await ctx.credentials.get(env, name).catch((error: unknown) => {
        if (env !== 'sandbox') throw error
        keychainDownUntil = Date.now() + KEYCHAIN_RETRY_MS
        return null
      })
  if (stored) return schema.parse(stored)
  if (env === 'sandbox') return sandboxDefault
  throw new AppFailure('credentials_missing', { provider, name, environment: env })
}
