import { parseImei } from './imei'
import type { ParamSpec, ServiceSpec } from './mse-services'

/* seed 003 §6.4: input checks made before anything is sent (also live in the forms). */

export interface ParamProblem {
  param: string
  problem: 'required' | 'too_long' | 'ctn_format' | 'imei' | 'not_integer' | 'amount' | 'not_hex' | 'value' | 'exactly_one' | 'unknown'
  /** The allowed values or limit, when that helps. */
  detail?: string
}

function checkValue(spec: ParamSpec, value: string): ParamProblem | null {
  const p = spec.name
  switch (spec.kind) {
    case 'text160':
      return [...value].length > 160 ? { param: p, problem: 'too_long', detail: '160' } : null
    case 'hex':
      return /^[0-9A-Fa-f]+$/.test(value) ? null : { param: p, problem: 'not_hex' }
    case 'ctn':
      return /^\d{10}$/.test(value) ? null : { param: p, problem: 'ctn_format' }
    case 'imei':
      return parseImei(value).ok ? null : { param: p, problem: 'imei' }
    case 'int':
      return /^-?\d+$/.test(value) ? null : { param: p, problem: 'not_integer' }
    case 'amount':
      return /^\d{1,6}$/.test(value) ? null : { param: p, problem: 'amount' }
    default:
      return spec.values && !spec.values.includes(value) ? { param: p, problem: 'value', detail: spec.values.join(', ') } : null
  }
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
  if (service.exactlyOneOf && service.exactlyOneOf.filter((n) => params[n]).length !== 1) {
    problems.push({ param: service.exactlyOneOf.join('|'), problem: 'exactly_one' })
  }
  return problems
}

