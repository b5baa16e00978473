import type { RawAnswer } from '../../../src-shared/contract/lookup'
import { AppFailure } from '../../infra/errors'
import type { HttpAnswer } from '../../infra/http/client'
import { ErrorEnvelopeSchema } from './schemas'

/** seeds 000/001/002: documented statuses → error codes with their own pt-BR/English texts. */
const STATUS_CODES: Record<number, string> = {
  400: 'claro.bad_request',
  401: 'claro.unauthorized',
  403: 'claro.forbidden',
  404: 'claro.not_found',
  406: 'claro.not_acceptable',
  415: 'claro.unsupported_media_type',
  429: 'claro.rate_limited',
  500: 'claro.server_error',
}

/**
 * The token endpoint's answer when it is not a token: never a fact about a customer (seeds/README.md, second audit —
 * "a 404 from a token endpoint is a wrong address or prefix"). A refused credential points to Credenciais, a wrong
 * address to Configurações; a 429 or 5xx stays transient (retried like any other).
 */
export function tokenFailureFor(answer: HttpAnswer, raw: RawAnswer): AppFailure {
  if (answer.status === 429 || answer.status >= 500) return failureFor(answer, raw)
  const code =
    answer.status === 404
      ? 'claro.token_not_found'
      : [400, 401, 403].includes(answer.status)
        ? 'claro.token_refused'
        : 'claro.token_unexpected'
  return new AppFailure(code, { status: answer.status }, { raw })
}

export function failureFor(answer: HttpAnswer, raw: RawAnswer): AppFailure {
  let envelope: ReturnType<typeof ErrorEnvelopeSchema.safeParse> | null
  try {
    envelope = ErrorEnvelopeSchema.safeParse(JSON.parse(answer.body))
  } catch {
    envelope = null // not JSON: the status alone decides, the raw body is still shown
  }
  const provider = envelope?.success ? envelope.data : undefined
  const retryAfter = answer.headers['retry-after'] ?? ''
  const code = STATUS_CODES[answer.status] ?? (answer.status >= 500 ? 'claro.server_error' : 'claro.unexpected_status')
  return new AppFailure(
    code,
    { status: answer.status, retryAfter, detail: provider?.error.detailedMessage ?? provider?.error.message ?? '' },
    {
      raw,
      ...(provider
        ? { provider: { transactionId: provider.transactionId ?? null, errorCode: provider.error.errorCode ?? null } }
        : {}),
    },
  )
}
