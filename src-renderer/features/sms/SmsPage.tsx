import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../stores/app/store'
import { useMseStore } from '../../stores/mse/store'
import { ServiceForm } from '../mse/ServiceForm'
import { Inbox } from './Inbox'
import { SimulateMo } from './SimulateMo'
import { SmsTextInfo } from './SmsTextInfo'
import { Timeline } from './Timeline'
import { VirtualHandsets } from './VirtualHandsets'

/** SMS over Claro MSE (seed 003 §6.4.1–6.4.5, §6.4.13, §7): compose, follow each transaction to its receipt, read MO. */
export function SmsPage() {
  const { t } = useTranslation()
  const start = useMseStore((s) => s.start)
  const loadHandsets = useMseStore((s) => s.loadHandsets)
  const messages = useMseStore((s) => s.messages)
  const sandbox = useAppStore((s) => s.info?.environment === 'sandbox')
  useEffect(() => start(), [start])
  useEffect(() => {
    if (sandbox) void loadHandsets()
  }, [sandbox, loadHandsets])
  return (
    <section className="page" data-testid="page-sms">
      <h1 id="page-title">{t('nav.sms')}</h1>
      <p className="lead">{t('pages.sms')}</p>
      <div className="two-columns">
        <div className="lookup">
          <h2>{t('sms.compose')}</h2>
          <ServiceForm
            form="sms"
            services={['SMS_TEXT', 'SMS_EMS', 'SMS_WAP_PUSH']}
            initialMode="async-delivery"
            hint={(param, value) => (param === 'TEXT' ? <SmsTextInfo text={value} /> : null)}
          />
          {sandbox && <VirtualHandsets />}
        </div>
        <div>
          <h2>{t('sms.sent')}</h2>
          {messages.length === 0 ? (
            <p className="muted">{t('sms.noneSent')}</p>
          ) : (
            <ul className="message-list" data-testid="sms-sent">
              {messages.map((m) => (
                <Timeline key={m.transactionId} message={m} />
              ))}
            </ul>
          )}
          <Inbox />
          {sandbox && <SimulateMo />}
        </div>
      </div>
    </section>
  )
}
