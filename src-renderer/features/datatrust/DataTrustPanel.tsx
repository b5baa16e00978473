import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { LookupOutcome } from '../../components/LookupOutcome'
import { SubTabs } from '../../components/SubTabs'
import { useDataTrustStore } from '../../stores/datatrust/store'
import { TokenDialog } from './TokenDialog'
import { TransactionForm } from './TransactionForm'
import { TransactionView } from './TransactionView'
import { SearchPanel } from './SearchPanel'
import { SmsConfigPanel } from './SmsConfigPanel'
import { ResendPrompt } from '../../components/ResendPrompt'
import { TOKEN_STATE } from '../../../src-shared/domain/clearsale'

type View = 'transaction' | 'search' | 'sms'

export function DataTrustPanel() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const [view, setView] = useState<View>('transaction')
  const s = useDataTrustStore()
  const start = useDataTrustStore((st) => st.start)
  useEffect(() => start(), [start])
  const token = s.result?.transaction.Results?.Validation?.TokenSMS?.result
  const canValidate = token === TOKEN_STATE.waiting || token === TOKEN_STATE.incorrect

  return (
    <div className="lookup">
      <SubTabs
        views={['transaction', 'search', 'sms'] as const}
        current={view}
        onChange={setView}
        label={(v) => t(`datatrust.views.${v}`)}
      />
      {view === 'search' && <SearchPanel />}
      {view === 'sms' && <SmsConfigPanel />}
      {view === 'transaction' && (
        <>
          <TransactionForm />
          <ResendPrompt error={s.error} onResend={() => s.lastSent && void s.send({ ...s.lastSent, resend: true })} />
          <LookupOutcome status={s.status} error={s.error} answered={s.result} loadingText={t('datatrust.sending')}>
            {s.result && (
              <>
                {s.refreshedAt && (
                  <p className="outcome ok" data-testid="dt-webhook-refresh">
                    {t('datatrust.refreshedByWebhook', {
                      time: fmt.time(s.refreshedAt),
                    })}
                  </p>
                )}
                {s.result.reconciled && (
                  <p className="outcome ok" data-testid="dt-reconciled">
                    {t('errors.clearsale.reconciled', { id: s.result.transaction.ID })}
                  </p>
                )}
                <TransactionView transaction={s.result.transaction} />
                {(canValidate || s.tokenResult) && <TokenDialog />}
                <div className="actions">
                  <button type="button" onClick={() => void s.refresh()}>
                    {t('datatrust.refresh')}
                  </button>
                  <button type="button" onClick={() => void s.loadResult()}>
                    {t('datatrust.loadResult')}
                  </button>
                </div>
              </>
            )}
          </LookupOutcome>
        </>
      )}
    </div>
  )
}
