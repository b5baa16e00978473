import { useTranslation } from 'react-i18next'
import type { AppError } from '../../src-shared/contract'

/** Codes the renderer raises itself (the core never sent a message for them). */
const LOCAL_CODES = new Set(['unreachable'])

export function ErrorBanner({ error }: { error: AppError }) {
  const { t } = useTranslation()
  const text = LOCAL_CODES.has(error.code) ? t(`errors.${error.code}`) : error.message
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>{error.code}</strong> {text}
    </div>
  )
}
