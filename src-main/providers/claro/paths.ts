/** seed 001: the client appends these to the base URL (DESIGN.md: https://api.claro.com.br). */
export const CLARO_PATHS = {
  token: '/oauth2/v1/token',
  alerts: '/customers/v1/alerts',
  scores: '/customers/v1/scores',
} as const

export const CLARO_BASE_URLS = {
  producao: 'https://api.claro.com.br',
  // The seeds name a single host for Claro (trial plans included); homologation uses it too.
  homologacao: 'https://api.claro.com.br',
} as const
