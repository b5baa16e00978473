/** seed 003 §6.2 spells the modes `assync-*` and elsewhere `async-*`: both accepted, `async-*` sent (seeds/README.md). */
const MSE_MODES = ['async-oneway', 'async-delivery', 'sync'] as const
export type MseMode = (typeof MSE_MODES)[number]

export function normaliseMode(input: string): MseMode | null {
  const mode = input
    .trim()
    .toLowerCase()
    .replace(/^assync-/, 'async-')
  return (MSE_MODES as readonly string[]).includes(mode) ? (mode as MseMode) : null
}

/*
 * seed 003 §6.4: one declaration per service the partner API offers (the USSD ones belong to the consoles issue,
 * DELIVERY_SMS/DELIVERY_MMS/WIB_MO are MSE → partner deliveries, not requests). Each gives its input parameters
 * (kind, required, limits), its output parameters, the modes it accepts, and how it travels.
 */

export type ParamKind =
  | 'text160' // TEXT: ≤ 160 characters
  | 'hex' // ring tones as hexadecimal text, ≤ 160 characters (§6.4.3–4)
  | 'valperiod' // §6.4.1: yyyymmddhhmm (absolute) or SMPP 3.4 relative yyMMddhhmmss000R
  | 'ctn' // "Formato de 10 dígitos. Ex: 1191000000" — 11 accepted too: the seed's examples send CTN=11700000000
  | 'imei' // 15 digits, Luhn
  | 'int'
  | 'amount' // AMOUNT: centavos, ≤ 6 digits
  | 'list' // values separated by ";"
  | 'free'

export interface ParamSpec {
  name: string
  kind: ParamKind
  required: boolean
  /** Allowed values, when the seed lists them. */
  values?: readonly string[]
}

export interface ServiceSpec {
  name: string
  section: string
  inputs: ParamSpec[]
  outputs: string[]
  modes: readonly MseMode[]
  /** Large bodies (MMS, WML) always go as a POST form; others as GET unless the URL would be too long. */
  alwaysPost?: boolean
  /** "Só é possível utilizar um parâmetro por vez, ou CATEGORIA ou OFFERS". */
  exactlyOneOf?: readonly string[]
  /** Charges the subscriber: the UI asks for explicit confirmation and nothing retries it. */
  charges?: boolean
  /** §6.4.13: what travels to the handset must fit in this many bytes (these params plus the protocol's headers). */
  bytesLimit?: { params: readonly string[]; overhead: number; max: number }
}

/**
 * §6.4.13 "não podendo ultrapassar o limite de 5 mensagens SMS de 140 bytes cada", WAP headers included. The seed does
 * not give the headers' size: a Service Indication's WSP headers and tokens take about 40 bytes (assumption).
 */
const WAP_PUSH_BYTES = { max: 5 * 140, overhead: 40 }

const ASYNC: readonly MseMode[] = ['async-oneway', 'async-delivery']
const ALL: readonly MseMode[] = ['async-oneway', 'async-delivery', 'sync']
const SYNC: readonly MseMode[] = ['sync']
const DELIVERY: readonly MseMode[] = ['async-delivery']
const req = (name: string, kind: ParamKind = 'free'): ParamSpec => ({ name, kind, required: true })
const opt = (name: string, kind: ParamKind = 'free'): ParamSpec => ({ name, kind, required: false })

const SMS_OUT = ['ANUM', 'BNUM', 'INITIALDATE', 'FINALDATE', 'SMPP_COMMAND_STATUS', 'SMPP_MESSAGE_STATUS', 'MSGSTATUS']
const SMS_IN = [req('TEXT', 'text160'), req('BNUM', 'ctn'), opt('ANUM'), opt('VALPERIOD', 'valperiod')]
const LBS_OUT = ['LATITUDE', 'LONGITUDE', 'AZIMUTE', 'RADIUS']
const IMEI_OUT = ['IMEI', 'MODELMANUFACTURER', 'MODELNAME', 'TAC']

/** seed 003 §6.4.23: GERAR_PROTOCOLO's long optional list, grouped in the form. */
export const PROTOCOL_OPTIONAL = [
  'NUMERO_PROTOCOLO',
  'MOTIVO_03',
  'MOTIVO_04',
  'MOTIVO_05',
  'DT_INIT_INTERACAO',
  'CONTEXTO',
  'NUMERO_PROTOCOLO_PAI',
  'IND_USUARIO_AUTENT',
  'DT_HORA_AUTENT',
  'MOTIVO_AUTENT',
  'COD_OPER_ORIGEM',
  'COD_APLICACAO_ORIGEM',
  'CANAL_ENTRADA_ID',
  'RESUMO',
  'MEMO',
  'PREFIXO',
  'LOGRADOURO',
  'NUMERO',
  'COMPLEMENTO',
  'BAIRRO',
  'CIDADE',
  'UF',
  'CEP',
  'TELEFONE_CONTATO',
  'EMAIL_CONTATO',
  'NOME_CONTATO',
  'TIPO_RETORNO',
  'INTERACTION_ID',
  'CONCLUSAO_TIPO_ID',
  'SURVEY_ID',
  'SURVEY_DT_EFETIVA',
  'SURVEY_PERGUNTA_ID',
  'SURVEY_RESPOSTA_ID',
  'SURVEY_RESPOSTA_TEXT',
  'SURVEY_RESP_COMENT',
  'TEXT_COMPLEMENTO_SMS',
  'PRIORIDADE_SMS',
  'ID_USUARIO_AUTENT',
] as const

