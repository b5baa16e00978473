import { ErrorCodes, type AppError } from '../../src-shared/contract'
import type { Translate } from '../../src-shared/i18n'

export type MessageParams = Record<string, string | number>
type JsonDetail = NonNullable<AppError['detail']>

/**
 * A failure the user can act on. Thrown inside the core; turned into a serialisable AppError at the
 * boundary, with its message rendered in the user's language from the shared catalogs (`errors.<code>`).
 */
export class AppFailure extends Error {
  constructor(
    readonly code: string,
    readonly params: MessageParams = {},
    readonly detail?: JsonDetail,
  ) {
    super(code)
    this.name = 'AppFailure'
  }
}

export function toAppError(failure: AppFailure, t: Translate): AppError {
  const message = t(`errors.${failure.code}`, failure.params)
  return failure.detail === undefined
    ? { code: failure.code, message }
    : { code: failure.code, message, detail: failure.detail }
}

/** Anything that is not an AppFailure becomes a generic internal error: no stack, no raw text. */
export function asFailure(error: unknown): AppFailure {
  return error instanceof AppFailure ? error : new AppFailure(ErrorCodes.internal)
}
