/* ClearSale Data Trust (seed 004) as the rest of the app sees them: the wire client, search, reconciliation, simulator. */
export { ClearSaleClient, type ClearSaleClientDeps, type Listing } from './client'
export { CLEARSALE_BASE_URLS, CLEARSALE_PATHS } from './paths'
export { normaliseListed } from './listing'
export { findSentTransaction, sendTransactionOnce } from './reconcile'
export { createClearSaleSandbox } from './sandbox'
export { DATATRUST_PERSONAS } from './sandbox/personas'
