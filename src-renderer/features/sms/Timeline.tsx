import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import type { MseMessage } from '../../../src-shared/contract/mse'
import { decodeMseDate } from '../../../src-shared/domain/mse-date'

/** One sent message per transaction id: sent, accepted by MSE, and the receipt with its SMPP fields (§6.4.1). */
export function Timeline({ message: m }: { message: MseMessage }) {
  const { t } = useTranslation()
  const fmt = useFormats()
  const time = (iso: string) => fmt.dateTime(iso, { seconds: true })
  const mseDate = (v: string | undefined) => {
    const iso = decodeMseDate(v)
    return iso ? fmt.dateTime(iso) : (v ?? '—')
  }
  const p = m.receiptParams ?? {}
  return (
    <li data-transaction={m.transactionId} data-receipt={m.receiptStatus ?? ''}>
      <div className="message-head">
        <span>
          {m.target} · {t(`wire.service.${m.service}`, { defaultValue: m.service })}
        </span>
        <span className={`receipt receipt-${m.receiptStatus ?? 'waiting'}`} data-testid="receipt-status">
          {m.receiptStatus ? t(`sms.receipt.${m.receiptStatus}`, { defaultValue: m.receiptStatus }) : t('sms.waiting')}
        </span>
      </div>
      <p className="message-text">{m.text}</p>
      <ol className="tx-timeline" data-testid="timeline">
        <li>
          {t('sms.timeline.sent')} · {time(m.at)}
        </li>
        <li>
          {t('sms.timeline.accepted')} · <code>{m.transactionId}</code>
        </li>
        {m.receiptStatus && (
          <li data-testid="timeline-receipt">
            {t('sms.timeline.receipt', {
              status: t(`sms.receipt.${m.receiptStatus}`, { defaultValue: m.receiptStatus }),
            })}{' '}
            · {m.receiptAt ? time(m.receiptAt) : ''}
            {p['INITIALDATE'] && ` · ${t('sms.timeline.initial', { date: mseDate(p['INITIALDATE']) })}`}
            {p['FINALDATE'] && ` · ${t('sms.timeline.final', { date: mseDate(p['FINALDATE']) })}`}
            {p['SMPP_COMMAND_STATUS'] && ` · ${t('sms.timeline.command', { value: p['SMPP_COMMAND_STATUS'] })}`}
          </li>
        )}
      </ol>
    </li>
  )
}
