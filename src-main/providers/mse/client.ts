/* MSE's wire (seed 003 §6.3–6.4): a service call as the HTTP request MSE takes — GET query or POST form. */

import type { MseMode, ServiceSpec } from '../../../src-shared/domain/mse-services'

/** A URL longer than this goes as a POST form instead (seed 003 §6.4.6: "recomendado o método HTTP POST"). */
export const MAX_GET_URL = 2000

/** The query or form sent, with `pwd` masked, for the user to see. */
export function sentForm(request: MseWireRequest): { method: 'GET' | 'POST'; form: string } {
  const form = new URLSearchParams(request.method === 'GET' ? (request.url.split('?')[1] ?? '') : (request.body ?? ''))
  if (form.has('pwd')) form.set('pwd', '•••')
  return { method: request.method, form: form.toString().replace('pwd=%E2%80%A2%E2%80%A2%E2%80%A2', 'pwd=•••') }
}

export interface MseWireRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
}

/**
 * seed 003 §6.1–6.2: control parameters in lower case (`profile`, `pwd`, `mode`, `billingCode`), service
 * parameters in upper case, form-encoded (UTF-8). GET for short requests, POST form body for long ones.
 */
export function buildRequest(
  apiUrl: string,
  control: { profile: string; password: string; mode: MseMode; billingCode?: string | undefined },
  service: ServiceSpec,
  params: Record<string, string>,
): MseWireRequest {
  const form = new URLSearchParams({ profile: control.profile, pwd: control.password, mode: control.mode })
  if (control.billingCode) form.set('billingCode', control.billingCode)
  for (const spec of service.inputs) {
    const value = params[spec.name]
    if (value !== undefined && value !== '') form.set(spec.name, value)
  }
  const query = form.toString()
  if (!service.alwaysPost && apiUrl.length + 1 + query.length <= MAX_GET_URL)
    return { method: 'GET', url: `${apiUrl}?${query}`, headers: {} }
  return {
    method: 'POST',
    url: apiUrl,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: query,
  }
}
