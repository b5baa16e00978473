import { TransactionSchema, type DtTransaction, type TransactionRequest } from '../../../src-shared/domain/clearsale'
import type { RawAnswer } from '../../../src-shared/contract/lookup'
import { outcomeUnknown } from '../../../src-shared/domain/operations'
import { AppFailure, asFailure } from '../../infra/errors'
import type { ClearSaleClient } from './client'
import { normaliseListed } from './listing'
import { CLEARSALE_PATHS } from './paths'

/*
 * A Data Trust send whose answer never came may still have created (and billed) the transaction. Before anything is
 * sent again it is looked for with the seed's search by Document (seed 004 "Pesquisa por parâmetro"): a transaction
 * of the same document and the same data, created since the send began, is adopted; only a search that answers and
 * finds none proves nothing exists. A search that fails leaves the outcome unknown.
 */

/** Clocks differ: a transaction created up to this long before our send began still counts as ours. */
const CLOCK_SKEW_MS = 120_000
const MAX_PAGES = 10

export type Reconciled = { found: DtTransaction; raw: RawAnswer | null } | { none: true } | { unknown: string }

const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase()

function matches(t: DtTransaction, request: TransactionRequest, since: number): boolean {
  const created = Date.parse(t.CreationDate ?? '')
  if (Number.isNaN(created) || created < since - CLOCK_SKEW_MS) return false
  return (
    same(t.Document, request.Document) &&
    same(t.AreaCode, request.AreaCode) &&
    same(t.Phone, request.Phone) &&
    same(t.Email, request.Email) &&
    same(t.Address?.ZipCode, request.Address?.ZipCode) &&
    (t.Type ?? request.Type) === request.Type
  )
}

export async function findSentTransaction(
  client: ClearSaleClient,
  request: TransactionRequest,
  sentAt: Date,
  exclude: ReadonlySet<string> = new Set(),
): Promise<Reconciled> {
  const found: { transaction: DtTransaction; raw: RawAnswer | null }[] = []
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { listing, raw } = await client.search(CLEARSALE_PATHS.search, {
        parameter: 'Document',
        value: request.Document,
        limit: 50,
        page,
      })
      if (!listing) break // 204: no transaction for this document at all
      for (const record of listing.Transactions) {
        const parsed = TransactionSchema.safeParse(normaliseListed(record))
        if (parsed.success && !exclude.has(parsed.data.ID) && matches(parsed.data, request, sentAt.getTime()))
          found.push({ transaction: parsed.data, raw })
      }
      if (page >= (listing.totalPages ?? 1)) break
    }
  } catch (error) {
    return { unknown: (error as { code?: string }).code ?? (error as Error).message }
  }
  found.sort((a, b) => Date.parse(b.transaction.CreationDate ?? '') - Date.parse(a.transaction.CreationDate ?? ''))
  const newest = found[0]
  return newest ? { found: newest.transaction, raw: newest.raw } : { none: true }
}

/**
 * Sends a transaction at most once: a failure after which it may exist is reconciled by the search. Found → adopted
 * (nothing sent again). Proven absent → the original failure (the caller may retry: nothing was created). The search
 * itself failing → `clearsale.outcome_unknown`, which nobody retries.
 */
export async function sendTransactionOnce(
  client: ClearSaleClient,
  request: TransactionRequest,
  exclude: () => ReadonlySet<string> = () => new Set(),
  sentAt: Date = new Date(),
): Promise<{ transaction: DtTransaction; raw: RawAnswer | null; reconciled: boolean }> {
  try {
    return { ...(await client.sendTransaction(request)), reconciled: false }
  } catch (error) {
    const failure = asFailure(error)
    if (!outcomeUnknown(failure.code, String(failure.params['reason'] ?? ''))) throw failure
    const settled = await findSentTransaction(client, request, sentAt, exclude())
    if ('found' in settled) return { transaction: settled.found, raw: settled.raw, reconciled: true }
    if ('none' in settled) throw failure
    throw new AppFailure('clearsale.outcome_unknown', { cause: failure.code, search: settled.unknown.slice(0, 200) })
  }
}
