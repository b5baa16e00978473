import { useTranslation } from 'react-i18next'
import type { RawAnswer as Raw } from '../../src-shared/contract/lookup'

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

/** "Ver resposta bruta": exactly what the provider answered (request secrets are never part of it). */
export function RawAnswer({ raw }: { raw: Raw }) {
  const { t } = useTranslation()
  return (
    <details className="raw" data-testid="raw-answer">
      <summary>{t('lookup.raw')}</summary>
      <p className="mono muted">
        {raw.method} {raw.url} — {t('lookup.rawStatus', { status: raw.status, duration: raw.durationMs })}
      </p>
      <pre className="mono">{pretty(raw.body)}</pre>
    </details>
  )
}

/** The raw answer an error carries in its detail, if any. */
export function rawOf(detail: unknown): Raw | null {
  const raw = (detail as { raw?: Raw } | undefined)?.raw
  return raw && typeof raw.body === 'string' ? raw : null
}
