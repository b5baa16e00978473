import { describe, expect, it } from 'vitest'
import { buildRequest, MAX_GET_URL, sentForm } from '../../src-main/providers/mse/client'
import {
  conditionalWarnings,
  normaliseParams,
  validateParams,
  validValperiod,
} from '../../src-shared/domain/mse-validate'
import { MSE_SERVICE_NAMES, MSE_SERVICES } from '../../src-shared/domain/mse-services'
import { MSE_SAMPLES } from '../helpers/mse-samples'

const API = 'http://retail.mds.claro.com.br/MSE/api'
const control = { profile: 'P1', password: 's&nha', mode: 'sync' as const }
const spec = (name: string) => {
  const s = MSE_SERVICES.get(name)
  if (!s) throw new Error(name)
  return s
}

describe('MSE service table', () => {
  it('declares the 19 services of seed 003 §6.4 the issue lists', () => {
    expect(MSE_SERVICE_NAMES.sort()).toEqual(
      [
        'EAI_CHECK_CREDIT',
        'GERAR_PROTOCOLO',
        'IMEI_TORPEDO',
        'IMEI_TRANSLATOR',
        'LBS_TORPEDO',
        'LBS_TRANSLATOR',
        'LBS_TRANSLATOR_BYTES',
        'MMS_MT',
        'OFFER_DELETE',
        'OFFER_INSERT',
        'SMS_EMS',
        'SMS_HEX_RING',
        'SMS_HEX_RING_UDH',
        'SMS_TEXT',
        'SMS_WAP_PUSH',
        'SYS_CHARGE_SUBSCRIB',
        'SYS_CTN_INFO',
        'SYS_CTN_INFO_TYPE',
        'WIB_PUSH',
      ].sort(),
    )
  })

  it("accepts the seed's own 11-digit CTN examples (CTN=11700000000) and today's mobiles typed as people type them", () => {
    expect(validateParams(spec('SYS_CTN_INFO_TYPE'), { CTN: '11700000000' })).toEqual([])
    expect(normaliseParams(spec('SMS_TEXT'), { BNUM: '+55 (11) 99999-0001', TEXT: 'x' })).toEqual({
      BNUM: '11999990001',
      TEXT: 'x',
    })
  })

  it("accepts the seed's own VALPERIOD examples: absolute 200606151201, relative 000000001500000R (15 min)", () => {
    expect(validValperiod('200606151201')).toBe(true)
    expect(validValperiod('000000001500000R')).toBe(true)
    expect(validateParams(spec('SMS_TEXT'), { BNUM: '1191000000', TEXT: 'x', VALPERIOD: '000000001500000R' })).toEqual(
      [],
    )
  })

  it.each(MSE_SERVICE_NAMES)('accepts the sample request of %s', (name) => {
    expect(validateParams(spec(name), MSE_SAMPLES[name]?.params ?? {})).toEqual([])
  })

  it.each([
    ['SMS_TEXT', { BNUM: '1191000000' }, [{ param: 'TEXT', problem: 'required' }]],
    [
      'SMS_TEXT',
      { BNUM: '1191000000', TEXT: 'x'.repeat(161) },
      [{ param: 'TEXT', problem: 'too_long', detail: '160' }],
    ],
    ['SMS_TEXT', { BNUM: '119100000001', TEXT: 'x' }, [{ param: 'BNUM', problem: 'ctn_format' }]],
    ['SMS_TEXT', { BNUM: '1191000000', TEXT: 'x', FOO: '1' }, [{ param: 'FOO', problem: 'unknown' }]],
    ['SMS_HEX_RING', { BNUM: '1191000000', TEXT: 'XYZ' }, [{ param: 'TEXT', problem: 'not_hex' }]],
    // seed 003 §6.4.3–4: hexadecimal TEXT of at most 160 characters; §6.4.1 VALPERIOD formats; §6.4.13 5 × 140 bytes.
    [
      'SMS_HEX_RING_UDH',
      { BNUM: '1191000000', TEXT: 'AB'.repeat(81) },
      [{ param: 'TEXT', problem: 'too_long', detail: '160' }],
    ],
    [
      'SMS_TEXT',
      { BNUM: '1191000000', TEXT: 'x', VALPERIOD: '15 minutos' },
      [{ param: 'VALPERIOD', problem: 'valperiod' }],
    ],
    [
      'SMS_TEXT',
      { BNUM: '1191000000', TEXT: 'x', VALPERIOD: '200613451201' },
      [{ param: 'VALPERIOD', problem: 'valperiod' }],
    ],
    [
      'SMS_TEXT',
      { BNUM: '1191000000', TEXT: 'x', VALPERIOD: '000000001530000R' },
      [{ param: 'VALPERIOD', problem: 'valperiod' }],
    ],
    [
      'SMS_WAP_PUSH',
      { BNUM: '1176000000', TEXT: 'á'.repeat(330), URL: 'www.url.com' },
      [{ param: 'TEXT', problem: 'too_many_bytes', detail: '711 > 700' }],
    ],
    ['IMEI_TRANSLATOR', { IMEI: '490154203237517' }, [{ param: 'IMEI', problem: 'imei' }]],
    ['EAI_CHECK_CREDIT', { CTN: '1191112222', AMOUNT: '1234567' }, [{ param: 'AMOUNT', problem: 'amount' }]],
    ['LBS_TRANSLATOR', { MCC: '724', MNC: 'x', LAC: '1', CELLID: '2' }, [{ param: 'MNC', problem: 'not_integer' }]],
    [
      'OFFER_INSERT',
      { CTN: '1170000000', CATEGORIA: 'A', OFFERS: '1' },
      [{ param: 'CATEGORIA|OFFERS', problem: 'exactly_one' }],
    ],
    ['OFFER_DELETE', { CTN: '1170000000' }, [{ param: 'CATEGORIA|OFFERS', problem: 'exactly_one' }]],
    [
      'GERAR_PROTOCOLO',
      { MSISDN: '1191000000', SITUACAO: 'PENDENTE', MOTIVO_01: 'a', MOTIVO_02: 'b', METODO_CONTATO: '1' },
      [{ param: 'SITUACAO', problem: 'value', detail: 'ABERTO, FECHADO, PROCEDENTE' }],
    ],
    [
      'GERAR_PROTOCOLO',
      { MSISDN: '1191000000' },
      ['SITUACAO', 'MOTIVO_01', 'MOTIVO_02', 'METODO_CONTATO'].map((param) => ({ param, problem: 'required' })),
    ],
  ] as const)('refuses %s %j', (name, params, problems) => {
    expect(validateParams(spec(name), params as Record<string, string>)).toEqual(problems)
  })
})

