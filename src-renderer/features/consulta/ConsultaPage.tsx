import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCpf } from '../../../src-shared/domain/cpf'
import { formatPhoneBr } from '../../../src-shared/domain/format'
import { useAppStore } from '../../stores/app/store'
import { useLookupStore } from '../../stores/lookup/store'
import { AlertsForm } from './AlertsForm'
import { ScoreForm } from './ScoreForm'
import { DataTrustPanel } from '../datatrust/DataTrustPanel'
import { VirtualPhone } from '../datatrust/VirtualPhone'

type Tab = 'alerts' | 'score' | 'datatrust'

export function ConsultaPage() {
  const { t, i18n } = useTranslation()
  const [tab, setTab] = useState<Tab>('alerts')
  const [msisdn, setMsisdn] = useState('')
  const [cpf, setCpf] = useState('')
  const environment = useAppStore((s) => s.info?.environment)
  const personas = useLookupStore((s) => s.personas)
  const loadPersonas = useLookupStore((s) => s.loadPersonas)
  useEffect(() => void loadPersonas(), [loadPersonas])
  const lang = i18n.language === 'en' ? 'en' : 'pt-BR'

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
      {environment === 'sandbox' && tab === 'datatrust' && (
        <aside className="personas">
          <VirtualPhone />
        </aside>
      )}
      {environment === 'sandbox' && personas && tab !== 'datatrust' && (
        <aside className="personas" aria-label={t('lookup.personas')}>
          <h2>{t('lookup.personas')}</h2>
          <p className="hint">{t('lookup.personasHint')}</p>
          <ul>
            {tab === 'alerts'
              ? personas.alerts.map((p) => (
                  <li key={p.msisdn}>
                    <button type="button" className="link" onClick={() => setMsisdn(formatPhoneBr(p.msisdn))}>
                      {formatPhoneBr(p.msisdn)}
                    </button>
                    <span>{p.description[lang]}</span>
                  </li>
                ))
              : personas.scores.map((p) => (
                  <li key={p.cpf}>
                    <button type="button" className="link" onClick={() => setCpf(formatCpf(p.cpf))}>
                      {formatCpf(p.cpf)}
                    </button>
                    <span>{p.description[lang]}</span>
                  </li>
                ))}
          </ul>
        </aside>
      )}
    </section>
  )
}
