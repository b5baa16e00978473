import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { brasiliaInstant } from '../../../src-shared/domain/format'
import { TOKEN_STATE, type DtTransaction } from '../../../src-shared/domain/clearsale'

function relevanceClass(relevance: string): string {
  const r = relevance.toLowerCase()
  return r === 'alerta' ? 'risk-high' : r === 'positivo' ? 'risk-low' : 'risk-unknown'
}

/** seed 004 Results: score with its timeline, ratings per relation, insights coloured by relevance, validations. */
export function TransactionView({ transaction }: { transaction: DtTransaction }) {
  const { t } = useTranslation()
  const fmt = useFormats()
  const r = transaction.Results
  const date = (d: string | null | undefined): string =>
    // seed 004 dates carry no offset: Brasília time (brasiliaInstant), shown in the analyst's zone.
    d && !Number.isNaN(Date.parse(brasiliaInstant(d))) ? fmt.dateTime(brasiliaInstant(d)) : (d ?? '')
  // ClearSale's reasons are its own words (English in the seed: "Initial"): known ones in the analyst's language.
  const reason = (text: string | null | undefined): string =>
    text ? t(`datatrust.scoreReasons.${text}`, { defaultValue: text }) : ''
  const tokenSms = r?.Validation?.TokenSMS?.result
  const conditional = r?.Validation?.SMSVerification?.ConditionalRule === true
  return (
    <div className="result" data-testid="dt-result">
      <div className="result-head">
        <h3 className="mono">{t('datatrust.transaction', { id: transaction.ID })}</h3>
        {r?.Score && (
          <span
            className={`risk ${r.Score.Value >= 60 ? 'risk-low' : r.Score.Value >= 30 ? 'risk-medium' : 'risk-high'}`}
            data-testid="dt-score"
          >
            {t('datatrust.score')}: {fmt.number(r.Score.Value, 2)}
          </span>
        )}
      </div>
      {r?.Score && (
        <>
          <p className="hint">
            {reason(r.Score.Reason)} · {date(r.Score.Date)}
          </p>
          {(r.Score.Timeline ?? []).length > 0 && (
            <details>
              <summary>{t('datatrust.scoreTimeline')}</summary>
              <ul className="plain">
                {(r.Score.Timeline ?? []).map((e, i) => (
                  <li key={i}>
                    {fmt.number(e.Value, 2)} · {reason(e.Reason)} · {date(e.Date)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {(tokenSms || conditional) && (
        <p data-testid="dt-token-state" className={tokenSms === TOKEN_STATE.valid ? 'outcome ok' : undefined}>
          {conditional
            ? t('datatrust.conditional')
            : t('datatrust.tokenSms', {
                state: t(`datatrust.tokenResult.${tokenSms}`, { defaultValue: tokenSms ?? '' }),
              })}
        </p>
      )}
      <h4>{t('datatrust.ratings')}</h4>
      <ul className="plain ratings">
        {(r?.Ratings ?? []).map((rating, i) => (
          <li key={i}>
            <span>{rating.RelatedTo.map((x) => t(`datatrust.relatedTo.${x}`, { defaultValue: x })).join(' + ')}</span>{' '}
            <strong>{rating.Value}</strong>
          </li>
        ))}
      </ul>
      <h4>{t('datatrust.insights')}</h4>
      <ul className="plain insights" data-testid="dt-insights">
        {(r?.Insights ?? []).map((insight, i) => (
          <li key={`${insight.Code}-${i}`} className={relevanceClass(insight.Relevance)}>
            {insight.Description} <em>({insight.Relevance})</em> <code>{insight.Code}</code>
          </li>
        ))}
      </ul>
    </div>
  )
}
