import { REPORT_LIST_LIMIT } from '../../../src-shared/contract/privacy'
import type { Translate } from '../../../src-shared/i18n'
import type { CoreContext } from '../../services/context'
import { AppFailure } from '../../infra/errors'
import type { Handlers } from '../router'
import { subjectHasher } from '../../services/privacy/key'
import type { DbRecord } from '../../services/privacy/records'
import { privacyAudit, privacyErase, privacyReport, type PrivacyDeps } from '../../services/privacy/service'
import type { BatchRuns } from '../../services/batch/runs'

/** A record in a sentence: its parameters that are codes (lookup kind, outcome, check) are worded too. */
function recordText(r: Pick<DbRecord, 'what' | 'params'>, t: Translate): string {
  const p = { ...r.params }
  if (r.what === 'history') {
    p['kind'] = t(`history.kinds.${String(p['kind'])}`)
    p['outcome'] = t(`history.outcomes.${String(p['outcome'])}`)
  }
  if (typeof p['check'] === 'string') p['check'] = t(`policy.checks.${p['check']}`)
  if (r.what === 'cases') p['status'] = t(`cases.state.${String(p['status'])}`)
  if (r.what === 'sandbox_event') p['event'] = t(`claroEvents.${String(p['event'])}`)
  return t(`privacy.what.${r.what}`, p)
}

export function privacyHandlers(
  ctx: CoreContext,
  runs: BatchRuns,
): Pick<Handlers, 'privacy:report' | 'privacy:erase' | 'privacy:audit'> {
  const deps: PrivacyDeps = {
    db: ctx.db,
    dataDir: ctx.dataDir,
    hash: subjectHasher(ctx.dataDir),
    log: ctx.log,
    settings: ctx.settings,
  }
  return {
    'privacy:report': async ({ kind, value }) => {
      const report = await privacyReport(deps, { kind, value })
      const t = ctx.translate()
      return {
        ...report,
        records: report.records
          .slice(0, REPORT_LIST_LIMIT)
          .map((r) => ({ place: r.place, at: r.at, what: r.what, params: r.params, text: recordText(r, t) })),
      }
    },
    'privacy:erase': async ({ kind, value, also }) => {
      if (runs.active) throw new AppFailure('privacy.batch_running')
      return privacyErase(deps, { kind, value }, also)
    },
    'privacy:audit': () => ({ lines: privacyAudit(ctx.db) }),
  }
}
