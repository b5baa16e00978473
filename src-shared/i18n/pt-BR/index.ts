/** Catálogo pt-BR: a língua padrão. O catálogo inglês precisa ter exatamente as mesmas chaves. */
import { errors } from './errors'
import { credentials } from './credentials'
import { lookup } from './lookup'
import { base } from './base'
import { datatrust } from './datatrust'
import { mse } from './mse'
import { ussd } from './ussd'
import { batch } from './batch'
import { policy } from './policy'
import { privacy } from './privacy'
import { mseWire } from './mse-wire'
import { cli } from './cli'
import { watch } from './watch'
import { cases } from './cases'

export const ptBR = {
  ...errors,
  ...credentials,
  ...lookup,
  ...base,
  ...datatrust,
  ...mse,
  ...ussd,
  ...batch,
  ...policy,
  ...privacy,
  ...mseWire,
  ...cli,
  ...watch,
  ...cases,
}
