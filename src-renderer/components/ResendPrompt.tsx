import { useTranslation } from 'react-i18next'
import type { AppError } from '../../src-shared/contract'

/** Errors after which an effect may have happened: only the analyst decides to send again. */
const UNCERTAIN = /^(effect_unsettled|[a-z]+\.outcome_unknown)$/

/** "Resultado incerto": what to check, and the one explicit way to send again (issue #13, effects at most once). */
export function ResendPrompt({ error, onResend }: { error: AppError | null; onResend(): void }) {
  const { t } = useTranslation()
  if (!error || !UNCERTAIN.test(error.code)) return null
  return (
    <div className="confirm" role="alertdialog" aria-label={t('effects.title')} data-testid="resend-prompt">
      <p>
        <strong>{t('effects.title')}</strong> — {t('effects.hint')}
      </p>
      <button type="button" className="danger-outline" onClick={onResend}>
        {t('effects.resend')}
      </button>
    </div>
  )
}
