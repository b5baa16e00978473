import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MseCallResult } from '../../../src-shared/contract/mse'
import { WireName } from '../../components/WireName'
import { MSE_SERVICES } from '../../../src-shared/domain/mse-services'

const KNOWN_STATUS = new Set([0, 12, 110])

/** An `mse-response` (seed 003 §6.5) as an analyst reads it: status and meaning, outputs with labels, oddities. */
export function MseResult({ result, children }: { result: MseCallResult; children?: ReactNode }) {
  const { t } = useTranslation()
  const ok = result.statusCode === 0
  const meaning = t(KNOWN_STATUS.has(result.statusCode) ? `mse.status.s${result.statusCode}` : 'mse.status.other')
  const outputs = MSE_SERVICES.get(result.service)?.outputs ?? []
  const entries = Object.entries(result.parameters)
  const shown = (value: string): string => (value === 'true' ? t('mse.yes') : value === 'false' ? t('mse.no') : value)
  return (
    <div className="card mse-result" data-testid="mse-result">
      <p className={ok ? 'outcome ok' : 'outcome error'} data-testid="mse-status">
        {t('mse.statusLine', { code: result.statusCode, meaning })}
        {result.errorMessage ? (
          <>
            {' · '}
            {t('mse.providerSays')} <q data-testid="mse-error-message">{result.errorMessage}</q>
          </>
        ) : null}
      </p>
      {result.transactionId && <p className="muted mono">{t('mse.transaction', { id: result.transactionId })}</p>}
      <details className="mse-sent" data-testid="mse-sent">
        <summary>{t('mse.sent', { method: result.sent.method })}</summary>
        <pre className="mono">{result.sent.form.split('&').join('\n&')}</pre>
      </details>
      {result.warnings.length > 0 && (
        <div className="warn" role="note">
          {t('mse.warnings')}
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {ok && result.mode !== 'sync' && (
        <p className="muted">{t('mse.acknowledged', { mode: t(`mse.modes.${result.mode}`) })}</p>
      )}
      {ok && result.mode === 'sync' && outputs.length === 0 && entries.length === 0 && (
        <p className="muted">{t('mse.noOutputs')}</p>
      )}
      {entries.length > 0 && (
        <dl className="facts" data-testid="mse-outputs">
          {entries.map(([name, value]) => (
            <div key={name} className="fact-row" data-param={name}>
              <dt>
                <WireName words={t(`wire.param.${name}`, { defaultValue: name })} wire={name} />
              </dt>
              <dd className="mono">{shown(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {ok && children}
    </div>
  )
}
