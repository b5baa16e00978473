import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { changeText, policyLabel } from '../../../src-shared/domain/policy'
import { useTranslate } from '../../i18n'
import { useFormats } from '../../i18n/formats'
import { usePolicyStore } from '../../stores/policy/store'

/** The policy log (issue #22): every change of the policy in force and every adoption for a batch, in words. */
export function PolicyLog() {
  const { t } = useTranslation()
  const tr = useTranslate()
  const fmt = useFormats()
  const log = usePolicyStore((s) => s.log)
  useEffect(() => {
    void usePolicyStore.getState().loadLog()
  }, [])
  return (
    <section className="card policy-log" data-testid="policy-log" aria-label={t('policy.log.title')}>
      <h2>{t('policy.log.title')}</h2>
      <p className="hint">{t('policy.log.hint')}</p>
      {log !== null && log.length === 0 && <p className="muted">{t('policy.log.empty')}</p>}
      {log !== null && log.length > 0 && (
        <div className="grid-wrap" tabIndex={0} role="region" aria-label={t('policy.log.title')}>
          <table className="grid policy-log-table">
            <thead>
              <tr>
                <th scope="col">{t('policy.log.when')}</th>
                <th scope="col">{t('policy.log.who')}</th>
                <th scope="col">{t('policy.log.what')}</th>
                <th scope="col">{t('policy.log.why')}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((e) => (
                <tr key={e.id} data-testid="policy-log-entry">
                  <td>{fmt.dateTime(e.at)}</td>
                  <td>{e.who}</td>
                  <td>
                    <strong>
                      {e.kind === 'job'
                        ? t('policy.log.adopted', { label: policyLabel(e.ref), job: e.jobId ?? '' })
                        : t('policy.log.inForce', { label: policyLabel(e.ref) })}
                    </strong>
                    <ul className="plain">
                      {e.changes.map((c) => (
                        <li key={c.field}>{changeText(c, tr)}</li>
                      ))}
                      {e.changes.length === 0 && (
                        <li className="muted">{t(e.previous ? 'policy.log.noChange' : 'policy.log.first')}</li>
                      )}
                    </ul>
                  </td>
                  <td className="wrap">{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
