import { AppFailure } from '../../infra/errors'

/*
 * MSE's <status-code> (seed 003 §6.5.2: "quando igual a zero indica que o serviço foi executado com sucesso";
 * anything else is a problem, said in <error-message>). The seed's examples show 12 and 110; the others are the
 * sandbox's own (seeds/README: codes the seed does not list are shown with their error-message).
 */
export const MSE_STATUS = {
  /** §6.5.2: executed. */
  ok: 0,
  /** Sandbox: profile or password refused. */
  accessDenied: 1,
  /** seed 003 examples: a parameter missing or malformed. */
  invalidParams: 12,
  /** Sandbox: a method the service does not take (USSD by POST only). */
  wrongMethod: 13,
  /** Sandbox: the partner's volume is over its agreed traffic (§9.3), answered like a 429. */
  volume: 20,
  /** seed 003 examples: the handset did not answer (location, IMEI). */
  noDeviceResponse: 110,
} as const

/** A non-zero status as the failure an analyst reads; the volume block is retried like a 429 (§9.3). */
export function statusFailure(statusCode: number, errorMessage: string | undefined): AppFailure {
  if (statusCode === MSE_STATUS.volume) return new AppFailure('mse.volume', { status: statusCode, retryAfter: '' })
  return new AppFailure('mse.status', { status: statusCode, detail: errorMessage ?? '' })
}
