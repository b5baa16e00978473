import { randomInt } from 'node:crypto'
import { request } from 'undici'
import type { Handset } from '../../../../src-shared/contract/ussd'
import { pressOnMenu, screenText, validateUssd, type UssdCommand } from '../../../../src-shared/domain/ussd'
import {
  buildUssdRequest,
  buildUssdResponse,
  parseUssdCommand,
  parseUssdRequest,
  parseUssdResponse,
  type UssdUserResponse,
} from '../../../../src-shared/domain/ussd-xml'
import type { SandboxRequest, SandboxResponse } from '../../../infra/sandbox/host'
import { mseXml } from './xml'
import { MSE_STATUS } from '../errors'

/*
 * USSD in the MSE sandbox (seed 003 §6.4.18–23): `/MSE/ussd` takes the partner's XML (POST only), the subscriber's
 * handset shows it paged as MSE pages it, and the subscriber's answer is posted to the partner (the callback
 * listener) as a `ussd_message_response`; the partner's answer (a command) is what the handset shows next.
 * `/__demo/ussd-app` is a small partner application for the app tester to drive out of the box.
 */

export const DEMO_APP_PATH = '/__demo/ussd-app'
const xmlReply = (body: string): SandboxResponse => ({
  status: 200,
  headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
  body,
})
const tid = (): string => `10${String(Date.now()).slice(-11)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`

interface HandsetState {
  shortCode: string | null
  sessionOwner: string | null
  command: UssdCommand | null
  page: number
  ended: boolean
  note: string | null
}

const DEMO_MENU: UssdCommand = {
  kind: 'menu',
  title: 'Sentinela Demo - autoatendimento',
  options: [
    { index: '1', subtitle: 'Consultar saldo' },
    { index: '2', subtitle: 'Segunda via da conta' },
    { index: '3', subtitle: 'Falar com um atendente' },
  ],
}

