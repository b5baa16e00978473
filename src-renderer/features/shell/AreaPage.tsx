import { lazy, Suspense, type ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import type { Area } from '../../stores/nav/store'

/*
 * One page per area, each its own chunk loaded on first visit (issue #15): the first load carries the shell, the
 * stores and the catalogs, not recharts, the offline map or the MSE forms of pages the analyst may never open.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })))

const PAGES: Record<Area, ComponentType> = {
  configuracoes: page(() => import('../settings/SettingsPage'), 'SettingsPage'),
  credenciais: page(() => import('../credentials/CredentialsPage'), 'CredentialsPage'),
  consulta: page(() => import('../consulta/ConsultaPage'), 'ConsultaPage'),
  historico: page(() => import('../historico/HistoryPage'), 'HistoryPage'),
  cliente: page(() => import('../cliente/CustomerPage'), 'CustomerPage'),
  mse: page(() => import('../mse/MsePage'), 'MsePage'),
  sms: page(() => import('../sms/SmsPage'), 'SmsPage'),
  ussd: page(() => import('../ussd/UssdPage'), 'UssdPage'),
  lote: page(() => import('../lote/LotePage'), 'LotePage'),
  monitoramento: page(() => import('../monitoramento/MonitoramentoPage'), 'MonitoramentoPage'),
  casos: page(() => import('../casos/CasosPage'), 'CasosPage'),
}

export function AreaPage({ area }: { area: Area }) {
  const { t } = useTranslation()
  const Page = PAGES[area]
  return (
    <Suspense
      fallback={
        <p className="muted" role="status">
          {t('status.loading')}
        </p>
      }
    >
      <Page />
    </Suspense>
  )
}
