import type { Catalog } from '../types'
import { errors } from './errors'
import { credentials } from './credentials'
import { lookup } from './lookup'
import { base } from './base'
import { datatrust } from './datatrust'

export const en: Catalog = { ...errors, ...credentials, ...lookup, ...base, ...datatrust }
