import type { CoreContext } from '../../services/context'
import type { Handlers } from '../router'
import { AppFailure } from '../../infra/errors'
import { lookupAlerts, lookupScore } from '../../services/claro/service'
import { ALERT_PERSONAS, SCORE_PERSONAS } from '../../providers/claro'
import { DATATRUST_PERSONAS } from '../../providers/clearsale'

type LookupHandlers = Pick<
  Handlers,
  | 'lookup:alerts'
  | 'lookup:score'
  | 'sandbox:personas'
  | 'sandbox:stats'
  | 'history:list'
  | 'history:get'
  | 'history:clear'
>

export function lookupHandlers(ctx: CoreContext): LookupHandlers {
  return {
    'lookup:alerts': (request) => lookupAlerts(ctx, request),
    'lookup:score': (request) => lookupScore(ctx, request),
    'sandbox:personas': () => ({
      alerts: ALERT_PERSONAS.map(({ msisdn, description }) => ({ msisdn, description })),
      scores: SCORE_PERSONAS.map(({ cpf, description }) => ({ cpf, description })),
      dataTrust: DATATRUST_PERSONAS.map(({ cpf, description }) => ({ cpf, description })),
    }),
    'sandbox:stats': () => ctx.sandbox.stats(),
    'history:list': (filter) => ctx.history.list(filter),
    'history:get': ({ id }) => {
      const row = ctx.history.get(id)
      if (!row) throw new AppFailure('history_not_found', { id })
      return row
    },
    'history:clear': () => ({ deleted: ctx.history.clear() }),
  }
}
