import type { RawAnswer } from '../../../src-shared/contract/lookup'
import { AppFailure } from '../../infra/errors'
import type { HttpAnswer } from '../../infra/http/client'

export type Answer = { answer: HttpAnswer; raw: RawAnswer }

/** What a request was for: each kind of 400 (seed 004) gets its own message. */
export type Purpose = 'transaction' | 'search' | 'config' | 'validate'
const BAD_REQUEST: Record<Purpose, string> = {
  transaction: 'clearsale.bad_request',
  search: 'clearsale.search_bad_request',
  config: 'clearsale.config_bad_request',
  validate: 'clearsale.bad_request',
}

/** seed 004 statuses → error codes; a 400 carries the field → messages map in its detail. */
export function failureFor({ answer, raw }: Answer, purpose: Purpose = 'transaction'): AppFailure {
  if (answer.status === 400) {
    let fields: Record<string, unknown> = {}
    let summary: string
    try {
      const parsed: unknown = JSON.parse(answer.body)
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a field map')
      fields = parsed as Record<string, unknown>
      summary = Object.entries(fields)
        .map(([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`)
        .join('; ')
    } catch {
      // Not the seed's field → messages map: the body's own text is what the user needs to read.
      summary = answer.body.replace(/\s+/g, ' ').trim() || `HTTP ${answer.status}`
    }
    return new AppFailure(BAD_REQUEST[purpose], { detail: summary.slice(0, 1000) }, { raw, fields: fields as never })
  }
  const code =
    { 401: 'clearsale.unauthorized', 404: 'clearsale.not_found', 429: 'clearsale.rate_limited' }[answer.status] ??
    (answer.status >= 500 ? 'clearsale.server_error' : 'clearsale.unexpected_status')
  return new AppFailure(code, { status: answer.status, retryAfter: answer.headers['retry-after'] ?? '' }, { raw })
}
