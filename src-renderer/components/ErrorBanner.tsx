import { useTranslation } from 'react-i18next'
import type { AppError } from '../../src-shared/contract'

/** Codes the renderer raises itself (the core never sent a message for them). */
const LOCAL_CODES = new Set(['unreachable'])

/**
 * What happened and what to do, in a sentence; the code stays beside it for support and scripts, secondary and
 * styled as code (issue #16: no code leads a message).
 */
export function ErrorBanner({ error }: { error: AppError }) {
  const { t } = useTranslation()
  const text = LOCAL_CODES.has(error.code) ? t(`errors.${error.code}`) : error.message
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span>{text}</span>{' '}
      <code className="error-code" title={t('errors.codeHint')}>
        {error.code}
      </code>
    </div>
  )
}