describe('MSE requests on the wire', () => {
  it.each(MSE_SERVICE_NAMES)(
    '%s: control parameters in lower case, service parameters, UTF-8 form encoding',
    (name) => {
      const sample = MSE_SAMPLES[name] ?? { mode: 'sync', params: {} }
      const s = spec(name)
      const req = buildRequest(
        API,
        { ...control, mode: sample.mode as never, billingCode: s.charges ? '000000' : undefined },
        s,
        sample.params,
      )
      const expected = new URLSearchParams({
        profile: 'P1',
        pwd: 's&nha',
        mode: sample.mode,
        ...(s.charges ? { billingCode: '000000' } : {}),
      })
      for (const input of s.inputs)
        if (sample.params[input.name]) expected.set(input.name, sample.params[input.name] ?? '')
      if (s.alwaysPost) {
        expect(req).toEqual({
          method: 'POST',
          url: API,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
          body: expected.toString(),
        })
      } else {
        expect(req).toEqual({ method: 'GET', url: `${API}?${expected.toString()}`, headers: {} })
      }
    },
  )

  it('sends exactly the seed example of §6.4.1 (accents as UTF-8 percent-encoding)', () => {
    const req = buildRequest(
      API,
      { profile: 'profileId', password: 'senha', mode: 'async-delivery' },
      spec('SMS_TEXT'),
      { ANUM: '3333', BNUM: '1191000000', TEXT: 'ação' },
    )
    expect(req.url).toBe(
      `${API}?profile=profileId&pwd=senha&mode=async-delivery&TEXT=a%C3%A7%C3%A3o&BNUM=1191000000&ANUM=3333`,
    )
  })

  it('switches a long protocol request to a POST form', () => {
    const params = { ...MSE_SAMPLES['GERAR_PROTOCOLO']?.params, MEMO: 'm'.repeat(MAX_GET_URL) }
    expect(buildRequest(API, control, spec('GERAR_PROTOCOLO'), params as Record<string, string>).method).toBe('POST')
  })
})

describe('MSE inputs as people type them', () => {
  it.each([
    ['(11) 9100-0000', '1191000000'],
    ['+55 11 9100-0000', '1191000000'],
    ['11 91000-0000', '11910000000'], // 11 digits stay 11: refused with the seed's 10-digit rule, not guessed
    ['1193teste', '1193teste'],
  ])('CTN %j becomes %j', (typed, sent) =>
    expect(normaliseParams(spec('SYS_CTN_INFO'), { CTN: typed })).toEqual({ CTN: sent }),
  )

  it('IMEI with separators becomes its 15 digits and passes Luhn', () => {
    const params = normaliseParams(spec('IMEI_TRANSLATOR'), { IMEI: '49-015420-323751-8' })
    expect(params).toEqual({ IMEI: '490154203237518' })
    expect(validateParams(spec('IMEI_TRANSLATOR'), params)).toEqual([])
  })

  it('GERAR_PROTOCOLO: fields the seed requires only in some situations are warned about', () => {
    const base = { MSISDN: '1191000000', MOTIVO_01: '1', MOTIVO_02: '2', METODO_CONTATO: 'URA' }
    expect(conditionalWarnings(spec('GERAR_PROTOCOLO'), { ...base, SITUACAO: 'ABERTO' }).map((w) => w.param)).toEqual([
      'TELEFONE_CONTATO',
      'NOME_CONTATO',
    ])
    expect(
      conditionalWarnings(spec('GERAR_PROTOCOLO'), {
        ...base,
        SITUACAO: 'FECHADO',
        TIPO_RETORNO: 'E_MAIL',
        CONCLUSAO_TIPO_ID: 'X',
      }),
    ).toEqual([{ param: 'EMAIL_CONTATO', when: 'TIPO_RETORNO=E_MAIL' }])
    expect(conditionalWarnings(spec('SYS_CTN_INFO'), {})).toEqual([])
  })
})

describe('what the user is shown of the request', () => {
  it('masks pwd in GET and POST and keeps everything else as sent', () => {
    const get = buildRequest(API, { profile: 'P', password: 's3nh@', mode: 'sync' }, spec('SYS_CTN_INFO'), {
      CTN: '1191000000',
    })
    expect(sentForm(get)).toEqual({ method: 'GET', form: 'profile=P&pwd=•••&mode=sync&CTN=1191000000' })
    const post = buildRequest(API, { profile: 'P', password: 's3nh@', mode: 'async-oneway' }, spec('WIB_PUSH'), {
      MSISDN: '1191000000',
      WML: '<wml/>',
    })
    expect(sentForm(post).form).toBe('profile=P&pwd=•••&mode=async-oneway&WML=%3Cwml%2F%3E&MSISDN=1191000000')
    expect(JSON.stringify(sentForm(post))).not.toContain('s3nh')
  })
})
