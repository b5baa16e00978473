import type { ChannelName, RequestOf, ResponseOf } from '../../src-shared/contract'
import type { Core } from '../app'

/** A core call failed with a typed error: the CLI prints its message (exit 1, or 2 for input errors). */
export class CliFailure extends Error {
  override readonly name = 'CliFailure'
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** The CLI goes through the same router as the renderer, so it gets the same validation and errors. */
export async function invokeOrThrow<C extends ChannelName>(
  core: Core,
  channel: C,
  payload: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await core.router.invoke(channel, payload)
  if (!result.ok) throw new CliFailure(result.error.code, result.error.message)
  return result.data as ResponseOf<C>
}
