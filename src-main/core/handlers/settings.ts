import type { CoreContext } from '../context'
import type { Handlers } from '../router'

export function settingsHandlers(ctx: CoreContext): Pick<Handlers, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => ctx.settings.get(),
    'settings:update': async (patch) => {
      const next = await ctx.settings.update(patch)
      ctx.events.publish('settings:changed', next)
      return next
    },
  }
}
