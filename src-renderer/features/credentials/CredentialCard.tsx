import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import type { Provider } from '../../../src-shared/domain/environment'
import { selectItem, useCredentialsStore } from '../../stores/credentials/store'
import { CredentialForm } from './CredentialForm'

interface Props {
  name: string
  provider: Provider
  title: string
  /** The provider's own name for it (an MSE service), shown as code after the title. */
  wire?: string
}

/** One credential: its state (configured + hint, never the value), replace, delete with confirmation. */
export function CredentialCard({ name, provider, title, wire }: Props) {
  const { t } = useTranslation()
  const fmt = useFormats()
  const item = useCredentialsStore(selectItem(name))
  const outcome = useCredentialsStore((s) => s.outcome[name])
  const environment = useCredentialsStore((s) => s.environment)
  const remove = useCredentialsStore((s) => s.remove)
  const busy = useCredentialsStore((s) => s.busy === name)
  const [replacing, setReplacing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const configured = item?.status === 'ok'
  const when = item?.updatedAt ? fmt.dateTime(item.updatedAt) : ''

  return (
    <section className="card" data-testid={`cred-${name}`} aria-label={title}>
      <header className="card-head">
        <h2>
          {title} {wire && <code>{wire}</code>}
        </h2>
        <span className={configured ? 'state ok' : 'state'} data-testid="cred-state">
          {configured ? t('credentials.configured') : t('credentials.notConfigured')}
        </span>
      </header>
      {item && item.status === 'ok' && (
        <p className="hint-line" data-testid="cred-hint">
          <span className="mono">{item.hint}</span> · {t('credentials.updatedAt', { date: when })}
        </p>
      )}
      {item?.status === 'unreadable' && <p className="warn">{t('credentials.unreadable')}</p>}
      {outcome && (
        <p className={outcome.ok ? 'outcome ok' : 'outcome error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </p>
      )}
      {!item || replacing ? (
        <CredentialForm
          name={name}
          provider={provider}
          onDone={() => setReplacing(false)}
          onCancel={item ? () => setReplacing(false) : undefined}
        />
      ) : confirming ? (
        <div className="confirm" role="alertdialog" aria-label={t('credentials.confirm')}>
          <p>
            {t('credentials.confirmDelete', { name, environment: environment ? t(`environment.${environment}`) : '' })}
          </p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => void remove(name, t('credentials.deleted', { name })).then(() => setConfirming(false))}
            >
              {t('credentials.confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('credentials.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setReplacing(true)}>
            {t('credentials.replace')}
          </button>
          <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>
            {t('credentials.delete')}
          </button>
        </div>
      )}
    </section>
  )
}
