import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'

/** Requests the embedded providers received since the app started: what was really called, per provider. */
export function SandboxStats() {
  const { t } = useTranslation()
  const [stats, setStats] = useState<Record<string, Record<string, number>> | null>(null)
  const load = useCallback(() => void call('sandbox:stats', {}).then(setStats, () => setStats(null)), [])
  useEffect(load, [load])
  const total = (counters: Record<string, number> = {}): number => Object.entries(counters).filter(([k]) => /^(GET|POST|PUT|DELETE) \/(?!__)/.test(k)).reduce((n, [, v]) => n + v, 0)
  return (
    <div className="inline-form" data-testid="sandbox-stats">
      <span>{t('settings.sandboxRequests')}</span>
      {(['claro', 'clearsale', 'mse'] as const).map((p) => (
        <span key={p} className="mono" data-testid={`sandbox-requests-${p}`}>
          {t(`batch.providers.${p}`)}: {total(stats?.[p])}
        </span>
      ))}
      <button type="button" onClick={load}>
        {t('status.refresh')}
      </button>
    </div>
  )
}
