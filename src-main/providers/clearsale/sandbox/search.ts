import {
  SEARCH_MAX_IDS,
  SEARCH_MAX_LIMIT,
  SEARCH_PARAMETERS,
  SEARCH_RESULT_FIELDS,
  SEARCH_TRANSACTION_FIELDS,
} from '../../../../src-shared/domain/clearsale'
import type { DataTrustState, FieldErrors, StoredTransaction } from './state'

/*
 * seed 004 "Pesquisa de Transações": by parameter, user, period (yyyy-MM-dd) and id list (≤ 50), with `fields`,
 * `limit` ≤ 50 and `page`; `location` / `totalPages` / `totalTransactions`; 204 when nothing matches.
 */

export type SearchAnswer = { status: 200; body: unknown } | { status: 204 } | { status: 400; errors: FieldErrors }

const TX_KEYS: Record<string, string> = {
  id: 'id',
  document: 'Document',
  documenttype: 'DocumentType',
  areacode: 'AreaCode',
  phone: 'Phone',
  sendoption: 'SendOption',
  verifiedphone: 'VerifiedPhone',
  verifiedemail: 'VerifiedEmail',
  address: 'Address',
  email: 'Email',
  sessionid: 'SessionID',
  additionalinformation: 'AdditionalInformation',
  type: 'Type',
  creationdate: 'CreationDate',
  referencedate: 'ReferenceDate',
  user: 'User',
}
const RESULT_KEYS: Record<string, string> = {
  score: 'Score',
  validation: 'Validation',
  ratings: 'Ratings',
  insights: 'Insights',
}

interface Fields {
  transaction: string[] | null
  result: string[] | null
}

/** `transaction:document,phone;result:score;` → which keys to keep (null: all). */
function parseFields(raw: string | null): Fields | { error: string } {
  if (!raw) return { transaction: null, result: null }
  const out: Fields = { transaction: [], result: [] }
  for (const part of raw
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [context, list] = part.split(':')
    const names = (list ?? '')
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean)
    const allowed: readonly string[] =
      context === 'transaction' ? SEARCH_TRANSACTION_FIELDS : context === 'result' ? SEARCH_RESULT_FIELDS : []
    if (allowed.length === 0 || names.length === 0) return { error: `Contexto inválido em fields: "${part}"` }
    const unknown = names.filter((n) => !allowed.includes(n))
    if (unknown.length) return { error: `Campo(s) inválido(s) em fields: ${unknown.join(', ')}` }
    out[context as 'transaction' | 'result'] = names
  }
  if (out.transaction?.length === 0) out.transaction = raw.includes('transaction:') ? [] : null
  if (out.result?.length === 0) out.result = raw.includes('result:') ? [] : null
  return out
}

/** The search listing shape of seed 004 (lowercase `id`, `Result`), trimmed to the requested fields. */
/** Fields a request may leave out come back as ClearSale lists them (seed 004 search example): null, false or []. */
const LISTED_ABSENT: Record<string, unknown> = {
  AreaCode: null,
  Phone: null,
  VerifiedPhone: false,
  SendOption: [],
  Address: null,
  VerifiedEmail: false,
  SessionID: null,
  AdditionalInformation: null,
}

function shape(stored: StoredTransaction, fields: Fields): Record<string, unknown> {
  const { ID, Results, ...rest } = stored.body as { ID: string; Results: Record<string, unknown> } & Record<
    string,
    unknown
  >
  const tx: Record<string, unknown> = { id: ID, ...LISTED_ABSENT, ...rest }
  const out: Record<string, unknown> = {}
  const keepTx = fields.transaction ?? Object.keys(TX_KEYS)
  for (const name of keepTx) {
    const key = TX_KEYS[name]
    if (key && key in tx) out[key] = tx[key]
  }
  if (fields.transaction !== null && fields.result === null) return out
  const keepResult = fields.result ?? Object.keys(RESULT_KEYS)
  out['Result'] = Object.fromEntries(keepResult.map((name) => [RESULT_KEYS[name], Results[RESULT_KEYS[name] ?? '']]))
  return out
}

