import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../stores/app/store'
import { useMseStore } from '../../stores/mse/store'
import { ServiceForm } from '../mse/ServiceForm'
import { Inbox } from './Inbox'
import { SimulateMo } from './SimulateMo'

/** SMS over Claro MSE (seed 003 §6.4.1, §6.4.5, §6.4.7): send, follow the receipts, read what subscribers send. */
export function SmsPage() {
  const { t, i18n } = useTranslation()
  const start = useMseStore((s) => s.start)
  const messages = useMseStore((s) => s.messages)
  const sandbox = useAppStore((s) => s.info?.environment === 'sandbox')
  useEffect(() => start(), [start])
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso))
  return (
    <section className="page" data-testid="page-sms">
      <h1 id="page-title">{t('nav.sms')}</h1>
      <p className="lead">{t('pages.sms')}</p>
      <div className="two-columns">
        <div className="lookup">
          <h2>{t('sms.compose')}</h2>
          <ServiceForm form="sms" services={['SMS_TEXT']} initialMode="async-delivery" />
        </div>
        <div>
          <h2>{t('sms.sent')}</h2>
          {messages.length === 0 ? (
            <p className="muted">{t('sms.noneSent')}</p>
          ) : (
            <ul className="message-list" data-testid="sms-sent">
              {messages.map((m) => (
                <li key={m.transactionId} data-transaction={m.transactionId} data-receipt={m.receiptStatus ?? ''}>
                  <div className="message-head">
                    <span className="mono">{m.target}</span>
                    <span className={`receipt receipt-${m.receiptStatus ?? 'waiting'}`} data-testid="receipt-status">
                      {m.receiptStatus ? t(`sms.receipt.${m.receiptStatus}`, { defaultValue: m.receiptStatus }) : t('sms.waiting')}
                    </span>
                  </div>
                  <p className="message-text">{m.text}</p>
                  <p className="muted mono">
                    {m.transactionId} · {time(m.at)}
                    {m.receiptAt ? ` · ${t('sms.receiptAt', { time: time(m.receiptAt) })}` : ''}
                  </p>
                </li>
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
