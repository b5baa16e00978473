import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../src-shared/contract'
import type { RawAnswer as Raw } from '../../src-shared/contract/lookup'
import { ErrorBanner } from './ErrorBanner'
import { RawAnswer, rawOf } from './RawAnswer'

interface Props {
  status: 'idle' | 'loading' | 'done' | 'error'
  error: AppError | null
  /** Present once answered: marks simulated answers and offers the raw body. */
  answered: { environment: string; raw: Raw } | null
  loadingText: string
  children?: ReactNode
}

/** The states every lookup shares: loading, an error with its raw answer, or the result and its raw answer. */
export function LookupOutcome({ status, error, answered, loadingText, children }: Props) {
  const { t } = useTranslation()
  const errorRaw = error ? rawOf(error.detail) : null
  return (
    <div aria-live="polite">
      {status === 'loading' && <p className="muted">{loadingText}</p>}
      {status === 'error' && error && (
        <>
          <ErrorBanner error={error} />
          {errorRaw && <RawAnswer raw={errorRaw} />}
        </>
      )}
      {answered && (
        <>
          {answered.environment === 'sandbox' && <p className="simulated">{t('lookup.simulated')}</p>}
          {children}
          <RawAnswer raw={answered.raw} />
        </>
      )}
    </div>
  )
}
