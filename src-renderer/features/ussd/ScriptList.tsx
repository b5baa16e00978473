import { useTranslation } from 'react-i18next'
import { useUssdStore } from '../../stores/ussd/store'

/** Saved sessions, replayed against the application as a regression check: each screen compared. */
export function ScriptList() {
  const { t } = useTranslation()
  const s = useUssdStore()
  if (s.scripts.length === 0) return <p className="muted">{t('ussd.noScripts')}</p>
  return (
    <ul className="message-list" data-testid="scripts">
      {s.scripts.map((saved) => (
        <li key={saved.id} data-script={saved.script.name}>
          <div className="message-head">
            <strong>{saved.script.name}</strong>
            <span>
              <button type="button" onClick={() => void s.runReplay(saved)} disabled={s.busy}>
                {t('ussd.replay')}
              </button>{' '}
              <button type="button" className="link" onClick={() => void s.deleteScript(saved.id)}>
                {t('ussd.deleteScript')}
              </button>
            </span>
          </div>
          <p className="muted">
            {t('ussd.scriptSteps', {
              count: saved.script.steps.length,
              presses: saved.script.steps.map((st) => st.press).join(' → '),
            })}
          </p>
          <details>
            <summary>{t('ussd.scriptJson')}</summary>
            <pre className="mono">{JSON.stringify(saved.script, null, 2)}</pre>
          </details>
          {s.replay?.scriptId === saved.id && (
            <div data-testid="replay-result" data-ok={String(s.replay.ok)}>
              <p className={s.replay.ok ? 'outcome ok' : 'outcome error'}>
                {s.replay.ok
                  ? t('ussd.replayOk')
                  : t('ussd.replayFailed', { count: s.replay.steps.filter((st) => !st.ok).length })}
              </p>
              <ol className="replay-steps">
                {s.replay.steps.map((st, i) => (
                  <li
                    key={i}
                    className={st.ok ? 'step-ok' : 'step-diff'}
                    data-testid="replay-step"
                    data-ok={String(st.ok)}
                  >
                    <span className="mono">{st.press}</span> · {st.durationMs} ms {st.ok ? '✓' : '✗'}
                    {!st.ok && (
                      <div className="diff">
                        <div>
                          <p className="muted">{t('ussd.expected')}</p>
                          <pre data-testid="expected">{st.expected}</pre>
                        </div>
                        <div>
                          <p className="muted">{t('ussd.actual')}</p>
                          <pre data-testid="actual">{st.actual}</pre>
                        </div>
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </li>
      ))}
    </ul>
  )
}
