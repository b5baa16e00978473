import { z } from 'zod'
import type { DataTrustSearchSchema } from '../../../src-shared/contract/datatrust'
import type { CoreContext } from '../context'
import { CLEARSALE_PATHS } from '../../providers/clearsale'
import { clearSaleClient } from './service'
import { normaliseListed } from '../../providers/clearsale'
import { runEffect } from '../effects'
import { AppFailure } from '../../infra/errors'
import type { DataTrustDeps } from './service'
import type { EffectDeps } from '../effects'

/** What this service uses of the core (and what the services it calls use), nothing else. */
export type DataTrustOperationDeps = Pick<CoreContext, 'environment' | 'http' | 'sandbox'> & DataTrustDeps & EffectDeps

type SearchInput = z.output<typeof DataTrustSearchSchema>

/** seed 004 "fields": `transaction:a,b;result:c;`. */
function fieldsParam(input: SearchInput): string | undefined {
  const parts: string[] = []
  if (input.transactionFields?.length) parts.push(`transaction:${input.transactionFields.join(',')}`)
  if (input.resultFields?.length) parts.push(`result:${input.resultFields.join(',')}`)
  return parts.length ? `${parts.join(';')};` : undefined
}

export async function searchDataTrust(ctx: DataTrustOperationDeps, input: SearchInput) {
  const client = await clearSaleClient(ctx)
  const fields = fieldsParam(input)
  const paging = { fields, limit: input.limit, page: input.page }
  const { listing, raw } =
    input.mode === 'parameter'
      ? await client.search(CLEARSALE_PATHS.search, { parameter: input.parameter, value: input.value, ...paging })
      : input.mode === 'user'
        ? await client.search(CLEARSALE_PATHS.searchUser, { userId: input.userId, ...paging })
        : input.mode === 'period'
          ? await client.search(CLEARSALE_PATHS.searchPeriod, {
              startDate: input.startDate,
              endDate: input.endDate,
              ...paging,
            })
          : await client.search(CLEARSALE_PATHS.searchList, { idsList: (input.ids ?? []).join(','), fields })
  // 204: nothing matched — an empty page, not an error.
  if (!listing) return { location: input.page, totalPages: 0, totalTransactions: 0, transactions: [], raw }
  return {
    location: listing.location ?? 1,
    totalPages: listing.totalPages ?? 1,
    totalTransactions: listing.totalTransactions ?? listing.Transactions.length,
    transactions: listing.Transactions.map(normaliseListed),
    raw,
  }
}

/**
 * A validation attempt counts against the token's tries (seed 004: Incorrect up to 3, then Invalid): an effect,
 * journaled, never repeated on its own after an unknown outcome.
 */
export async function validateDataTrustToken(ctx: DataTrustOperationDeps, id: string, token: string) {
  const client = await clearSaleClient(ctx)
  const { result, date } = await runEffect(
    ctx,
    {
      operation: 'clearsale.validate',
      payload: { id, token },
      target: id,
      onUnknown: (_failure, cause) => new AppFailure('clearsale.outcome_unknown', { cause, search: 'validate' }),
    },
    () => client.validateToken(id, token),
  )
  // seed 004: "Utilize o método de consulta para visualizar a transação atualizada."
  const refreshed = await client.get(id)
  return { result, date: date ?? null, transaction: refreshed?.transaction ?? null }
}

/** The sandbox's virtual phone: what the simulated ClearSale "sent" by SMS. Empty outside the sandbox. */
export async function sandboxInbox(ctx: DataTrustOperationDeps) {
  if (ctx.environment() !== 'sandbox') return []
  const answer = await ctx.http.send('ClearSale sandbox', {
    method: 'GET',
    url: `${await ctx.sandbox.url('clearsale')}/__sandbox/inbox`,
    headers: {},
  })
  return SandboxInboxSchema.parse(JSON.parse(answer.body))
}

/** The simulated phone's messages, parsed like any answer. */
const SandboxInboxSchema = z.array(
  z.object({ to: z.string(), channel: z.string(), text: z.string(), at: z.string(), transactionId: z.string() }),
)
