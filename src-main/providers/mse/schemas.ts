import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { z } from 'zod'

/*
 * seed 003 §6.5: every MSE answer (and every async-delivery receipt) is an `mse-response` document:
 *   <!ELEMENT mse-response (status-code?, profile, transaction-id?, error-message?, parameters?)>
 *   <!ELEMENT parameters (param-item+)>  <!ELEMENT param-item (param-name, param-value)>
 * Parsed into {statusCode, profile, transactionId, errorMessage?, parameters}. Anything else is reported with
 * the raw text kept; oddities the seed itself shows (the `>>false` of the EAI example) are read and reported.
 */

export interface MseResponse {
  statusCode: number
  profile: string
  transactionId: string | null
  errorMessage?: string
  parameters: Record<string, string>
  /** Things read but not as the DTD says, for the user to see (never silently "fixed"). */
  warnings: string[]
}

export type MseParseResult = { ok: true; response: MseResponse } | { ok: false; reason: string; raw: string }

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false, // keep every value as the text sent: "0608151207" must not become a number
  trimValues: true,
  isArray: (name) => name === 'param-item',
  processEntities: true,
})

const text = z.union([z.string(), z.number()]).transform(String)
const ItemSchema = z.object({ 'param-name': text, 'param-value': z.union([text, z.literal('')]).optional() })
const DocumentSchema = z.object({
  'mse-response': z.object({
    'status-code': text.optional(),
    profile: text,
    'transaction-id': text.optional(),
    'error-message': text.optional(),
    parameters: z.union([z.object({ 'param-item': z.array(ItemSchema) }), z.literal('')]).optional(),
  }),
})

export function parseMseResponse(raw: string): MseParseResult {
  const xml = raw.replace(/^\uFEFF/, '').trim()
  if (xml === '') return { ok: false, reason: 'empty answer', raw }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { ok: false, reason: `malformed XML (line ${valid.err.line}): ${valid.err.msg}`, raw }
  let doc: unknown
  try {
    doc = parser.parse(xml)
  } catch (error) {
    return { ok: false, reason: `malformed XML: ${(error as Error).message}`, raw }
  }
  const checked = DocumentSchema.safeParse(doc)
  if (!checked.success) {
    const root =
      typeof doc === 'object' && doc !== null && 'mse-response' in doc
        ? 'mse-response without <profile>'
        : 'not an <mse-response> document'
    return { ok: false, reason: root, raw }
  }
  const r = checked.data['mse-response']
  const warnings: string[] = []
  const status = r['status-code']
  // seed 003 §6.5.2: the status code is "sempre presente" — an answer without it is unexpected, never a success
  // (the DTD's `status-code?` notwithstanding).
  if (status === undefined)
    return { ok: false, reason: '<status-code> ausente / missing (seed 003 §6.5.2: sempre presente)', raw }
  if (!/^-?\d+$/.test(status))
    return { ok: false, reason: `<status-code> is not a number: "${status.slice(0, 40)}"`, raw }
  const parameters: Record<string, string> = {}
  for (const item of r.parameters === '' || r.parameters === undefined ? [] : r.parameters['param-item']) {
    let value = item['param-value'] ?? ''
    // seed 003 §6.4.8 shows `<param-value>>false</param-value>`: a stray '>' before the value.
    if (value.startsWith('>')) {
      warnings.push(`${item['param-name']}: valor com ">" extra ("${value}") lido como "${value.replace(/^>+/, '')}"`)
      value = value.replace(/^>+/, '')
    }
    if (item['param-name'] in parameters) warnings.push(`${item['param-name']}: repetido / repeated; last value kept`)
    parameters[item['param-name']] = value
  }
  return {
    ok: true,
    response: {
      statusCode: Number(status),
      profile: r.profile,
      transactionId: r['transaction-id'] ?? null,
      ...(r['error-message'] === undefined ? {} : { errorMessage: r['error-message'] }),
      parameters,
      warnings,
    },
  }
}
