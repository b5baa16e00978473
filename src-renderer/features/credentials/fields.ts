import type { Provider } from '../../../src-shared/domain/environment'

export interface FieldSpec {
  name: 'key' | 'secret' | 'customerId' | 'username' | 'password' | 'profile' | 'billingCode' | 'webhookToken'
  /** Masked while typing (the user can reveal it). */
  masked: boolean
  optional?: boolean
}

/** The form of each provider's credential (shapes in src-shared/domain/credentials.ts). */
export const PROVIDER_FIELDS: Record<Provider, FieldSpec[]> = {
  claro: [
    { name: 'key', masked: true },
    { name: 'secret', masked: true },
    { name: 'customerId', masked: false },
  ],
  clearsale: [
    { name: 'username', masked: false },
    { name: 'password', masked: true },
    { name: 'webhookToken', masked: true, optional: true },
  ],
  mse: [
    { name: 'profile', masked: false },
    { name: 'password', masked: true },
    { name: 'billingCode', masked: false, optional: true },
  ],
}
