import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { useMseStore } from '../../stores/mse/store'

/** Sandbox: what each subscriber received, and a reply that comes back as an MO (§6.4.5). */
export function VirtualHandsets() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const handsets = useMseStore((s) => s.handsets)
  const simulate = useMseStore((s) => s.simulateMo)
  const [reply, setReply] = useState<Record<string, string>>({})
  const time = (iso: string) => fmt.time(iso)
  return (
    <>
      <h2>{t('sms.handsets')}</h2>
      <p className="muted">{t('sms.handsetsHint')}</p>
      {handsets.length === 0 ? (
        <p className="muted">{t('sms.noHandsets')}</p>
      ) : (
        <ul className="message-list" data-testid="sms-handsets">
          {handsets.map((h) => {
            const to = h.messages[0]?.from || '333'
            return (
              <li key={h.msisdn} data-msisdn={h.msisdn}>
                <strong className="mono">{h.msisdn}</strong>
                <ul className="handset-inbox">
                  {h.messages.map((m) => (
                    <li key={m.transactionId}>
                      <span className="muted">
                        {time(m.at)} · {m.from || '—'}:
                      </span>{' '}
                      {m.text}
                    </li>
                  ))}
                </ul>
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault()
                    const text = reply[h.msisdn]?.trim()
                    if (text)
                      void simulate({ kind: 'sms', anum: h.msisdn, bnum: to, text }).then(() =>
                        setReply({ ...reply, [h.msisdn]: '' }),
                      )
                  }}
                >
                  <input
                    aria-label={t('sms.replyTo', { msisdn: h.msisdn, to })}
                    value={reply[h.msisdn] ?? ''}
                    onChange={(e) => setReply({ ...reply, [h.msisdn]: e.target.value })}
                    maxLength={160}
                  />
                  <button type="submit">{t('sms.reply')}</button>
                </form>
              </li>
            )
          })}
        </ul>
      )}
    </>
  )
}
