import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useStatusStore } from '../../stores/status/store'

/** Requests the embedded providers received since the app started: what was really called, per provider. */
export function SandboxStats() {
  const { t } = useTranslation()
  const stats = useStatusStore((s) => s.sandbox)
  const load = useStatusStore((s) => s.loadSandbox)
  useEffect(() => void load(), [load])
  const total = (counters: Record<string, number> = {}): number =>
    Object.entries(counters)
      .filter(([k]) => /^(GET|POST|PUT|DELETE) \/(?!__)/.test(k))
      .reduce((n, [, v]) => n + v, 0)
  return (
    <div className="inline-form" data-testid="sandbox-stats">
      <span>{t('settings.sandboxRequests')}</span>
      {(['claro', 'clearsale', 'mse'] as const).map((p) => (
        <span key={p} className="mono" data-testid={`sandbox-requests-${p}`}>
          {t(`batch.providers.${p}`)}: {total(stats?.[p])}
        </span>
      ))}
      <button type="button" onClick={() => void load()}>
        {t('status.refresh')}
      </button>
    </div>
  )
}
