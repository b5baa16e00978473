import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ENVIRONMENTS, type Environment } from '../../../src-shared/domain/environment'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAppStore } from '../../stores/app/store'
import { useCredentialsStore } from '../../stores/credentials/store'
import { CredentialCard } from './CredentialCard'
import { KeychainHelp } from './KeychainHelp'
import { MseProfiles } from './MseProfiles'

export function CredentialsPage() {
  const { t } = useTranslation()
  const current = useAppStore((s) => s.info?.environment ?? 'sandbox')
  const [environment, setEnvironment] = useState<Environment>(current)
  const start = useCredentialsStore((s) => s.start)
  const error = useCredentialsStore((s) => s.error)
  const loading = useCredentialsStore((s) => s.loading)
  useEffect(() => start(environment), [start, environment])

  return (
    <section className="page" data-testid="page-credenciais">
      <h1 id="page-title">{t('nav.credenciais')}</h1>
      <p className="lead">{t('pages.credenciais')}</p>
      <div className="segmented" role="radiogroup" aria-label={t('credentials.environment')}>
        {ENVIRONMENTS.map((env) => (
          <button
            key={env}
            type="button"
            role="radio"
            aria-checked={env === environment}
            className={env === environment ? 'active' : undefined}
            onClick={() => setEnvironment(env)}
          >
            {t(`environment.${env}`)}
          </button>
        ))}
      </div>
      <p className="hint">{t('credentials.neverShown')}</p>
      {error?.code === 'keychain_unavailable' ? (
        <KeychainHelp error={error} environment={environment} />
      ) : error ? (
        <ErrorBanner error={error} />
      ) : (
        <div className={loading ? 'cards loading' : 'cards'} key={environment}>
          <CredentialCard name="claro" provider="claro" title={t('credentials.providers.claro')} />
          <CredentialCard name="clearsale" provider="clearsale" title={t('credentials.providers.clearsale')} />
          <MseProfiles />
        </div>
      )}
    </section>
  )
}
