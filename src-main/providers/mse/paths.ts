/** DESIGN.md: MSE base URL; the client appends /api (seed 003 §6.1) and, for the consoles, /ussd. */
export const MSE_BASE_URL = 'http://retail.mds.claro.com.br/MSE'
