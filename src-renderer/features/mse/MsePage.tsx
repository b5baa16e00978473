import { useEffect, useState, type ReactNode } from 'react'
import { useMseStore } from '../../stores/mse/store'
import { useTranslation } from 'react-i18next'
import type { MseCallResult } from '../../../src-shared/contract/mse'
import { luhnCheckDigit } from '../../../src-shared/domain/imei'
import { type PROTOCOL_OPTIONAL } from '../../../src-shared/domain/mse-services'
import { SubTabs } from '../../components/SubTabs'
import { LbsMap } from './LbsMap'
import { ServiceForm } from './ServiceForm'

const VIEWS = ['linha', 'credito', 'imei', 'lbs', 'ofertas', 'protocolo', 'envios', 'cobranca'] as const
type View = (typeof VIEWS)[number]

/** seed 003 §6.4.23: GERAR_PROTOCOLO's optional parameters, grouped by what they describe. */
const PROTOCOL_GROUPS = {
  atendimento: [
    'NUMERO_PROTOCOLO',
    'NUMERO_PROTOCOLO_PAI',
    'MOTIVO_03',
    'MOTIVO_04',
    'MOTIVO_05',
    'DT_INIT_INTERACAO',
    'CONTEXTO',
    'RESUMO',
    'MEMO',
    'INTERACTION_ID',
    'CONCLUSAO_TIPO_ID',
  ],
  autenticacao: ['IND_USUARIO_AUTENT', 'DT_HORA_AUTENT', 'MOTIVO_AUTENT', 'ID_USUARIO_AUTENT'],
  origem: ['COD_OPER_ORIGEM', 'COD_APLICACAO_ORIGEM', 'CANAL_ENTRADA_ID'],
  endereco: ['PREFIXO', 'LOGRADOURO', 'NUMERO', 'COMPLEMENTO', 'BAIRRO', 'CIDADE', 'UF', 'CEP'],
  contato: ['TELEFONE_CONTATO', 'EMAIL_CONTATO', 'NOME_CONTATO', 'TIPO_RETORNO'],
  pesquisa: [
    'SURVEY_ID',
    'SURVEY_DT_EFETIVA',
    'SURVEY_PERGUNTA_ID',
    'SURVEY_RESPOSTA_ID',
    'SURVEY_RESPOSTA_TEXT',
    'SURVEY_RESP_COMENT',
  ],
  sms: ['TEXT_COMPLEMENTO_SMS', 'PRIORIDADE_SMS'],
} as const satisfies Record<string, readonly (typeof PROTOCOL_OPTIONAL)[number][]>

function ImeiHint({ value }: { value: string }) {
  const { t } = useTranslation()
  if (!/^\d{15}$/.test(value)) return null
  const check = luhnCheckDigit(value.slice(0, 14))
  return check === Number(value[14]) ? (
    <p className="hint" data-testid="imei-check">
      {t('mse.imei.ok', { tac: value.slice(0, 8) })}
    </p>
  ) : (
    <p className="field-error" data-testid="imei-check">
      {t('mse.imei.bad', { check })}
    </p>
  )
}

/** seed 003 §6.4.17: IMEI_TORPEDO answers with the last digit always 0; the real check digit is worked out. */
function ImeiZeroed({ result }: { result: MseCallResult }) {
  const { t } = useTranslation()
  const imei = result.parameters['IMEI'] ?? ''
  if (result.service !== 'IMEI_TORPEDO' || !/^\d{14}0$/.test(imei)) return null
  return (
    <p className="muted" data-testid="imei-zeroed">
      {t('mse.imei.zeroed', {
        check: luhnCheckDigit(imei.slice(0, 14)),
        imei: `${imei.slice(0, 14)}${luhnCheckDigit(imei.slice(0, 14))}`,
      })}
    </p>
  )
}

const lbsMap = (r: MseCallResult): ReactNode => {
  const n = (name: string): number => Number(r.parameters[name])
  return Number.isFinite(n('LATITUDE')) && Number.isFinite(n('LONGITUDE')) && r.parameters['LATITUDE'] ? (
    <LbsMap lat={n('LATITUDE')} lon={n('LONGITUDE')} radius={n('RADIUS') || 0} azimuth={n('AZIMUTE') || 0} />
  ) : null
}

function ViewForm({ view }: { view: View }) {
  const { t } = useTranslation()
  switch (view) {
    case 'linha':
      return <ServiceForm form="linha" services={['SYS_CTN_INFO', 'SYS_CTN_INFO_TYPE']} />
    case 'credito':
      return <ServiceForm form="credito" services={['EAI_CHECK_CREDIT']} />
    case 'imei':
      return (
        <ServiceForm
          form="imei"
          services={['IMEI_TRANSLATOR', 'IMEI_TORPEDO']}
          hint={(p, v) => (p === 'IMEI' ? <ImeiHint value={v} /> : null)}
          extra={(r) => <ImeiZeroed result={r} />}
        />
      )
    case 'lbs':
      return (
        <ServiceForm form="lbs" services={['LBS_TORPEDO', 'LBS_TRANSLATOR', 'LBS_TRANSLATOR_BYTES']} extra={lbsMap} />
      )
    case 'ofertas':
      return <ServiceForm form="ofertas" services={['OFFER_INSERT', 'OFFER_DELETE']} />
    case 'protocolo':
      return <ServiceForm form="protocolo" services={['GERAR_PROTOCOLO']} groups={PROTOCOL_GROUPS} />
    case 'envios':
      // The sends the SMS console does not cover: MMS (§6.4.6), WIB push (§6.4.15) and ringtones (§6.4.3–4).
      return (
        <ServiceForm
          form="envios"
          services={['MMS_MT', 'WIB_PUSH', 'SMS_HEX_RING', 'SMS_HEX_RING_UDH']}
          initialMode="async-delivery"
        />
      )
    case 'cobranca':
      return (
        <>
          <p className="warn" role="note" data-testid="charge-warning">
            {t('mse.charge.warning')}
          </p>
          <ServiceForm form="cobranca" services={['SYS_CHARGE_SUBSCRIB']} />
        </>
      )
  }
}

export function MsePage() {
  const { t } = useTranslation()
  const [view, setView] = useState<View>('linha')
  // Answers delivered later (torpedoes in async-delivery) reach the forms through the store's subscriptions.
  const start = useMseStore((s) => s.start)
  useEffect(() => start(), [start])
  return (
    <section className="page" data-testid="page-mse">
      <h1 id="page-title">{t('nav.mse')}</h1>
      <p className="lead">{t('pages.mse')}</p>
      <SubTabs views={VIEWS} current={view} onChange={setView} label={(v) => t(`mse.views.${v}`)} />
      <p className="muted">{t(`mse.viewHints.${view}`)}</p>
      <div className="lookup" key={view}>
        <ViewForm view={view} />
      </div>
    </section>
  )
}
