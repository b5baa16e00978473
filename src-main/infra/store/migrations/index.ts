import { BASE_MIGRATIONS } from './base'
import { DECISION_MIGRATIONS } from './decisions'
import { OUTBOX_MIGRATIONS } from './outbox'
import { PRIVACY_MIGRATIONS } from './privacy'

/** Every step of the schema, in the order they were shipped (PRAGMA user_version counts them). */
export const MIGRATIONS: readonly string[] = [
  ...BASE_MIGRATIONS,
  ...DECISION_MIGRATIONS,
  ...PRIVACY_MIGRATIONS,
  ...OUTBOX_MIGRATIONS,
]
