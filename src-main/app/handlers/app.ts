import type { AppInfo } from '../../../src-shared/contract'
import type { CoreContext } from '../../services/context'
import type { Handlers } from '../router'

function appInfo(ctx: CoreContext): AppInfo {
  return {
    name: ctx.name,
    version: ctx.version,
    environment: ctx.environment(),
    host: ctx.host,
    dataDir: ctx.dataDir,
    platform: `${process.platform}-${process.arch}`,
    nodeVersion: process.versions.node,
    startedAt: ctx.startedAt,
    notices: ctx.notices.list(),
  }
}

export function appHandlers(ctx: CoreContext): Pick<Handlers, 'app:info' | 'app:dismiss-notice'> {
  return {
    'app:info': () => appInfo(ctx),
    'app:dismiss-notice': ({ code }) => {
      ctx.notices.dismiss(code)
      return {}
    },
  }
}
