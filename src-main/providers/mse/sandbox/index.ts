import { randomInt } from 'node:crypto'
import type { SandboxProvider, SandboxRequest, SandboxResponse } from '../../../infra/sandbox/host'
import { digitsHash } from '../../../infra/sandbox/personas'
import { MSE_SERVICES, normaliseMode, type ServiceSpec } from '../../../../src-shared/domain/mse-services'
import { validateParams } from '../../../../src-shared/domain/mse-validate'
import { mseDateNow } from '../../../../src-shared/domain/mse-date'
import { postAnswer, postReceipt, sendMmsMo, sendMo, type DeliveryTarget } from './delivery'
import { createUssdSandbox } from './ussd'
import { mseXml } from './xml'
import { MSE_STATUS } from '../errors'

/*
 * The MSE partner API (seed 003 §6) at /MSE/api: GET query or POST form, an `mse-response` XML answer.
 * Sandbox conventions (the seed lists no codes besides 0, 12 and 110): status 1 for a refused profile/pwd,
 * 13 for a mode the service refuses, 20 when a profile exceeds its volume (§9.3).
 */

/** A handset that never answers the network: TORPEDO services get 110 "No Device Response" (§6.4.12). */
export const SILENT_HANDSET_CTN = '1199990110'
/** Passwords starting with this are refused. */
const SANDBOX_WRONG_PWD_PREFIX = 'wrong'
const KNOWN_TACS: Record<string, [string, string]> = {
  '35220601': ['sonyericsson', 'K790i'],
  '49015420': ['Apple', 'iPhone'],
  '35332811': ['Samsung', 'Galaxy S23'],
}
const CITY_BY_DDD: Record<string, [number, number]> = {
  '11': [-23.5617, -46.6559],
  '21': [-22.9068, -43.1729],
  '31': [-19.9167, -43.9345],
  '61': [-15.7939, -47.8828],
  '71': [-12.9714, -38.5014],
}

/** §9.3: a transaction id of 19 digits, like the seed's. */
const transactionId = (): string =>
  `10${String(Date.now()).slice(-11)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`

function outputs(service: ServiceSpec, p: Record<string, string>): Record<string, string> {
  const h = digitsHash(p['CTN'] ?? p['MSISDN'] ?? p['IMEI'] ?? p['CELLID'] ?? p['CGIBYTES'] ?? '0')
  const stamp = mseDateNow()
  switch (service.name) {
    case 'EAI_CHECK_CREDIT':
      return { IS_PREPAID: String(h % 2 === 0), HAS_CREDIT: String(h % 3 !== 0), TECNOLOGY: 'GSM' }
    case 'LBS_TRANSLATOR':
    case 'LBS_TRANSLATOR_BYTES':
    case 'LBS_TORPEDO': {
      const [lat, lon] = CITY_BY_DDD[(p['CTN'] ?? '11').slice(0, 2)] ?? CITY_BY_DDD['11'] ?? [0, 0]
      return {
        LATITUDE: (lat + ((h % 200) - 100) / 10_000).toFixed(6),
        LONGITUDE: (lon + (((h >>> 8) % 200) - 100) / 10_000).toFixed(6),
        AZIMUTE: String((h >>> 4) % 360),
        RADIUS: String(300 + (h % 1700)),
      }
    }
    case 'IMEI_TRANSLATOR': {
      const tac = (p['IMEI'] ?? '').slice(0, 8)
      const [maker, model] = KNOWN_TACS[tac] ?? ['desconhecido', 'desconhecido']
      return { IMEI: p['IMEI'] ?? '', MODELMANUFACTURER: maker, MODELNAME: model, TAC: tac }
    }
    case 'IMEI_TORPEDO': {
      // seed §6.4.17: "o último dígito do imei … é informado sempre igual a 0".
      const tac = Object.keys(KNOWN_TACS)[h % 3] ?? '35220601'
      const [maker, model] = KNOWN_TACS[tac] ?? ['', '']
      return {
        IMEI: `${tac}${String(h % 1_000_000).padStart(6, '0')}0`,
        MODELMANUFACTURER: maker,
        MODELNAME: model,
        TAC: tac,
      }
    }
    case 'SYS_CTN_INFO':
      return { SUBSCRIBER_TYPE: h % 2 ? 'PRE' : 'POS', TECNOLOGY: 'GSM', STATUS: 'ATIVO' }
    case 'SYS_CTN_INFO_TYPE':
      return {
        SUBSCRIBER_TYPE: h % 2 ? 'PRE' : 'POS',
        TECNOLOGY: 'GSM',
        STATUS: 'ATIVO',
        CUSTOMER_TYPE: h % 5 ? 'PF' : 'PJ',
      }
    case 'GERAR_PROTOCOLO':
      return {
        NUMERO_PROTOCOLO:
          p['NUMERO_PROTOCOLO'] || `${new Date().getFullYear()}${String(h).padStart(10, '0').slice(0, 10)}`,
      }
    default:
      return service.outputs.length ? { INITIALDATE: stamp, FINALDATE: stamp } : {}
  }
}

