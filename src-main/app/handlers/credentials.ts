import type { CoreContext } from '../../services/context'
import type { Handlers } from '../router'

type CredentialHandlers = Pick<Handlers, 'credentials:list' | 'credentials:set' | 'credentials:delete'>

/** Thin: the store does the work; answers carry names, hints and dates only (the contract strips the rest). */
export function credentialsHandlers(ctx: CoreContext): CredentialHandlers {
  return {
    'credentials:list': async ({ environment }) => {
      const env = environment ?? ctx.environment()
      return { environment: env, items: await ctx.credentials.list(env) }
    },
    'credentials:set': async ({ name, environment, value }) => {
      const env = environment ?? ctx.environment()
      const summary = await ctx.credentials.set(env, name, value)
      ctx.log.info('credentials.set', { name, environment: env })
      ctx.events.publish('credentials:changed', { environment: env })
      return summary
    },
    'credentials:delete': async ({ name, environment }) => {
      const env = environment ?? ctx.environment()
      const deleted = await ctx.credentials.delete(env, name)
      ctx.log.info('credentials.delete', { name, environment: env, deleted })
      ctx.events.publish('credentials:changed', { environment: env })
      return { deleted }
    },
  }
}
