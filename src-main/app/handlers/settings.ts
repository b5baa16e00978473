import { AppFailure } from '../../infra/errors'
import { assertAddressAllowed } from '../../infra/http/address'
import { isLoopback } from '../../infra/callbacks/listener'
import type { CoreContext } from '../../services/context'
import type { Handlers } from '../router'

export function settingsHandlers(ctx: CoreContext): Pick<Handlers, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => ctx.settings.get(),
    'settings:update': async (patch) => {
      // Off loopback, webhooks' Bearer tokens and MSE passwords would cross a network: only with explicit consent.
      const address = patch.callbacks?.bindAddress
      if (address !== undefined && !isLoopback(address) && patch.callbacks?.exposeConfirmed !== true)
        throw new AppFailure('callbacks_exposure_unconfirmed', { address })
      // Where credentials and customers' data go: parsed, resolved, and private networks only with consent (#23).
      const allowPrivate = patch.allowPrivateAddresses ?? ctx.settings.get().allowPrivateAddresses
      const urls = [...Object.values(patch.customEndpoints ?? {}), patch.watch?.webhookUrl]
      for (const url of urls) if (url) await assertAddressAllowed(url, { allowPrivate })
      const next = await ctx.settings.update(patch)
      ctx.events.publish('settings:changed', next)
      return next
    },
  }
}