export function createUssdSandbox(ussdUrl: () => string | null) {
  const handsets = new Map<string, HandsetState>()
  const demo = { variant: 'a' as 'a' | 'b', sessions: new Map<string, string>() }

  const view = (msisdn: string): Handset => {
    const h = handsets.get(msisdn) ?? {
      shortCode: null,
      sessionOwner: null,
      command: null,
      page: 0,
      ended: true,
      note: null,
    }
    return {
      msisdn,
      shortCode: h.shortCode,
      command: h.command,
      page: h.page,
      screen: h.command ? screenText(h.command, h.page) : '',
      ended: h.ended,
      note: h.note,
    }
  }

  /** §6.4.22–23: the subscriber's choice goes to the partner; its answer (a command) is the next screen. */
  async function toPartner(msisdn: string, h: HandsetState, response: UssdUserResponse): Promise<void> {
    const url = ussdUrl()
    if (!url)
      return void Object.assign(h, { ended: true, note: 'parceiro sem URL de entrega / partner has no delivery URL' })
    const body = buildUssdResponse(
      { msisdn, short_code: h.shortCode ?? '', ...(h.sessionOwner ? { session_owner: h.sessionOwner } : {}) },
      response,
    )
    const answer = await request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
      body,
    }).then(
      async (res) => ({ status: res.statusCode, text: await res.body.text() }),
      (error: unknown) => ({ status: 0, text: String(error) }),
    )
    const command = answer.status === 200 ? parseUssdCommand(answer.text) : null
    if (command?.ok)
      Object.assign(h, { command: command.value, page: 0, ended: command.value.kind === 'notify', note: null })
    else
      Object.assign(h, {
        ended: true,
        note:
          answer.status === 200
            ? 'resposta do parceiro sem comando / partner answered no command'
            : `parceiro: HTTP ${answer.status}`,
      })
  }

  async function key(msisdn: string, pressed: string): Promise<Handset> {
    const h = handsets.get(msisdn)
    if (!h?.command || h.ended) return view(msisdn)
    if (h.command.kind === 'input') {
      // §6.4.23: what the subscriber answers is typed on a phone keypad — digits only.
      const typed = pressed.trim()
      if (!/^\d{1,160}$/.test(typed))
        h.note = 'o teclado do aparelho só envia dígitos / the handset keypad sends digits only'
      else await toPartner(msisdn, h, { input: typed })
    } else if (h.command.kind === 'menu') {
      const k = pressOnMenu(h.command, h.page, pressed)
      if (k.kind === 'page') h.page = k.page
      if (k.kind === 'select') await toPartner(msisdn, h, { index: k.index })
    }
    return view(msisdn)
  }

  function push(req: SandboxRequest): SandboxResponse {
    if (req.method !== 'POST')
      return xmlReply(
        mseXml({ status: MSE_STATUS.wrongMethod, profile: '', error: 'Servico USSD somente atraves do metodo POST' }),
      )
    const parsed = parseUssdRequest(req.body.toString('utf8'))
    if (!parsed.ok)
      return xmlReply(
        mseXml({
          status: MSE_STATUS.invalidParams,
          profile: '',
          transactionId: tid(),
          error: `XML invalido: ${parsed.reason}`,
        }),
      )
    const { head, command } = parsed.value
    const profile = head.profile ?? ''
    const missing = (name: string) =>
      xmlReply(
        mseXml({
          status: MSE_STATUS.invalidParams,
          profile,
          transactionId: tid(),
          error: `O parametro obrigatorio [${name}] nao foi encontrado!`,
        }),
      )
    for (const name of ['profile', 'password', 'mode', 'msisdn', 'short_code'] as const)
      if (!head[name]) return missing(name)
    if (!profile.toUpperCase().endsWith('USSD') || (head.password ?? '').startsWith('wrong'))
      return xmlReply(
        mseXml({ status: MSE_STATUS.accessDenied, profile, error: 'Acesso negado: profile ou senha invalidos' }),
      )
    if (!/^\d{10,11}$/.test(head.msisdn ?? ''))
      return xmlReply(
        mseXml({
          status: MSE_STATUS.invalidParams,
          profile,
          transactionId: tid(),
          error: `Invalid CTN format [${head.msisdn ?? ''}]`,
        }),
      )
    const problem = validateUssd(command).find((p) => p.level === 'error')
    if (problem)
      return xmlReply(
        mseXml({
          status: MSE_STATUS.invalidParams,
          profile,
          transactionId: tid(),
          error: `Comando USSD invalido: ${problem.code}`,
        }),
      )
    handsets.set(head.msisdn ?? '', {
      shortCode: head.short_code ?? null,
      sessionOwner: head.session_owner ?? null,
      command,
      page: 0,
      ended: false,
      note: null,
    })
    return xmlReply(mseXml({ status: MSE_STATUS.ok, profile, transactionId: tid() }))
  }

  /** The demo partner application: a menu, a CPF input, a notify; variant "b" answers a different balance. */
  function demoApp(req: SandboxRequest): SandboxResponse {
    const parsed = parseUssdResponse(req.body.toString('utf8'))
    if (!parsed.ok) return { status: 400, body: parsed.reason }
    const { head, response } = parsed.value
    const step = demo.sessions.get(head.msisdn)
    let command: UssdCommand
    if ('user_init' in response) command = DEMO_MENU
    else if ('index' in response && step === 'menu') {
      command =
        response.index === '1'
          ? { kind: 'input', content: 'Digite os 4 ultimos digitos do seu CPF:' }
          : {
              kind: 'notify',
              content:
                response.index === '2'
                  ? 'Segunda via enviada por SMS para o seu numero.'
                  : 'Um atendente ligara para voce em ate 2 horas.',
            }
    } else if ('input' in response && step === 'cpf') {
      command = /^\d{4}$/.test(response.input)
        ? {
            kind: 'notify',
            content: `Saldo disponivel: R$ ${demo.variant === 'a' ? '37,90' : '12,50'}. Obrigado por usar o Sentinela Demo!`,
          }
        : { kind: 'input', content: 'CPF invalido. Digite os 4 ultimos digitos:' }
    } else command = { kind: 'notify', content: 'Sessao expirada. Disque *100# de novo.' }
    demo.sessions.set(head.msisdn, command.kind === 'menu' ? 'menu' : command.kind === 'input' ? 'cpf' : 'end')
    // §6.4.18: with a session open at the handset, the answer carries its session_owner.
    return xmlReply(
      buildUssdRequest(
        {
          profile: '',
          password: '',
          mode: '',
          msisdn: head.msisdn,
          short_code: head.short_code,
          ...(head.session_owner ? { session_owner: head.session_owner } : {}),
        },
        command,
      ),
    )
  }

  return {
    async handle(req: SandboxRequest): Promise<SandboxResponse | null> {
      if (req.path === '/MSE/ussd') return push(req)
      if (req.path === DEMO_APP_PATH && req.method === 'POST') return demoApp(req)
      if (req.path === '/__sandbox/ussd-handset')
        return {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(view(req.query.get('msisdn') ?? '')),
        }
      if (req.path === '/__sandbox/ussd-key' && req.method === 'POST') {
        const { msisdn, key: pressed } = JSON.parse(req.body.toString('utf8')) as { msisdn: string; key: string }
        return {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(await key(msisdn, pressed)),
        }
      }
      if (req.path === '/__sandbox/ussd-demo') {
        const variant = req.query.get('variant')
        if (variant === 'a' || variant === 'b') demo.variant = variant
        return {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ variant: demo.variant }),
        }
      }
      return null
    },
  }
}
