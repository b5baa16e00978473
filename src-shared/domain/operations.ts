/*
 * Every provider operation is a read (safe to retry: nothing is billed twice, nothing changes) or an effect (billed
 * or changing state at the provider). An effect is journaled as "sending" before its request leaves, and one whose
 * outcome is unknown (timeout, connection lost after sending, process killed) is never re-sent blindly: it is
 * reconciled where the provider offers a lookup (Data Trust: the search by Document, seed 004), else shown as
 * "resultado incerto" until the analyst decides (MSE has no lookup, seed 003).
 */

export type OperationKind = 'read' | 'effect'
export interface OperationSpec {
  kind: OperationKind
  /** How an unknown outcome is settled: a lookup at the provider, or the analyst. */
  reconcile?: 'search' | 'analyst'
  /** Why, in one line, with the seed section. */
  why: string
}

const read = (why: string): OperationSpec => ({ kind: 'read', why })
const effect = (reconcile: 'search' | 'analyst', why: string): OperationSpec => ({ kind: 'effect', reconcile, why })

const OPERATIONS: Record<string, OperationSpec> = {
  'claro.token': read('seed 001: a token request changes nothing'),
  'claro.alerts': read('seed 001: events of a line, read only'),
  // Billed per answer (seed 002), but an answer that never arrived was not delivered: retrying is a read again.
  'claro.score': read('seed 002: a score is read; billing is per answer delivered'),
  'clearsale.auth': read('seed 004: authentication'),
  'clearsale.transaction': effect(
    'search',
    'seed 004: creates (and bills) a transaction; found again by the search by Document',
  ),
  'clearsale.get': read('seed 004: reads a transaction'),
  'clearsale.result': read('seed 004: reads a result'),
  'clearsale.search': read('seed 004: the four searches'),
  'clearsale.validate': effect('analyst', 'seed 004: a validation attempt counts against the token (3 tries)'),
  'clearsale.sms-config': effect('analyst', 'seed 004: changes the SMS template'),
  'clearsale.entity-config': effect('analyst', 'seed 004: changes conditional sending'),
}

/** seed 003: services that send to a handset, charge, or change the subscriber's state. Every other one reads. */
const MSE_EFFECTS: Record<string, string> = {
  SMS_TEXT: '§6.4.1: sends an SMS',
  SMS_EMS: '§6.4.2: sends an SMS',
  SMS_HEX_RING: '§6.4.3: sends a ringtone SMS',
  SMS_HEX_RING_UDH: '§6.4.4: sends a ringtone SMS',
  MMS_MT: '§6.4.6: sends an MMS',
  SYS_CHARGE_SUBSCRIB: '§6.4.9: charges the subscriber',
  LBS_TORPEDO: '§6.4.12: pages the handset',
  SMS_WAP_PUSH: '§6.4.13: sends a WAP push',
  WIB_PUSH: '§6.4.15: sends a WIB push',
  IMEI_TORPEDO: '§6.4.17: pages the handset',
  OFFER_INSERT: '§6.4.23: adds offers to the line',
  OFFER_DELETE: '§6.4.23: removes offers from the line',
  GERAR_PROTOCOLO: 'opens a customer-service protocol',
  USSD_PUSH: '§6.4.18: shows a menu on the handset',
}

export function mseOperation(service: string): OperationSpec {
  const why = MSE_EFFECTS[service.toUpperCase()]
  return why ? effect('analyst', `seed 003 ${why}`) : read(`seed 003: ${service} reads`)
}

export function operation(name: string): OperationSpec {
  if (name.startsWith('mse.')) return mseOperation(name.slice(4))
  const spec = OPERATIONS[name]
  if (!spec) throw new Error(`operation not classified: ${name}`)
  return spec
}

/**
 * A failure after which the request may have been processed: no answer, or a connection lost once the request was
 * on its way. A refused connection or an unknown host means nothing left this machine.
 */
export function outcomeUnknown(code: string, reason?: string): boolean {
  if (code === 'provider_timeout' || code === 'provider_answer_too_large') return true
  if (code === 'provider_unreachable') return !/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ERR_INVALID_URL)$/.test(reason ?? '')
  // A 5xx answer says the provider failed while processing: whether it created the transaction is not said.
  return /\.server_error$/.test(code)
}
