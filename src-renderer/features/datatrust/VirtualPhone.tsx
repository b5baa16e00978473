import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { useDataTrustStore } from '../../stores/datatrust/store'

/** The sandbox's virtual handset: the SMS the simulated ClearSale sent (tokens, 2nd-factor questions). */
export function VirtualPhone() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const inbox = useDataTrustStore((s) => s.inbox)
  const reload = useDataTrustStore((s) => s.loadInbox)
  return (
    <section className="phone" aria-label={t('datatrust.phone')} data-testid="virtual-phone">
      <div className="card-head">
        <h2>{t('datatrust.phone')}</h2>
        <button type="button" className="link" onClick={() => void reload()}>
          {t('status.refresh')}
        </button>
      </div>
      {inbox.length === 0 ? (
        <p className="muted">{t('datatrust.phoneEmpty')}</p>
      ) : (
        <ol className="sms-list">
          {[...inbox].reverse().map((m, i) => (
            <li key={`${m.at}-${i}`} data-testid="phone-message">
              <span className="mono muted">
                {m.to} · {fmt.time(m.at)}
              </span>
              <p>{m.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
