import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import type { MseInbound } from '../../../src-shared/contract/mse'
import { useMseStore } from '../../stores/mse/store'

function MmsParts({ mo }: { mo: MseInbound }) {
  const { t } = useTranslation()
  return (
    <details className="mms-parts">
      <summary>{t('sms.parts', { count: mo.parts?.length ?? 0 })}</summary>
      <ul>
        {(mo.parts ?? []).map((p, i) => (
          <li key={`${p.contentId ?? ''}${i}`} data-content-type={p.contentType}>
            <span className="mono">
              {t('sms.part', { type: p.contentType, size: p.size })}
              {p.name ? ` · ${p.name}` : ''}
            </span>
            {p.dataUrl && <img src={p.dataUrl} alt={p.name ?? p.contentType} className="mms-image" />}
            {p.text && !p.contentType.startsWith('text/plain') && <pre className="mono">{p.text}</pre>}
          </li>
        ))}
      </ul>
      {(mo.warnings ?? []).map((w) => (
        <p key={w} className="warn">
          {w}
        </p>
      ))}
    </details>
  )
}

/** SMS MO (§6.4.5.1) and MMS MO (§6.4.7.1) as delivered to the callback listener, newest first. */
export function Inbox() {
  const { t } = useTranslation()
  const fmt = useFormats()
  // USSD answers have their own list in the USSD console.
  const inbox = useMseStore((s) => s.inbox).filter((m) => m.kind !== 'ussd')
  const time = (iso: string) => fmt.dateTime(iso, { seconds: true })
  return (
    <>
      <h2>{t('sms.inbox')}</h2>
      {inbox.length === 0 ? (
        <p className="muted">{t('sms.inboxEmpty')}</p>
      ) : (
        <ul className="message-list" data-testid="sms-inbox">
          {inbox.map((mo) => (
            <li key={`${mo.kind}${mo.id}${mo.at}`} data-kind={mo.kind}>
              <div className="message-head">
                <span className="mono">
                  {mo.anum} → {mo.bnum}
                </span>
                <span className="muted">
                  {mo.kind === 'mms' ? `${t('sms.mms')} · ` : ''}
                  {time(mo.at)}
                </span>
              </div>
              <p className="message-text" data-testid="mo-text">
                {mo.text}
              </p>
              {mo.kind === 'mms' && <MmsParts mo={mo} />}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
