import type { AlertEventType } from '../../../../src-shared/domain/claro'
import { withCheckDigits } from '../../../../src-shared/domain/cpf'
import { digitsHash, type PersonaText } from '../../../infra/sandbox/personas'

/*
 * Deterministic sandbox personas (DESIGN.md "Embedded sandbox"), listed in the app and the README. Any other
 * valid number or CPF gets a stable answer derived from its digits, so batch runs look like real lists.
 */

export interface AlertPersona {
  msisdn: string
  description: PersonaText
  /** Events as "days ago" (fractions allowed); `status` replaces the answer with that HTTP error. */
  events?: { eventName: AlertEventType; daysAgo: number }[]
  status?: 404 | 500 | 403
}

export interface ScorePersona {
  cpf: string
  description: PersonaText
  score?: number | string
  status?: 404 | 500
  /** Answers 200 with a body that lacks the score: exercises the "unexpected answer" path. */
  unexpected?: true
}

export const ALERT_PERSONAS: AlertPersona[] = [
  {
    msisdn: '5511999990001',
    description: {
      'pt-BR': 'Troca de SIM ontem e troca de aparelho (golpe clássico)',
      en: 'SIM swap yesterday plus a device change (classic takeover)',
    },
    events: [
      { eventName: 'SIMCARD_CHANGED', daysAgo: 1 },
      { eventName: 'DEVICE_CHANGED', daysAgo: 0.9 },
    ],
  },
  {
    msisdn: '5511999990002',
    description: { 'pt-BR': 'Pedido de portabilidade há 2 dias', en: 'Port-out requested 2 days ago' },
    events: [{ eventName: 'PORTOUT_REQUESTED', daysAgo: 2 }],
  },
  {
    msisdn: '5511999990003',
    description: { 'pt-BR': 'Linha sem nenhum evento', en: 'A line with no events' },
    events: [],
  },
  {
    msisdn: '5521999990004',
    description: {
      'pt-BR': 'Eventos antigos (troca de SIM há 200 dias)',
      en: 'Old events only (SIM swap 200 days ago)',
    },
    events: [
      { eventName: 'SIMCARD_CHANGED', daysAgo: 200 },
      { eventName: 'DEVICE_CHANGED', daysAgo: 410 },
    ],
  },
  {
    msisdn: '5531999990005',
    description: {
      'pt-BR': 'Linha cancelada e número trocado há 5 dias',
      en: 'Line cancelled and number changed 5 days ago',
    },
    events: [
      { eventName: 'MSISDN_CHANGED', daysAgo: 5 },
      { eventName: 'SUBSCRIPTION_CANCELED', daysAgo: 5.2 },
    ],
  },
  {
    msisdn: '5511999990404',
    description: { 'pt-BR': 'Número desconhecido (404)', en: 'Unknown number (404)' },
    status: 404,
  },
  {
    msisdn: '5511999990500',
    description: { 'pt-BR': 'Falha do provedor (500)', en: 'Provider failure (500)' },
    status: 500,
  },
]

export const SCORE_PERSONAS: ScorePersona[] = [
  { cpf: '52998224725', description: { 'pt-BR': 'Score alto (870)', en: 'High score (870)' }, score: 870 },
  {
    cpf: withCheckDigits('111444777'),
    description: { 'pt-BR': 'Score baixo (180)', en: 'Low score (180)' },
    score: 180,
  },
  {
    cpf: withCheckDigits('123456789'),
    description: { 'pt-BR': 'Score como texto numérico ("640")', en: 'Score as a numeric string ("640")' },
    score: '640',
  },
  {
    cpf: withCheckDigits('987654321'),
    description: { 'pt-BR': 'CPF desconhecido (404)', en: 'Unknown CPF (404)' },
    status: 404,
  },
  {
    cpf: withCheckDigits('555666777'),
    description: {
      'pt-BR': 'Resposta sem score (formato inesperado)',
      en: 'Answer without a score (unexpected shape)',
    },
    unexpected: true,
  },
  {
    cpf: withCheckDigits('222333444'),
    description: { 'pt-BR': 'Falha do provedor (500)', en: 'Provider failure (500)' },
    status: 500,
  },
]

const EVENTS_BY_HASH: AlertEventType[] = [
  'DEVICE_CHANGED',
  'SIMCARD_CHANGED',
  'MSISDN_CHANGED',
  'PORTOUT_REQUESTED',
  'SUBSCRIPTION_CANCELED',
]

/** Any other number: 70 % no events, the rest one or two events at stable ages. */
export function derivedAlertEvents(msisdn: string): { eventName: AlertEventType; daysAgo: number }[] {
  const h = digitsHash(msisdn)
  if (h % 10 < 7) return []
  const first = { eventName: EVENTS_BY_HASH[h % 5] ?? 'DEVICE_CHANGED', daysAgo: (h >>> 4) % 400 }
  return h % 10 === 9 ? [first, { eventName: 'DEVICE_CHANGED', daysAgo: (h >>> 12) % 700 }] : [first]
}

export function derivedScore(cpf: string): number {
  return digitsHash(cpf) % 1001
}
