import { randomBytes, randomInt } from 'node:crypto'
import { parseCpf } from '../../../../src-shared/domain/cpf'
import {
  checkSmsTemplate,
  TransactionRequestSchema,
  type TransactionRequest,
  TOKEN_STATE,
  type TokenState,
} from '../../../../src-shared/domain/clearsale'
import { personaFor } from './personas'

/*
 * The Data Trust sandbox's memory: transactions, SMS tokens with their tries (seed 004 "Status": Incorrect up to
 * 3 tries, then Invalid; Expired after the lifetime), the virtual phone inbox, configurations, the webhook target.
 */

export interface InboxMessage {
  to: string
  channel: 'sms' | 'email'
  text: string
  at: string
  transactionId: string
}

interface SmsToken {
  code: string
  issuedAt: number
  tries: number
  state: TokenState
}

export interface StoredTransaction {
  body: Record<string, unknown>
  user: number
  token: SmsToken | null
}

export type FieldErrors = Record<string, string[]>

const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '')

export class DataTrustState {
  readonly transactions = new Map<string, StoredTransaction>()
  readonly inbox: InboxMessage[] = []
  readonly smsConfig = new Map<number, { Text: string; Active: boolean; SmsTypeId: number }>()
  entityConfig: { creationDate: string; conditionalSmsSending: boolean } | null = null
  webhook: { url: string; token: string } | null = null
  smsTokenLifetimeMs = 5 * 60_000
  private seq = 0

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** seed 004 "Requisição com parâmetros inválidos": field → messages. */
  validate(input: unknown): { errors: FieldErrors } | { request: TransactionRequest } {
    const errors: FieldErrors = {}
    const add = (field: string, message: string): void => void (errors[field] ??= []).push(message)
    const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
    if (typeof body['Document'] !== 'string' || !body['Document']) add('Document', 'The Document field is required.')
    else if (!parseCpf(body['Document']).ok) add('Document', 'The field Document is invalid.')
    if (body['DocumentType'] !== 'CPF') add('DocumentType', 'The field DocumentType is invalid.')
    if (body['AreaCode'] && !body['Phone']) add('AreaCode', 'Phone is required because AreaCode has a value.')
    if (body['Phone'] && !body['AreaCode']) add('Phone', 'AreaCode is required because Phone has a value.')
    if (body['Type'] !== 1 && body['Type'] !== 2)
      add('Type', 'The Type field is required (1 - Presencial, 2 - Online).')
    if (body['Type'] === 2 && !body['SessionID']) add('SessionID', 'SessionID is required when Type is 2 (Online).')
    const options = body['SendOption']
    if (Array.isArray(options) && options.includes(1) && !body['Phone'])
      add('SendOption', 'Token SMS (1) requires Phone.')
    if (Array.isArray(options) && options.includes(2) && !body['Email'])
      add('SendOption', 'Token Email (2) requires Email.')
    if (typeof body['Email'] === 'string' && body['Email'] && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body['Email']))
      add('Email', 'The field Email is invalid.')
    const item = (body['AdditionalInformation'] as { Item?: unknown } | undefined)?.Item
    if (typeof item === 'string' && item.length > 30)
      add('AdditionalInformation.Item', 'The field Item must have at most 30 characters.')
    const parsed = TransactionRequestSchema.safeParse(body)
    if (!parsed.success && Object.keys(errors).length === 0)
      for (const issue of parsed.error.issues) add(issue.path.join('.') || 'body', issue.message)
    return Object.keys(errors).length > 0 || !parsed.success ? { errors } : { request: parsed.data }
  }

  create(request: TransactionRequest, user: number): StoredTransaction {
    const id = `DT${String(++this.seq).padStart(6, '0')}${randomBytes(3).toString('hex').toUpperCase()}`
    const now = this.now()
    const persona = personaFor(request.Document)
    const related = (field: 'Phone' | 'Email' | 'ZipCode', present: unknown) =>
      present ? [{ Value: persona.score > 50 ? 3 : 1, RelatedTo: ['Document', field], Timeline: null }] : []
    const phone = request.Phone ? `${request.AreaCode ?? ''}${request.Phone}` : null
    const conditional =
      this.entityConfig?.conditionalSmsSending === true && phone !== null && phone === persona.hotPhone
    const results: Record<string, unknown> = {
      Score: { Value: persona.score, Reason: 'Initial', Date: iso(now), Timeline: [] },
      Validation: { SMSVerification: null, EmailVerification: null, TokenSMS: null, TokenEmail: null },
      Ratings: [
        ...related('Phone', request.Phone),
        ...related('Email', request.Email),
        ...related('ZipCode', request.Address?.ZipCode),
      ],
      Insights: persona.insights.map((i) => ({ ...i, Type: 'consulta' })),
    }
    const stored: StoredTransaction = {
      body: { ID: id, ...request, User: user, CreationDate: iso(now), Results: results },
      user,
      token: null,
    }
    const validation = results['Validation'] as Record<string, unknown>
    const options = request.SendOption ?? []
    if (options.includes(1) && phone) {
      if (conditional) validation['SMSVerification'] = { Sent: null, Replied: null, ConditionalRule: true }
      else {
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
        stored.token = { code, issuedAt: now, tries: 0, state: TOKEN_STATE.waiting }
        validation['TokenSMS'] = { result: TOKEN_STATE.waiting, Date: iso(now) }
        this.inbox.push({
          to: `+55${phone}`,
          channel: 'sms',
          text: `ClearSale: seu código de verificação é ${code}. Não compartilhe.`,
          at: new Date(now).toISOString(),
          transactionId: id,
        })
      }
    }
    // seed 004 "ConditionalRule": true when the SMS was not sent because the phone is the HotPhone.
    if (options.includes(3) && phone && conditional)
      validation['SMSVerification'] = { Sent: null, Replied: null, ConditionalRule: true }
    if (options.includes(3) && phone && !conditional) {
      const template = this.smsConfig.get(2)
      const name = request.AdditionalInformation?.CustomerName ?? 'cliente'
      const text = (template?.Active ? template.Text : 'Olá {primeiro-nome}, você confirma a operação? {respostas}')
        .replaceAll('{primeiro-nome}', name.split(' ')[0] ?? name)
        .replaceAll('{nome}', name)
        .replaceAll('{item}', request.AdditionalInformation?.Item ?? '')
        .replaceAll('{preco}', request.AdditionalInformation?.Price ?? '')
        .replaceAll('{outro}', request.AdditionalInformation?.Other ?? '')
        .replaceAll(
          '{respostas}',
          `Responda grátis: 1 para sim, 2 para não, 3 para não sou ${name.split(' ')[0] ?? name}`,
        )
      validation['SMSVerification'] = { Sent: { Text: text, Date: iso(now) }, Replied: null, ConditionalRule: false }
      this.inbox.push({ to: `+55${phone}`, channel: 'sms', text, at: new Date(now).toISOString(), transactionId: id })
    }
    if (options.includes(2) && request.Email) validation['TokenEmail'] = { result: TOKEN_STATE.waiting, Date: iso(now) }
    if (options.includes(4) && request.Email) {
      const text = 'Olá! Você está realizando uma operação? 1 - SIM, 2 - NÃO'
      validation['EmailVerification'] = { Sent: { Text: text, Date: iso(now) }, Replied: null }
      this.inbox.push({ to: request.Email, channel: 'email', text, at: new Date(now).toISOString(), transactionId: id })
    }
    this.transactions.set(id, stored)
    return stored
  }

  /** seed 004 "Validação": returns the new state, or null for an unknown transaction. */
  validateToken(id: string, code: string): { result: SmsToken['state']; changed: boolean } | null {
    const stored = this.transactions.get(id)
    if (!stored) return null
    const token = stored.token
    if (!token) return { result: TOKEN_STATE.invalid, changed: false }
    const before = token.state
    if (token.state === TOKEN_STATE.waiting || token.state === TOKEN_STATE.incorrect) {
      if (this.now() - token.issuedAt > this.smsTokenLifetimeMs) token.state = TOKEN_STATE.expired
      else if (code === token.code) token.state = TOKEN_STATE.valid
      else token.state = ++token.tries >= 3 ? TOKEN_STATE.invalid : TOKEN_STATE.incorrect
    }
    const results = stored.body['Results'] as Record<string, Record<string, unknown>>
    const validation = results['Validation'] ?? {}
    validation['TokenSMS'] = { result: token.state, Date: iso(this.now()) }
    if (token.state === TOKEN_STATE.valid && before !== TOKEN_STATE.valid) {
      const score = results['Score'] as { Value: number; Reason: string; Date: string; Timeline: unknown[] }
      score.Timeline = [{ Value: score.Value, Reason: score.Reason, Date: score.Date }, ...score.Timeline]
      score.Value = Math.min(99.99, Math.round((score.Value + 25) * 100) / 100)
      score.Reason = 'Confirmação do TokenSMS'
      score.Date = iso(this.now())
      ;(results['Insights'] as unknown as unknown[]).unshift({
        Code: 'TKS001',
        Description: 'Token SMS confirmado pelo titular do celular.',
        Type: 'retorno',
        Category: 'validação',
        Relevance: 'Positivo',
        RelatedTo: ['Document', 'Phone'],
      })
    }
    return { result: token.state, changed: token.state !== before && token.state !== TOKEN_STATE.incorrect }
  }

  /**
   * The customer answering a 2nd-factor message (SMS, TypeId 4) or clicking the e-mail token (TypeId 2/8): the
   * sandbox's stand-in for what the real customer does. Returns the webhook TypeId, or null when nothing applies.
   */
  customerReplies(id: string, channel: 'sms' | 'email', text: string): { typeId: number; description: string } | null {
    const stored = this.transactions.get(id)
    const validation = (stored?.body['Results'] as { Validation?: Record<string, unknown> } | undefined)?.Validation
    if (!validation) return null
    const replied = { Text: text, Date: iso(this.now()) }
    if (channel === 'sms' && validation['SMSVerification']) {
      ;(validation['SMSVerification'] as Record<string, unknown>)['Replied'] = replied
      return { typeId: 4, description: `2FA SMS respondido: ${text}` }
    }
    if (channel === 'email' && validation['EmailVerification']) {
      ;(validation['EmailVerification'] as Record<string, unknown>)['Replied'] = replied
      return { typeId: 8, description: `2FA Email respondido: ${text}` }
    }
    if (channel === 'email' && validation['TokenEmail']) {
      validation['TokenEmail'] = { result: TOKEN_STATE.valid, Date: iso(this.now()) }
      return { typeId: 2, description: 'Token Email: Valid' }
    }
    return null
  }

  configureSms(body: unknown): FieldErrors | null {
    const b = (typeof body === 'object' && body !== null ? body : {}) as {
      Text?: unknown
      Active?: unknown
      SmsTypeId?: unknown
    }
    const errors: FieldErrors = {}
    const typeId = Number(b.SmsTypeId)
    if (![2, 3, 4].includes(typeId)) errors['SmsTypeId'] = ['The SmsTypeId field is required (2, 3 or 4).']
    if (typeof b.Text !== 'string' || b.Text.trim() === '') errors['Text'] = ['The Text field is required.']
    else {
      const check = checkSmsTemplate(b.Text, typeId)
      if (check.problems.includes('too_long'))
        errors['Text'] = ['O texto configurado para o SMS ultrapassa o limite de 160 caracteres']
      if (check.unknownKeys.length)
        (errors['Text'] ??= []).push(`Chave(s) desconhecida(s): ${check.unknownKeys.join(', ')}`)
      if (check.missingRespostas) (errors['Text'] ??= []).push('A chave {respostas} é obrigatória.')
    }
    if (Object.keys(errors).length) return errors
    this.smsConfig.set(typeId, { Text: b.Text as string, Active: b.Active !== false, SmsTypeId: typeId })
    return null
  }
}
