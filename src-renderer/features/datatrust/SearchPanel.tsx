import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { WireName } from '../../components/WireName'
import { brasiliaInstant } from '../../../src-shared/domain/format'
import {
  SEARCH_PARAMETERS,
  SEARCH_RESULT_FIELDS,
  SEARCH_TRANSACTION_FIELDS,
} from '../../../src-shared/domain/clearsale'
import type { RequestOf } from '../../../src-shared/contract'
import { useDataTrustConfig } from '../../stores/datatrust/config'
import { ErrorBanner } from '../../components/ErrorBanner'

type Mode = 'parameter' | 'user' | 'period' | 'list'

/** seed 004 "Pesquisa de Transações": four ways to search, chosen fields, pages of up to 50. */
export function SearchPanel() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const [mode, setMode] = useState<Mode>('parameter')
  const [parameter, setParameter] = useState<(typeof SEARCH_PARAMETERS)[number]>('document')
  const [value, setValue] = useState('')
  const [startDate, setStart] = useState('')
  const [endDate, setEnd] = useState('')
  const [limit, setLimit] = useState(10)
  const [txFields, setTxFields] = useState<string[]>(['id', 'document', 'phone', 'email', 'creationdate'])
  const [resultFields, setResultFields] = useState<string[]>(['score'])
  const listing = useDataTrustConfig((s) => s.listing)
  const error = useDataTrustConfig((s) => s.searchError)

  const run = async (page: number): Promise<void> => {
    const common = { limit, page, transactionFields: txFields, resultFields } as const
    const input =
      mode === 'parameter'
        ? { mode, parameter, value, ...common }
        : mode === 'user'
          ? { mode, userId: Number(value), ...common }
          : mode === 'period'
            ? { mode, startDate, endDate, ...common }
            : {
                mode,
                ids: value
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
                ...common,
              }
    await useDataTrustConfig.getState().search(input as RequestOf<'datatrust:search'>)
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(1)
  }
  const toggle = (list: string[], set: (v: string[]) => void, name: string): void =>
    set(list.includes(name) ? list.filter((n) => n !== name) : [...list, name])
  const score = (tx: Record<string, unknown>): string => {
    const value = (tx['Results'] as { Score?: { Value?: number } } | undefined)?.Score?.Value
    return typeof value === 'number' ? fmt.number(value, 2) : ''
  }

  return (
    <div className="search-panel">
      <form className="lookup-form" onSubmit={submit} aria-label={t('datatrust.views.search')}>
        <div className="filters">
          <label>
            {t('datatrust.search.mode')}
            <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
              {(['parameter', 'user', 'period', 'list'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`datatrust.search.modes.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {mode === 'parameter' && (
            <label>
              {t('datatrust.search.parameter')}
              <select value={parameter} onChange={(e) => setParameter(e.target.value as typeof parameter)}>
                {SEARCH_PARAMETERS.map((p) => (
                  <option key={p} value={p}>
                    {t(`datatrust.searchFields.${p}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {mode === 'period' ? (
            <>
              <label>
                {t('datatrust.search.start')}
                <input type="date" value={startDate} onChange={(e) => setStart(e.target.value)} required />
              </label>
              <label>
                {t('datatrust.search.end')}
                <input type="date" value={endDate} onChange={(e) => setEnd(e.target.value)} required />
              </label>
            </>
          ) : (
            <label>
              {mode === 'user'
                ? t('datatrust.search.userId')
                : mode === 'list'
                  ? t('datatrust.search.ids')
                  : t('datatrust.search.value')}
              <input id="dt-search-value" value={value} onChange={(e) => setValue(e.target.value)} required />
            </label>
          )}
          <label>
            {t('datatrust.search.limit')}
            <input
              type="number"
              min={1}
              max={50}
              value={limit}
              onChange={(e) => setLimit(Math.min(50, Math.max(1, Number(e.target.value) || 1)))}
            />
          </label>
        </div>
        <fieldset className="field-picker">
          <legend>{t('datatrust.search.fields')}</legend>
          {SEARCH_TRANSACTION_FIELDS.map((f) => (
            <label key={f} className="check">
              <input type="checkbox" checked={txFields.includes(f)} onChange={() => toggle(txFields, setTxFields, f)} />
              <WireName words={t(`datatrust.searchFields.${f}`)} wire={f} />
            </label>
          ))}
          {SEARCH_RESULT_FIELDS.map((f) => (
            <label key={f} className="check">
              <input
                type="checkbox"
                checked={resultFields.includes(f)}
                onChange={() => toggle(resultFields, setResultFields, f)}
              />
              <WireName words={t(`datatrust.searchFields.${f}`)} wire={`result.${f}`} />
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            {t('datatrust.search.run')}
          </button>
        </div>
      </form>
      {error && <ErrorBanner error={error} />}
      {listing && listing.transactions.length === 0 && <p className="empty">{t('datatrust.search.empty')}</p>}
      {listing && listing.transactions.length > 0 && (
        <>
          <p className="muted" data-testid="dt-search-page">
            {t('datatrust.search.page', {
              page: listing.location,
              pages: listing.totalPages,
              total: listing.totalTransactions,
            })}
          </p>
          <div className="grid-wrap" tabIndex={0} role="region" aria-label={t('datatrust.views.search')}>
            <table className="grid">
              <thead>
                <tr>
                  <th>{t('datatrust.search.columns.id')}</th>
                  <th>{t('datatrust.search.columns.cpf')}</th>
                  <th>{t('datatrust.search.columns.phone')}</th>
                  <th>{t('datatrust.search.columns.email')}</th>
                  <th>{t('datatrust.search.columns.created')}</th>
                  <th className="num">{t('datatrust.search.columns.score')}</th>
                </tr>
              </thead>
              <tbody>
                {listing.transactions.map((tx, i) => (
                  <tr key={String(tx['ID'] ?? i)}>
                    <td className="mono">{String(tx['ID'] ?? '')}</td>
                    <td>{fmt.cpf(String(tx['Document'] ?? ''))}</td>
                    <td>{fmt.phone(`55${String(tx['AreaCode'] ?? '')}${String(tx['Phone'] ?? '')}`)}</td>
                    <td>{String(tx['Email'] ?? '')}</td>
                    {/* seed 004 dates carry no offset: Brasília time, shown in the analyst's zone. */}
                    <td>{tx['CreationDate'] ? fmt.dateTime(brasiliaInstant(String(tx['CreationDate']))) : ''}</td>
                    <td className="num">{score(tx)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" disabled={listing.location <= 1} onClick={() => void run(listing.location - 1)}>
              {t('datatrust.search.previous')}
            </button>
            <button
              type="button"
              disabled={listing.location >= listing.totalPages}
              onClick={() => void run(listing.location + 1)}
            >
              {t('datatrust.search.next')}
            </button>
          </div>
        </>
      )}
    </div>
  )
}