const list: ServiceSpec[] = [
  { name: 'SMS_TEXT', section: '6.4.1', inputs: SMS_IN, outputs: SMS_OUT, modes: ASYNC },
  {
    name: 'SMS_EMS',
    section: '6.4.2',
    inputs: [...SMS_IN, opt('DATACODING', 'int'), opt('DESTPORT', 'int'), opt('ESMCLASS', 'int'), opt('PID', 'int')],
    outputs: SMS_OUT,
    modes: ASYNC,
  },
  {
    name: 'SMS_HEX_RING',
    section: '6.4.3',
    inputs: [req('TEXT', 'hex'), req('BNUM', 'ctn'), opt('ANUM'), opt('VALPERIOD', 'valperiod')],
    outputs: SMS_OUT,
    modes: ASYNC,
  },
  {
    name: 'SMS_HEX_RING_UDH',
    section: '6.4.4',
    inputs: [req('TEXT', 'hex'), req('BNUM', 'ctn'), opt('ANUM'), opt('VALPERIOD', 'valperiod')],
    outputs: SMS_OUT,
    modes: ASYNC,
  },
  {
    name: 'MMS_MT',
    section: '6.4.6',
    inputs: [req('MMS'), req('CTN', 'ctn')],
    outputs: [],
    modes: ASYNC,
    alwaysPost: true,
  },
  // §6.4.8: answered synchronously.
  {
    name: 'EAI_CHECK_CREDIT',
    section: '6.4.8',
    inputs: [req('CTN', 'ctn'), req('AMOUNT', 'amount')],
    outputs: ['IS_PREPAID', 'HAS_CREDIT', 'TECNOLOGY'],
    modes: SYNC,
  },
  {
    name: 'SYS_CHARGE_SUBSCRIB',
    section: '6.4.9',
    inputs: [req('CTN', 'ctn')],
    outputs: [],
    modes: ALL,
    charges: true,
  },
  {
    name: 'LBS_TRANSLATOR',
    section: '6.4.10',
    inputs: [req('MCC', 'int'), req('MNC', 'int'), req('LAC', 'int'), req('CELLID', 'int')],
    outputs: LBS_OUT,
    modes: ALL,
  },
  { name: 'LBS_TRANSLATOR_BYTES', section: '6.4.11', inputs: [req('CGIBYTES')], outputs: LBS_OUT, modes: ALL },
  // §6.4.12 "O acesso ao serviço é exclusivamente pelo modo assíncrono assync-delivery".
  { name: 'LBS_TORPEDO', section: '6.4.12', inputs: [req('CTN', 'ctn')], outputs: LBS_OUT, modes: DELIVERY },
  {
    name: 'SMS_WAP_PUSH',
    section: '6.4.13',
    inputs: [req('TEXT'), req('BNUM', 'ctn'), req('URL'), opt('VALPERIOD', 'valperiod')],
    outputs: [],
    modes: ASYNC,
    bytesLimit: { params: ['TEXT', 'URL'], ...WAP_PUSH_BYTES },
  },
  // §6.4.15: synchronous and asynchronous.
  {
    name: 'WIB_PUSH',
    section: '6.4.15',
    inputs: [req('WML'), req('MSISDN', 'ctn')],
    outputs: [],
    modes: ALL,
    alwaysPost: true,
  },
  { name: 'IMEI_TRANSLATOR', section: '6.4.16', inputs: [req('IMEI', 'imei')], outputs: IMEI_OUT, modes: ALL },
  // §6.4.17: like LBS_TORPEDO, answered only in async-delivery (the handset is paged).
  { name: 'IMEI_TORPEDO', section: '6.4.17', inputs: [req('CTN', 'ctn')], outputs: IMEI_OUT, modes: DELIVERY },
  {
    name: 'SYS_CTN_INFO',
    section: '6.4.17',
    inputs: [req('CTN', 'ctn')],
    outputs: ['SUBSCRIBER_TYPE', 'TECNOLOGY', 'STATUS'],
    modes: ALL,
  },
  {
    name: 'SYS_CTN_INFO_TYPE',
    section: '6.4.17',
    inputs: [req('CTN', 'ctn')],
    outputs: ['SUBSCRIBER_TYPE', 'TECNOLOGY', 'STATUS', 'CUSTOMER_TYPE'],
    modes: ALL,
  },
  {
    name: 'OFFER_INSERT',
    section: '6.4.23',
    inputs: [req('CTN', 'ctn'), opt('CATEGORIA', 'list'), opt('OFFERS', 'list')],
    outputs: [],
    modes: SYNC,
    exactlyOneOf: ['CATEGORIA', 'OFFERS'],
  },
  {
    name: 'OFFER_DELETE',
    section: '6.4.23',
    inputs: [req('CTN', 'ctn'), opt('CATEGORIA', 'list'), opt('OFFERS', 'list')],
    outputs: [],
    modes: SYNC,
    exactlyOneOf: ['CATEGORIA', 'OFFERS'],
  },
  {
    name: 'GERAR_PROTOCOLO',
    section: '6.4.23',
    inputs: [
      req('MSISDN', 'ctn'),
      { name: 'SITUACAO', kind: 'free', required: true, values: ['ABERTO', 'FECHADO', 'PROCEDENTE'] },
      req('MOTIVO_01'),
      req('MOTIVO_02'),
      req('METODO_CONTATO'),
      ...PROTOCOL_OPTIONAL.map((name) => opt(name)),
    ],
    outputs: ['NUMERO_PROTOCOLO'],
    modes: SYNC,
  },
]

export const MSE_SERVICES: ReadonlyMap<string, ServiceSpec> = new Map(list.map((s) => [s.name, s]))
export const MSE_SERVICE_NAMES = list.map((s) => s.name)

/** The mode a form or the CLI starts with: sync where the service answers at once, else the first it accepts. */
export function defaultMode(service: ServiceSpec): MseMode {
  return service.modes.includes('sync') ? 'sync' : (service.modes[0] ?? 'async-oneway')
}
