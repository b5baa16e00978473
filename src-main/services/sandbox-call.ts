import type { Provider } from '../../src-shared/domain/environment'
import type { CoreContext } from './context'
import { AppFailure } from '../infra/errors'
import type { HttpAnswer } from '../infra/http/client'

/** What this service uses of the core, and nothing else. */
export type SandboxCallDeps = Pick<CoreContext, 'environment' | 'http' | 'sandbox'>

/** A call to the embedded sandbox's own controls (`/__sandbox/…`): only in the sandbox environment. */
export async function sandboxRequest(
  ctx: SandboxCallDeps,
  provider: Provider,
  path: string,
  body?: unknown,
): Promise<HttpAnswer> {
  if (ctx.environment() !== 'sandbox') throw new AppFailure('mse.sandbox_only')
  return ctx.http.send(`${provider} sandbox`, {
    method: body === undefined ? 'GET' : 'POST',
    url: `${await ctx.sandbox.url(provider)}${path}`,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

export async function sandboxJson<T>(
  ctx: SandboxCallDeps,
  provider: Provider,
  path: string,
  body?: unknown,
): Promise<T> {
  return JSON.parse((await sandboxRequest(ctx, provider, path, body)).body) as T
}
