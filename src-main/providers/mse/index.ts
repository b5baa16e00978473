/* Claro MSE (seed 003) as the rest of the app sees it: requests, answers, statuses, MMS, and the simulator. */
export { buildRequest, sentForm } from './client'
export { parseMseResponse, type MseResponse } from './schemas'
export { MSE_STATUS, statusFailure } from './errors'
export { MSE_BASE_URL } from './paths'
export { parseMmsMo } from './mms'
export { percentBytes } from './percent'
export { createMseSandbox } from './sandbox'
export { DEMO_APP_PATH } from './sandbox/ussd'
