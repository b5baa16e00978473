import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../src-shared/domain/format'
import { SUBJECT_KINDS, type SubjectKind } from '../../../src-shared/domain/privacy'
import { ErrorBanner } from '../../components/ErrorBanner'
import { usePrivacyStore } from '../../stores/privacy/store'
import { RelatedList, relatedKey } from './RelatedList'

/**
 * Configurações → Privacidade (LGPD, issue #14): what is kept about a person, and its erasure after an explicit
 * confirmation that names how many records go — with the identifiers seen with them the analyst ticked (issue #23).
 * The audit below lists erasures without saying whose.
 */
export function PrivacyPanel({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation()
  const { busy, error, report, erased, audit } = usePrivacyStore()
  const actions = usePrivacyStore.getState()
  const [kind, setKind] = useState<SubjectKind>('cpf')
  const [value, setValue] = useState('')
  const [confirming, setConfirming] = useState(false)
  // What the analyst ticked belongs to the report it was ticked on: a new report starts unticked.
  const [picked, setPicked] = useState<{ of: typeof report; keys: ReadonlySet<string> }>({ of: null, keys: new Set() })
  const ticked = picked.of === report ? picked.keys : new Set<string>()
  const toggle = (key: string): void => {
    const next = new Set(ticked)
    if (!next.delete(key)) next.add(key)
    setPicked({ of: report, keys: next })
  }
  const also = (report?.related ?? []).flatMap((r) =>
    r.value !== null && ticked.has(relatedKey(r)) ? [{ kind: r.kind, value: r.value }] : [],
  )
  useEffect(() => void usePrivacyStore.getState().loadAudit(), [])
  const when = (iso: string | null): string => (iso ? formatDateTime(iso, timeZone, 'br') : '—')
  // Records past the list's limit (files are counted apart): the total still counts them.
  const hidden = report ? report.total - report.files.reduce((n, f) => n + f.records, 0) - report.records.length : 0
  const count = (removed: Record<string, number>): number => Object.values(removed).reduce((a, b) => a + b, 0)
  return (
    <>
      <h2 className="section-title">{t('privacy.title')}</h2>
      <p className="hint">{t('privacy.intro')}</p>
      <form
        className="inline-form"
        data-testid="privacy-form"
        onSubmit={(e) => {
          e.preventDefault()
          setConfirming(false)
          void actions.ask(kind, value)
        }}
      >
        <label htmlFor="privacy-kind">{t('privacy.kind')}</label>
        <select id="privacy-kind" value={kind} onChange={(e) => setKind(e.target.value as SubjectKind)}>
          {SUBJECT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`privacy.kinds.${k}`)}
            </option>
          ))}
        </select>
        <input
          id="privacy-value"
          className="wide-input"
          aria-label={t('privacy.value')}
          placeholder={t('privacy.value')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          maxLength={320}
          spellCheck={false}
        />
        <button type="submit" disabled={busy || value.trim() === ''}>
          {t('privacy.report')}
        </button>
      </form>
      {error && <ErrorBanner error={error} />}
      {report && (
        <div data-testid="privacy-report">
          <p>
            {report.total === 0
              ? t('privacy.none', { who: report.who })
              : t('privacy.found', { count: report.total, who: report.who })}
          </p>
          {report.records.length > 0 && (
            <table className="grid">
              <thead>
                <tr>
                  <th>{t('privacy.columns.at')}</th>
                  <th>{t('privacy.columns.place')}</th>
                  <th>{t('privacy.columns.what')}</th>
                </tr>
              </thead>
              <tbody>
                {report.records.map((r, i) => (
                  <tr key={i}>
                    <td className="mono">{when(r.at)}</td>
                    <td>{t(`privacy.places.${r.place}`)}</td>
                    <td className="wrap">{r.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {hidden > 0 && <p className="hint">{t('privacy.more', { count: hidden })}</p>}
          {report.files.map((f) => (
            <p key={f.path} className={f.error ? 'warn' : 'mono'}>
              {t(f.error ? 'privacy.fileError' : 'privacy.fileLine', {
                kind: t(`privacy.files.${f.kind}`),
                path: f.path,
                count: f.records,
                reason: f.error ?? '',
              })}
            </p>
          ))}
          <RelatedList related={report.related} ticked={ticked} onToggle={toggle} />
          {report.total > 0 && !confirming && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('privacy.erase')}
            </button>
          )}
          {confirming && (
            <div
              className="confirm"
              role="alertdialog"
              aria-label={t('privacy.eraseTitle')}
              data-testid="privacy-confirm"
            >
              <p>{t('privacy.eraseConfirm', { count: report.total, who: report.who })}</p>
              {also.length > 0 && <p>{t('privacy.eraseAlso', { count: also.length })}</p>}
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => void actions.erase(also).then(() => setConfirming(false))}
              >
                {t('privacy.eraseConfirmButton')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('privacy.cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      {erased && (
        <div data-testid="privacy-erased">
          <p>{t('privacy.erased', { count: erased.total, who: erased.who })}</p>
          {!erased.storageClean && <p className="warn">{t('privacy.notClean')}</p>}
          {erased.files
            .filter((f) => f.error)
            .map((f) => (
              <p key={f.path} className="warn">
                {t('privacy.fileError', { kind: t(`privacy.files.${f.kind}`), path: f.path, reason: f.error ?? '' })}
              </p>
            ))}
        </div>
      )}
      <h3>{t('privacy.audit')}</h3>
      <ul data-testid="privacy-audit">
        {audit.length === 0 && <li className="hint">{t('privacy.auditNone')}</li>}
        {audit.map((a, i) => (
          <li key={i}>
            {t('privacy.auditLine', { at: when(a.at), kind: t(`privacy.kinds.${a.kind}`), count: count(a.removed) })}
          </li>
        ))}
      </ul>
    </>
  )
}
