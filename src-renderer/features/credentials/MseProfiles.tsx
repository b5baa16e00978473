import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MSE_SERVICE_NAMES } from '../../../src-shared/domain/mse-services'
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
  // Every service of seed 003 §6.4 plus the USSD consoles' profile, in words; the wire name is the value.
  const choices = [...MSE_SERVICE_NAMES, 'USSD'].filter((code) => !names.includes(`mse:${code}`))
  const candidate = service
  const valid = choices.includes(candidate)
  const words = (code: string): string => t(`wire.service.${code}`, { defaultValue: code })

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
            title={`${t('credentials.mseService')}: ${words(name.slice(4))}`}
            wire={name.slice(4)}
          />
        ))}
      </div>
      <form className="inline-form" onSubmit={add}>
        <label htmlFor="mse-service">{t('credentials.mseService')}</label>
        <select id="mse-service" value={service} onChange={(e) => setService(e.target.value)}>
          <option value="">{t('credentials.mseChoose')}</option>
          {choices.map((code) => (
            <option key={code} value={code}>
              {words(code)}
            </option>
          ))}
        </select>
        {valid && <code>{candidate}</code>}
        <button type="submit" disabled={!valid}>
          {t('credentials.addMse')}
        </button>
        <span className="hint">{t('credentials.mseServiceHint')}</span>
      </form>
    </section>
  )
}
