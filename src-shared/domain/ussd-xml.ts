import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser'
import type { UssdCommand, UssdOption } from './ussd'

/*
 * The USSD documents of seed 003: `ussd_message_request` (partner → MSE at /MSE/ussd, §6.4.18–20: head + command)
 * and `ussd_message_response` (MSE → partner, §6.4.21–23: head + user_init | index | input). The partner answers
 * the latter with a command ("a resposta do parceiro deverá ser um comando!"): a whole `ussd_message_request` or a
 * bare `<command>` document are both read.
 */

export interface UssdHead {
  profile: string
  password: string
  msisdn: string
  short_code: string
  /** §6.4.18: "O modo de execução ASSÍNCRONO (mode=assync) é recomendado"; the example sends `async`. */
  mode: string
  session_owner?: string
  billingcode?: string
  ctn_billing?: string
  content_description?: string
  transaction_info?: string
}

export type UssdUserResponse = { user_init: '1' } | { index: string } | { input: string }

export interface UssdSessionHead {
  msisdn: string
  short_code: string
  session_owner?: string
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true })
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'option',
})
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

function commandNode(command: UssdCommand): Record<string, unknown> {
  if (command.kind === 'menu')
    return {
      menu: {
        ...(command.title ? { title: command.title } : {}),
        options: { option: command.options.map((o) => ({ index: o.index, subtitle: o.subtitle })) },
      },
    }
  return { [command.kind]: { content: command.content } }
}

export function buildUssdRequest(head: UssdHead, command: UssdCommand): string {
  const cleanHead = Object.fromEntries(Object.entries(head).filter(([, v]) => v !== undefined && v !== ''))
  return (
    DECLARATION + String(builder.build({ ussd_message_request: { head: cleanHead, command: commandNode(command) } }))
  )
}

export function buildUssdResponse(head: UssdSessionHead, response: UssdUserResponse): string {
  const cleanHead = Object.fromEntries(Object.entries(head).filter(([, v]) => v !== undefined && v !== ''))
  return DECLARATION + String(builder.build({ ussd_message_response: { head: cleanHead, response } }))
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

function parseDocument(xml: string): Parsed<Record<string, unknown>> {
  const body = xml.replace(/^\uFEFF/, '').trim()
  if (body === '') return { ok: false, reason: 'empty document' }
  const valid = XMLValidator.validate(body)
  if (valid !== true) return { ok: false, reason: `malformed XML (line ${valid.err.line}): ${valid.err.msg}` }
  return { ok: true, value: parser.parse(body) as Record<string, unknown> }
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')
const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null

function readCommand(node: Record<string, unknown> | null): Parsed<UssdCommand> {
  if (!node) return { ok: false, reason: 'no <command>' }
  const menu = obj(node['menu'])
  if (menu || node['menu'] === '') {
    const options = (obj(menu?.['options'])?.['option'] as unknown[] | undefined) ?? []
    return {
      ok: true,
      value: {
        kind: 'menu',
        title: str(menu?.['title']),
        options: options.map((o): UssdOption => ({
          index: str(obj(o)?.['index']),
          subtitle: str(obj(o)?.['subtitle']),
        })),
      },
    }
  }
  for (const kind of ['input', 'notify'] as const) {
    if (kind in node) return { ok: true, value: { kind, content: str(obj(node[kind])?.['content']) } }
  }
  return { ok: false, reason: '<command> has no <menu>, <input> or <notify>' }
}

/** A partner's `ussd_message_request` (what /MSE/ussd receives, what `sentinela ussd preview` reads). */
export function parseUssdRequest(xml: string): Parsed<{ head: Partial<UssdHead>; command: UssdCommand }> {
  const doc = parseDocument(xml)
  if (!doc.ok) return doc
  const root = obj(doc.value['ussd_message_request'])
  if (!root) return { ok: false, reason: 'not a <ussd_message_request> document' }
  const command = readCommand(obj(root['command']))
  if (!command.ok) return command
  const head = Object.fromEntries(
    Object.entries(obj(root['head']) ?? {}).map(([k, v]) => [k, str(v)]),
  ) as Partial<UssdHead>
  return { ok: true, value: { head, command: command.value } }
}

/** What a partner application answers MSE: a command (in a whole request document or a bare `<command>`). */
export function parseUssdCommand(xml: string): Parsed<UssdCommand> {
  const doc = parseDocument(xml)
  if (!doc.ok) return doc
  const root = obj(doc.value['ussd_message_request'])
  return readCommand(root ? obj(root['command']) : obj(doc.value['command']))
}

/** MSE's `ussd_message_response` (§6.4.21–23), as the partner receives it. */
export function parseUssdResponse(xml: string): Parsed<{ head: UssdSessionHead; response: UssdUserResponse }> {
  const doc = parseDocument(xml)
  if (!doc.ok) return doc
  const root = obj(doc.value['ussd_message_response'])
  if (!root) return { ok: false, reason: 'not a <ussd_message_response> document' }
  const head = obj(root['head']) ?? {}
  const r = obj(root['response']) ?? {}
  const response: UssdUserResponse | null =
    'user_init' in r
      ? { user_init: '1' }
      : 'index' in r
        ? { index: str(r['index']) }
        : 'input' in r
          ? { input: str(r['input']) }
          : null
  if (!response) return { ok: false, reason: '<response> has no <user_init>, <index> or <input>' }
  return {
    ok: true,
    value: {
      head: {
        msisdn: str(head['msisdn']),
        short_code: str(head['short_code']),
        ...(head['session_owner'] ? { session_owner: str(head['session_owner']) } : {}),
      },
      response,
    },
  }
}