export function createMseSandbox(): SandboxProvider & { volumePerMinute: number } {
  const windows = new Map<string, { start: number; count: number }>()
  let delivery: DeliveryTarget | null = null
  let moSeq = 0
  const ussd = createUssdSandbox(() => delivery?.ussdUrl ?? null)
  /** What each subscriber's handset received (SMS MT), newest first: the consoles' virtual handsets. */
  const smsHandsets = new Map<
    string,
    { service: string; from: string; text: string; at: string; transactionId: string }[]
  >()
  const self = {
    name: 'mse',
    volumePerMinute: 600,
    async handle(request: SandboxRequest): Promise<SandboxResponse> {
      const handled = await ussd.handle(request)
      if (handled) return handled
      if (request.path === '/__sandbox/mse-delivery' && request.method === 'POST') {
        // Plays the MSE team configuring the profile's delivery URL (§6.2 "configurações … para entrega da resposta").
        delivery = JSON.parse(request.body.toString('utf8')) as DeliveryTarget
        return { status: 204 }
      }
      if (request.path === '/__sandbox/mse-mo' && request.method === 'POST') {
        // A subscriber sending an SMS to the partner's short number.
        if (!delivery) return { status: 409 }
        const mo = JSON.parse(request.body.toString('utf8')) as {
          kind?: 'sms' | 'mms'
          text: string
          anum: string
          bnum: string
          subject?: string
          withImage?: boolean
        }
        const id = `${String(Date.now()).padStart(20, '0')}${String(++moSeq).padStart(6, '0')}`
        const status =
          mo.kind === 'mms'
            ? await sendMmsMo(delivery, {
                id,
                anum: mo.anum,
                bnum: mo.bnum,
                text: mo.text,
                subject: mo.subject ?? '',
                withImage: mo.withImage ?? false,
              })
            : await sendMo(delivery, { text: mo.text, anum: mo.anum, bnum: mo.bnum, id: `MO${id}` })
        return { status: status === 200 ? 204 : 502 }
      }
      if (request.path === '/__sandbox/sms-handsets') {
        const list = [...smsHandsets].map(([msisdn, messages]) => ({ msisdn, messages }))
        return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(list) }
      }
      if (request.path === '/__sandbox/mse-volume' && request.method === 'POST') {
        self.volumePerMinute = Number(request.query.get('perMinute') ?? 600)
        return { status: 204 }
      }
      if (request.path !== '/MSE/api') return { status: 404 }
      const params = new URLSearchParams(request.query)
      if (request.method === 'POST')
        for (const [k, v] of new URLSearchParams(request.body.toString('utf8'))) params.set(k, v)
      const reply = (r: Parameters<typeof mseXml>[0]): SandboxResponse => ({
        status: 200,
        headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
        body: mseXml(r),
      })
      const profile = params.get('profile') ?? ''
      const pwd = params.get('pwd') ?? params.get('password') ?? ''
      const missing = (name: string) =>
        reply({
          status: MSE_STATUS.invalidParams,
          profile,
          transactionId: transactionId(),
          error: `O parametro obrigatorio [${name}] nao foi encontrado!`,
        })
      if (!profile) return missing('profile')
      if (!pwd) return missing('pwd')
      const service = [...MSE_SERVICES.values()].find((s) => profile.toUpperCase().endsWith(s.name))
      if (!service || pwd.startsWith(SANDBOX_WRONG_PWD_PREFIX))
        return reply({ status: MSE_STATUS.accessDenied, profile, error: 'Acesso negado: profile ou senha invalidos' })
      const rawMode = params.get('mode')
      if (!rawMode) return missing('mode')
      const mode = normaliseMode(rawMode)
      if (!mode || !service.modes.includes(mode))
        return reply({
          status: MSE_STATUS.wrongMethod,
          profile,
          transactionId: transactionId(),
          error: `Modo [${rawMode}] nao permitido para o servico ${service.name}`,
        })
      if (service.charges && !params.get('billingCode')) return missing('billingCode')
      const serviceParams = Object.fromEntries([...params].filter(([k]) => k === k.toUpperCase() && /^[A-Z]/.test(k)))
      for (const problem of validateParams(service, serviceParams)) {
        if (problem.problem === 'required') return missing(problem.param)
        if (problem.problem === 'ctn_format')
          return reply({
            status: MSE_STATUS.invalidParams,
            profile,
            transactionId: transactionId(),
            error: `Invalid ${problem.param} format [${serviceParams[problem.param]}]`,
          })
        if (problem.problem !== 'unknown')
          return reply({
            status: MSE_STATUS.invalidParams,
            profile,
            transactionId: transactionId(),
            error: `Valor invalido para o parametro [${problem.param}]`,
          })
      }
      const now = Date.now()
      const window = windows.get(profile)
      if (!window || now - window.start >= 60_000) windows.set(profile, { start: now, count: 1 })
      else if (++window.count > self.volumePerMinute)
        return reply({
          status: MSE_STATUS.volume,
          profile,
          error: `[sandbox: código não documentado pelo MSE, §9.3] Volume maximo de transacoes excedido para o profile ${profile}`,
        })
      const tid = transactionId()
      if (service.name.endsWith('_TORPEDO') && serviceParams['CTN'] === SILENT_HANDSET_CTN && mode === 'sync')
        return reply({ status: MSE_STATUS.noDeviceResponse, profile, transactionId: tid, error: 'No Device Response' })
      // Asynchronous requests are only acknowledged (§6.4.1 "Resposta Assíncrona (no acesso)"); async-delivery
      // SMS get their receipt posted to the partner shortly after.
      if (service.name.startsWith('SMS_') && serviceParams['BNUM']) {
        const inbox = smsHandsets.get(serviceParams['BNUM']) ?? []
        inbox.unshift({
          service: service.name,
          from: serviceParams['ANUM'] ?? '',
          text: serviceParams['URL']
            ? `${serviceParams['TEXT'] ?? ''} ${serviceParams['URL']}`
            : (serviceParams['TEXT'] ?? ''),
          at: new Date().toISOString(),
          transactionId: tid,
        })
        smsHandsets.set(serviceParams['BNUM'], inbox.slice(0, 50))
      }
      if (mode === 'async-delivery' && service.name.startsWith('SMS_') && delivery) {
        const target = delivery
        setTimeout(
          () =>
            void postReceipt(target, {
              profile,
              transactionId: tid,
              anum: serviceParams['ANUM'] ?? '',
              bnum: serviceParams['BNUM'] ?? '',
            }),
          30,
        )
      }
      // §6.4.12/§6.4.17: the handset is paged; its answer (or 110 when it stays silent) is delivered afterwards.
      if (mode === 'async-delivery' && service.name.endsWith('_TORPEDO') && delivery) {
        const target = delivery
        const answer =
          serviceParams['CTN'] === SILENT_HANDSET_CTN
            ? mseXml({ status: MSE_STATUS.noDeviceResponse, profile, transactionId: tid, error: 'No Device Response' })
            : mseXml({
                status: MSE_STATUS.ok,
                profile,
                transactionId: tid,
                parameters: outputs(service, serviceParams),
              })
        setTimeout(() => void postAnswer(target, answer), 60)
      }
      if (mode !== 'sync') return reply({ status: MSE_STATUS.ok, profile, transactionId: tid })
      return reply({ status: MSE_STATUS.ok, profile, transactionId: tid, parameters: outputs(service, serviceParams) })
    },
    failure(status: 429 | 500): SandboxResponse {
      return { status, body: '' }
    },
  }
  return self
}
