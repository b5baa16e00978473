import { AppFailure } from '../../infra/errors'
import type { CoreContext } from '../../services/context'
import type { Handlers } from '../router'

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
function isLoopbackAddress(address: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) || address === '::1' || address === 'localhost'
}

export function settingsHandlers(ctx: CoreContext): Pick<Handlers, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => ctx.settings.get(),
    'settings:update': async (patch) => {
      // Off loopback, webhooks' Bearer tokens and MSE passwords would cross a network: only with explicit consent.
      const address = patch.callbacks?.bindAddress
      if (address !== undefined && !isLoopbackAddress(address) && patch.callbacks?.exposeConfirmed !== true)
        throw new AppFailure('callbacks_exposure_unconfirmed', { address })
      const next = await ctx.settings.update(patch)
      ctx.events.publish('settings:changed', next)
      return next
    },
  }
}
