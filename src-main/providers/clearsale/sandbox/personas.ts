import { digitsHash, type PersonaText } from '../../../infra/sandbox/personas'

/*
 * Data Trust sandbox personas (by CPF). Any other valid CPF gets a stable profile derived from its digits.
 * Scores are 0–100 with decimals, as in seed 004's examples.
 */

export interface InsightSeed {
  Code: string
  Description: string
  Relevance: 'Positivo' | 'Neutro' | 'Alerta'
  Category: string
  RelatedTo: string[]
}

export interface DataTrustPersona {
  cpf: string
  description: PersonaText
  score: number
  insights: InsightSeed[]
  /** The phone ClearSale already knows for this person (conditional SMS skips it). */
  hotPhone?: string
}

const POSITIVE_CPF: InsightSeed = {
  Code: 'GER2151',
  Description: 'CPF com incidência de compras positivas',
  Relevance: 'Positivo',
  Category: 'Característica CPF',
  RelatedTo: ['Document'],
}
const PHONE_SEEN: InsightSeed = {
  Code: 'TEL001',
  Description: 'O celular informado foi visto nos últimos 3 meses.',
  Relevance: 'Positivo',
  Category: 'fraude',
  RelatedTo: ['Document', 'Phone'],
}
const ADDRESS_OTHER: InsightSeed = {
  Code: 'END002',
  Description: 'O endereço informado não pertence à pessoa.',
  Relevance: 'Neutro',
  Category: 'fraude',
  RelatedTo: ['Document', 'ZipCode'],
}
const DEVICE_FRAUD: InsightSeed = {
  Code: 'DEV017',
  Description: 'O device informado foi visto em transações com fraude confirmada.',
  Relevance: 'Alerta',
  Category: 'fraude',
  RelatedTo: ['Device'],
}
const EMAIL_NEW: InsightSeed = {
  Code: 'EML004',
  Description: 'E-mail criado há menos de 7 dias.',
  Relevance: 'Alerta',
  Category: 'fraude',
  RelatedTo: ['Document', 'Email'],
}

export const DATATRUST_PERSONAS: DataTrustPersona[] = [
  {
    cpf: '52998224725',
    description: {
      'pt-BR': 'Identidade confiável (score 91,5); HotPhone 11 98888-7777',
      en: 'Trusted identity (score 91.5); HotPhone 11 98888-7777',
    },
    score: 91.5,
    insights: [POSITIVE_CPF, PHONE_SEEN],
    hotPhone: '11988887777',
  },
  {
    cpf: '11144477735',
    description: {
      'pt-BR': 'Identidade suspeita (score 12,4) com insights "Alerta"',
      en: 'Suspicious identity (score 12.4) with "Alerta" insights',
    },
    score: 12.4,
    insights: [DEVICE_FRAUD, EMAIL_NEW, ADDRESS_OTHER],
  },
]

export function personaFor(cpf: string): DataTrustPersona {
  const known = DATATRUST_PERSONAS.find((p) => p.cpf === cpf)
  if (known) return known
  const h = digitsHash(`dt${cpf}`)
  const score = Math.round(((h % 10_000) / 100) * 100) / 100
  const insights = score < 25 ? [EMAIL_NEW, ADDRESS_OTHER] : score < 60 ? [ADDRESS_OTHER] : [POSITIVE_CPF]
  return { cpf, description: { 'pt-BR': 'derivado', en: 'derived' }, score, insights }
}
