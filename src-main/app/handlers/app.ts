import type { AppInfo } from '../../../src-shared/contract'
import type { CoreContext } from '../../services/context'
import type { Handlers } from '../router'
import { AppFailure } from '../../infra/errors'
import { analystName } from '../../infra/analyst'

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
    analyst: analystName(ctx.settings),
  }
}

export function appHandlers(
  ctx: CoreContext,
  printToPdf?: (html: string, suggestedName: string) => Promise<string | null>,
): Pick<Handlers, 'app:info' | 'app:dismiss-notice' | 'app:save-pdf'> {
  return {
    'app:save-pdf': async ({ html, name }) => {
      if (!printToPdf) throw new AppFailure('app.pdf_unavailable')
      const path = await printToPdf(html, name)
      return path ? { saved: true as const, path } : { saved: false as const }
    },
    'app:info': () => appInfo(ctx),
    'app:dismiss-notice': ({ code }) => {
      ctx.notices.dismiss(code)
      return {}
    },
  }
}
