import type { AppError, ChannelName, EventName, EventOf, RequestOf, ResponseOf } from '../../src-shared/contract'
import { bridge } from './bridge'
import { i18next } from '../i18n'

/** A typed failure from the core, thrown by `call` so stores can catch one kind of thing. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(readonly error: AppError) {
    super(error.message)
  }
}

/**
 * The one converter from whatever a call threw to the error the UI shows: the core's typed error as it came (a
 * sentence in the user's language), anything else (a bug in the renderer) as the generic sentence, its text beside.
 */
export function appErrorOf(error: unknown): AppError {
  if (error instanceof ApiError) return error.error
  return { code: 'internal', message: i18next.t('errors.internal'), detail: { reason: String(error).slice(0, 300) } }
}

/** Calls a contract channel; resolves with its typed answer or rejects with ApiError. */
export async function call<C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await bridge.invoke(channel, payload)
  if (!result.ok) throw new ApiError(result.error)
  return result.data as ResponseOf<C>
}

/** Listens to a contract event; returns the function that stops listening. */
export function on<E extends EventName>(topic: E, listener: (data: EventOf<E>) => void): () => void {
  return bridge.subscribe(topic, (data) => listener(data as EventOf<E>))
}