function paginate(
  state: DataTrustState,
  query: URLSearchParams,
  match: (t: StoredTransaction) => boolean,
  errors: FieldErrors,
): SearchAnswer {
  const fields = parseFields(query.get('fields'))
  if ('error' in fields) errors['fields'] = [fields.error]
  const limitRaw = query.get('limit')
  const limit = limitRaw === null ? SEARCH_MAX_LIMIT : Number(limitRaw)
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_MAX_LIMIT)
    errors['limit'] = [`The field limit must be between 1 and ${SEARCH_MAX_LIMIT}.`]
  const pageRaw = query.get('page')
  const page = Number(pageRaw)
  if (pageRaw === null || pageRaw === '') errors['page'] = ['The page field is required.']
  else if (!Number.isInteger(page) || page < 1) errors['page'] = ['The field page is invalid.']
  if (Object.keys(errors).length) return { status: 400, errors }
  const all = [...state.transactions.values()].filter(match)
  if (all.length === 0) return { status: 204 }
  const totalPages = Math.ceil(all.length / limit)
  const slice = all.slice((page - 1) * limit, page * limit)
  if (slice.length === 0) return { status: 204 }
  return {
    status: 200,
    body: {
      location: page,
      totalPages,
      totalTransactions: all.length,
      Transactions: slice.map((t) => shape(t, fields as Fields)),
    },
  }
}

export function search(state: DataTrustState, path: string, query: URLSearchParams): SearchAnswer {
  const errors: FieldErrors = {}
  if (path.endsWith('/search')) {
    const parameter = query.get('parameter')?.toLowerCase() ?? ''
    const value = query.get('value') ?? ''
    if (!(SEARCH_PARAMETERS as readonly string[]).includes(parameter))
      errors['parameter'] = ['The parameter field must be document, phone, email or zipcode.']
    if (!value) errors['value'] = ['The value field is required.']
    const digits = value.replace(/\D/g, '')
    const matches: Record<string, (b: Record<string, unknown>) => boolean> = {
      document: (b) => b['Document'] === digits,
      phone: (b) => `${b['AreaCode'] ?? ''}${b['Phone'] ?? ''}`.endsWith(digits) && digits.length >= 8,
      email: (b) => typeof b['Email'] === 'string' && b['Email'].toLowerCase() === value.toLowerCase(),
      zipcode: (b) =>
        String((b['Address'] as { ZipCode?: string } | undefined)?.ZipCode ?? '').replace(/\D/g, '') === digits,
    }
    return paginate(state, query, (t) => matches[parameter]?.(t.body) ?? false, errors)
  }
  if (path.endsWith('/search/user')) {
    const userId = query.get('userId')
    if (!userId || !/^\d+$/.test(userId)) errors['userId'] = ['The userId field is required.']
    return paginate(state, query, (t) => t.user === Number(userId), errors)
  }
  if (path.endsWith('/search/period')) {
    const start = query.get('startDate') ?? ''
    const end = query.get('endDate') ?? ''
    const day = /^\d{4}-\d{2}-\d{2}$/
    if (!day.test(start)) errors['startDate'] = ['The startDate field is required (yyyy-MM-dd).']
    if (!day.test(end)) errors['endDate'] = ['The endDate field is required (yyyy-MM-dd).']
    return paginate(
      state,
      query,
      (t) => {
        const created = String(t.body['CreationDate']).slice(0, 10)
        return created >= start && created <= end
      },
      errors,
    )
  }
  // /search/list: no pagination, ≤ 50 ids.
  const ids = (query.get('idsList') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (ids.length === 0) errors['idsList'] = ['The idsList field is required.']
  if (ids.length > SEARCH_MAX_IDS) errors['idsList'] = [`A quantidade máxima permitida é de ${SEARCH_MAX_IDS} ids.`]
  const fields = parseFields(query.get('fields'))
  if ('error' in fields) errors['fields'] = [fields.error]
  if (Object.keys(errors).length) return { status: 400, errors }
  const found = ids.map((id) => state.transactions.get(id)).filter((t): t is StoredTransaction => t !== undefined)
  return found.length === 0
    ? { status: 204 }
    : { status: 200, body: { Transactions: found.map((t) => shape(t, fields as Fields)) } }
}
