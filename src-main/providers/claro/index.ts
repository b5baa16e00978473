/* Claro Alerta and Score (seeds 000–002) as the rest of the app sees them: the wire client, its paths, the simulator. */
export { ClaroClient, type ClaroClientDeps } from './client'
export { CLARO_BASE_URLS, CLARO_PATHS } from './paths'
export { createClaroSandbox } from './sandbox'
export { ALERT_PERSONAS, SCORE_PERSONAS } from './sandbox/personas'
