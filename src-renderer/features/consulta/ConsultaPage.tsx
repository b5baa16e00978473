import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../stores/app/store'
import { useDataTrustStore } from '../../stores/datatrust/store'
import { Personas } from './Personas'
import { AlertsForm } from './AlertsForm'
import { ScoreForm } from './ScoreForm'
import { DataTrustPanel } from '../datatrust/DataTrustPanel'
import { VirtualPhone } from '../datatrust/VirtualPhone'

type Tab = 'alerts' | 'score' | 'datatrust'

export function ConsultaPage() {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>('alerts')
  const [msisdn, setMsisdn] = useState('')
  const [cpf, setCpf] = useState('')
  const environment = useAppStore((s) => s.info?.environment)
  const fillDataTrust = useDataTrustStore((s) => s.fill)

  return (
    <section className="page consulta" data-testid="page-consulta">
      <div className="consulta-main">
        <h1 id="page-title">{t('nav.consulta')}</h1>
        <p className="lead">{t('pages.consulta')}</p>
        <div className="tabs" role="tablist">
          {(['alerts', 'score', 'datatrust'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              className={tab === id ? 'active' : undefined}
              onClick={() => setTab(id)}
            >
              {id === 'datatrust' ? t('datatrust.tab') : t(`lookup.tabs.${id}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'alerts' && <AlertsForm value={msisdn} onValue={setMsisdn} />}
          {tab === 'score' && <ScoreForm value={cpf} onValue={setCpf} />}
          {tab === 'datatrust' && <DataTrustPanel />}
        </div>
      </div>
      {tab === 'datatrust' ? (
        <div className="side-stack">
          <Personas kinds={['dataTrust']} onCpf={(cpf) => fillDataTrust({ cpf })} />
          {environment === 'sandbox' && (
            <aside className="personas">
              <VirtualPhone />
            </aside>
          )}
        </div>
      ) : (
        <Personas kinds={[tab === 'alerts' ? 'alerts' : 'scores']} onPhone={setMsisdn} onCpf={setCpf} />
      )}
    </section>
  )
}
