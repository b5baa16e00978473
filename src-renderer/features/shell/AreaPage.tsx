import type { Area } from '../../stores/nav/store'
import { SettingsPage } from '../settings/SettingsPage'
import { CredentialsPage } from '../credentials/CredentialsPage'
import { ConsultaPage } from '../consulta/ConsultaPage'
import { HistoryPage } from '../historico/HistoryPage'
import { CustomerPage } from '../cliente/CustomerPage'
import { MsePage } from '../mse/MsePage'
import { SmsPage } from '../sms/SmsPage'
import { UssdPage } from '../ussd/UssdPage'
import { LotePage } from '../lote/LotePage'

/** One page per area. */
export function AreaPage({ area }: { area: Area }) {
  switch (area) {
    case 'configuracoes':
      return <SettingsPage />
    case 'credenciais':
      return <CredentialsPage />
    case 'consulta':
      return <ConsultaPage />
    case 'historico':
      return <HistoryPage />
    case 'cliente':
      return <CustomerPage />
    case 'mse':
      return <MsePage />
    case 'sms':
      return <SmsPage />
    case 'ussd':
      return <UssdPage />
    case 'lote':
      return <LotePage />
  }
}
