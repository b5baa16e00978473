/** One valid request per MSE service (seed 003 §6.4), with a mode the service accepts. */
export const MSE_SAMPLES: Record<string, { mode: string; params: Record<string, string>; confirmCharge?: string }> = {
  SMS_TEXT: { mode: 'async-oneway', params: { BNUM: '1191000000', TEXT: 'Olá, ação às 10h', ANUM: '333' } },
  SMS_EMS: {
    mode: 'async-delivery',
    params: { BNUM: '1191000000', TEXT: 'binário', DESTPORT: '5499', ESMCLASS: '64' },
  },
  SMS_HEX_RING: { mode: 'async-oneway', params: { BNUM: '1191000000', TEXT: '024A3A5185E195D9' } },
  SMS_HEX_RING_UDH: { mode: 'async-oneway', params: { BNUM: '1191000000', TEXT: '06050415811581' } },
  MMS_MT: {
    mode: 'async-oneway',
    params: { CTN: '1191000000', MMS: 'Content-Type: multipart/related;\nSubject: mms example\n\ntext content sample' },
  },
  EAI_CHECK_CREDIT: { mode: 'sync', params: { CTN: '1191112222', AMOUNT: '99' } },
  SYS_CHARGE_SUBSCRIB: { mode: 'sync', params: { CTN: '1191112222' }, confirmCharge: '1191112222' },
  LBS_TRANSLATOR: { mode: 'sync', params: { MCC: '724', MNC: '5', LAC: '1234', CELLID: '56789' } },
  LBS_TRANSLATOR_BYTES: { mode: 'sync', params: { CGIBYTES: '27F4500304D2DDD5' } },
  LBS_TORPEDO: { mode: 'async-delivery', params: { CTN: '1191000000' } },
  SMS_WAP_PUSH: { mode: 'async-oneway', params: { BNUM: '1176000000', TEXT: 'teste', URL: 'www.url.com' } },
  WIB_PUSH: {
    mode: 'async-oneway',
    params: { MSISDN: '1191000000', WML: '<wml><card id="c1"><p>Olá</p></card></wml>' },
  },
  IMEI_TRANSLATOR: { mode: 'sync', params: { IMEI: '490154203237518' } },
  IMEI_TORPEDO: { mode: 'async-delivery', params: { CTN: '1191000000' } },
  SYS_CTN_INFO: { mode: 'sync', params: { CTN: '1170000000' } },
  SYS_CTN_INFO_TYPE: { mode: 'sync', params: { CTN: '1170000000' } },
  OFFER_INSERT: { mode: 'sync', params: { CTN: '1170000000', CATEGORIA: 'RING_BACK_TONE' } },
  OFFER_DELETE: { mode: 'sync', params: { CTN: '1170000000', OFFERS: '12564231;6458974' } },
  GERAR_PROTOCOLO: {
    mode: 'sync',
    params: {
      MSISDN: '1191000000',
      SITUACAO: 'ABERTO',
      MOTIVO_01: 'Fraude',
      MOTIVO_02: 'Troca de chip',
      METODO_CONTATO: '7',
      TELEFONE_CONTATO: '1133334444',
      NOME_CONTATO: 'João',
    },
  },
}
