/** seed 004: hosts and paths. Homologation carries an `/api` prefix. */
export const CLEARSALE_BASE_URLS = {
  producao: 'https://api.clearsale.com.br',
  homologacao: 'https://homologacao.clearsale.com.br/api',
} as const

const DT = '/products/v1/datatrust'
export const CLEARSALE_PATHS = {
  authentication: '/products/v1/authentication',
  transactions: DT,
  transaction: (id: string) => `${DT}/${encodeURIComponent(id)}`,
  result: (id: string) => `${DT}/${encodeURIComponent(id)}/result`,
  validate: (id: string) => `${DT}/${encodeURIComponent(id)}/validate`,
  search: `${DT}/search`,
  searchUser: `${DT}/search/user`,
  searchPeriod: `${DT}/search/period`,
  searchList: `${DT}/search/list`,
  smsConfiguration: `${DT}/configuration/sms`,
  entityConfiguration: `${DT}/configuration/entity`,
} as const
