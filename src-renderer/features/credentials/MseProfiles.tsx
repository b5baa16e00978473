import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MSE_SERVICE_PATTERN } from '../../../src-shared/domain/credentials'
import { useCredentialsStore } from '../../stores/credentials/store'
import { CredentialCard } from './CredentialCard'

/** MSE keeps one profile per service (seed 003 §6.2): a card per stored service, and a way to add one. */
export function MseProfiles() {
  const { t } = useTranslation()
  const items = useCredentialsStore((s) => s.items)
  const [pending, setPending] = useState<string[]>([])
  const [service, setService] = useState('')
  const stored = items.filter((item) => item.provider === 'mse').map((item) => item.name)
  const names = [...new Set([...stored, ...pending])]
  const candidate = service.trim().toUpperCase()
  const valid = MSE_SERVICE_PATTERN.test(candidate)

  const add = (event: FormEvent): void => {
    event.preventDefault()
    if (!valid) return
    setPending((prev) => [...prev, `mse:${candidate}`])
    setService('')
  }

  return (
    <section className="card" aria-label={t('credentials.providers.mse')}>
      <header className="card-head">
        <h2>{t('credentials.providers.mse')}</h2>
      </header>
      <div className="mse-list">
        {names.map((name) => (
          <CredentialCard
            key={name}
            name={name}
            provider="mse"
            title={`${t('credentials.mseService')} ${name.slice(4)}`}
          />
        ))}
      </div>
      <form className="inline-form" onSubmit={add}>
        <label htmlFor="mse-service">{t('credentials.mseService')}</label>
        <input
          id="mse-service"
          value={service}
          onChange={(e) => setService(e.target.value)}
          placeholder="SMS_TEXT"
          spellCheck={false}
        />
        <button type="submit" disabled={!valid}>
          {t('credentials.addMse')}
        </button>
        <span className="hint">{t('credentials.mseServiceHint')}</span>
      </form>
    </section>
  )
}
