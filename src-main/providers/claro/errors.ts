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
