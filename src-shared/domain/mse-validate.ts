import { parseImei } from './imei'
import type { ParamSpec, ServiceSpec } from './mse-services'

/* seed 003 §6.4: input checks made before anything is sent (also live in the forms). */

export interface ParamProblem {
  param: string
  problem:
    | 'required'
    | 'too_long'
    | 'ctn_format'
    | 'imei'
    | 'not_integer'
    | 'amount'
    | 'not_hex'
    | 'value'
    | 'exactly_one'
    | 'unknown'
    | 'valperiod'
    | 'too_many_bytes'
  /** The allowed values or limit, when that helps. */
  detail?: string
}

function checkValue(spec: ParamSpec, value: string): ParamProblem | null {
  const p = spec.name
  switch (spec.kind) {
    case 'text160':
      return [...value].length > 160 ? { param: p, problem: 'too_long', detail: '160' } : null
    case 'hex':
      if (!/^[0-9A-Fa-f]+$/.test(value)) return { param: p, problem: 'not_hex' }
      return value.length > 160 ? { param: p, problem: 'too_long', detail: '160' } : null
    case 'valperiod':
      return validValperiod(value) ? null : { param: p, problem: 'valperiod' }
    case 'ctn':
      // seed 003: "Formato de 10 dígitos", yet its own examples send 11 (CTN=11700000000): today's mobiles are 11.
      return /^\d{10,11}$/.test(value) ? null : { param: p, problem: 'ctn_format' }
    case 'imei':
      // seed 003 §6.4.14/§6.4.16: MSE itself reports IMEIs with the check digit always 0 (its own example
      // 352206012229520): such an IMEI is accepted as MSE writes it; any other wrong check digit is refused.
      return parseImei(value, { allowZeroCheckDigit: true }).ok ? null : { param: p, problem: 'imei' }
    case 'int':
      return /^-?\d+$/.test(value) ? null : { param: p, problem: 'not_integer' }
    case 'amount':
      return /^\d{1,6}$/.test(value) ? null : { param: p, problem: 'amount' }
    default:
      return spec.values && !spec.values.includes(value)
        ? { param: p, problem: 'value', detail: spec.values.join(', ') }
        : null
  }
}

/**
 * §6.4.1 VALPERIOD: absolute `yyyymmddhhmm` (a real date), or SMPP 3.4 relative `yyMMddhhmmss000R` counted in whole
 * minutes ("diferença mínima medida em minutos") and at least one minute — the seed's example 000000001500000R.
 */
export function validValperiod(value: string): boolean {
  if (/^\d{12}$/.test(value)) {
    const [y, mo, d, h, mi] = [
      value.slice(0, 4),
      value.slice(4, 6),
      value.slice(6, 8),
      value.slice(8, 10),
      value.slice(10, 12),
    ].map(Number) as [number, number, number, number, number]
    const at = new Date(Date.UTC(y, mo - 1, d, h, mi))
    return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && h < 24 && mi < 60
  }
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})000R$/.exec(value)
  if (!m) return false
  const [, , , , hh, mm, ss] = m.map(Number) as number[]
  return ss === 0 && (hh ?? 0) < 24 && (mm ?? 0) < 60 && !/^0{10}/.test(value.slice(0, 10))
}

/** UTF-8 bytes of a text, without a DOM or Node API. */
function utf8Bytes(text: string): number {
  let n = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

/** Every problem with the parameters, before anything is sent. Unknown names are refused, not forwarded. */
export function validateParams(service: ServiceSpec, params: Record<string, string>): ParamProblem[] {
  const problems: ParamProblem[] = []
  const known = new Map(service.inputs.map((s) => [s.name, s]))
  for (const name of Object.keys(params)) if (!known.has(name)) problems.push({ param: name, problem: 'unknown' })
  for (const spec of service.inputs) {
    const value = params[spec.name]
    if (value === undefined || value === '') {
      if (spec.required) problems.push({ param: spec.name, problem: 'required' })
      continue
    }
    const problem = checkValue(spec, value)
    if (problem) problems.push(problem)
  }
  if (service.bytesLimit) {
    const { params: names, overhead, max } = service.bytesLimit
    const bytes = overhead + names.reduce((sum, n) => sum + utf8Bytes(params[n] ?? ''), 0)
    if (bytes > max)
      problems.push({ param: names[0] ?? 'TEXT', problem: 'too_many_bytes', detail: `${bytes} > ${max}` })
  }
  if (service.exactlyOneOf && service.exactlyOneOf.filter((n) => params[n]).length !== 1) {
    problems.push({ param: service.exactlyOneOf.join('|'), problem: 'exactly_one' })
  }
  return problems
}

/**
 * A CTN/MSISDN typed with punctuation or the country code (`+55 (11) 99999-0001`), as the digits MSE takes: DDD +
 * number, 10 digits for the seed's numbers, 11 for today's mobiles (as the seed's own examples send); anything else
 * as it came.
 */
export function normaliseCtn(raw: string): string {
  if (!/^[\d\s()+\-.]+$/.test(raw)) return raw
  const digits = raw.replace(/\D/g, '')
  return (digits.length === 12 || digits.length === 13) && digits.startsWith('55') ? digits.slice(2) : digits
}

/**
 * Numbers typed as people type them are accepted: "(11) 9100-0000" and "+55 11 9100-0000" become the seed's
 * 10-digit CTN "1191000000"; an IMEI written "49-015420-323751-8" becomes its 15 digits.
 */
export function normaliseParams(service: ServiceSpec, params: Record<string, string>): Record<string, string> {
  const kinds = new Map(service.inputs.map((s) => [s.name, s.kind]))
  const out: Record<string, string> = {}
  for (const [name, raw] of Object.entries(params)) {
    const kind = kinds.get(name)
    if (kind === 'ctn') out[name] = normaliseCtn(raw)
    else if (kind === 'imei' && /^[\d\s\-/]+$/.test(raw)) out[name] = raw.replace(/\D/g, '')
    else if (kind === 'int' || kind === 'amount') out[name] = raw.trim()
    else out[name] = raw
  }
  return out
}

/**
 * seed 003 §6.4.23: fields GERAR_PROTOCOLO needs only in some situations. Reported as warnings, not refused:
 * the seed's own example (SITUACAO=PROCEDENTE without TIPO_RETORNO) would break the rule.
 */
export function conditionalWarnings(
  service: ServiceSpec,
  params: Record<string, string>,
): { param: string; when: string }[] {
  if (service.name !== 'GERAR_PROTOCOLO') return []
  const missing = (name: string): boolean => !params[name]
  const out: { param: string; when: string }[] = []
  const situation = params['SITUACAO']
  if (situation === 'ABERTO')
    for (const p of ['TELEFONE_CONTATO', 'NOME_CONTATO'])
      if (missing(p)) out.push({ param: p, when: 'SITUACAO=ABERTO' })
  if (situation === 'PROCEDENTE' || situation === 'FECHADO')
    for (const p of ['TIPO_RETORNO', 'CONCLUSAO_TIPO_ID'])
      if (missing(p)) out.push({ param: p, when: `SITUACAO=${situation}` })
  if (/^E[-_]?MAIL$/i.test(params['TIPO_RETORNO'] ?? '') && missing('EMAIL_CONTATO'))
    out.push({ param: 'EMAIL_CONTATO', when: 'TIPO_RETORNO=E_MAIL' })
  return out
}
