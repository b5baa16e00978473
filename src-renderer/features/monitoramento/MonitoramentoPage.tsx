import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../../components/ErrorBanner'
import { FilePick } from '../../components/FilePick'
import { useFormats } from '../../i18n/formats'
import { useWatchStore } from '../../stores/watch/store'
import { ChangeFeed } from './ChangeFeed'
import { LineDrawer } from './LineDrawer'

/**
 * Monitoramento (issue #17): watchlists re-checked on a cadence, what each costs a day against the quota, and the
 * changes they found — unread first, each opening its line's timeline.
 */
export function MonitoramentoPage() {
  const { t } = useTranslation()
  const fmt = useFormats()
  const s = useWatchStore()
  const start = useWatchStore((st) => st.start)
  useEffect(() => start(), [start])
  const [file, setFile] = useState<File | null>(null)
  const [name, setName] = useState('')
  const [score, setScore] = useState(false)
  const [every, setEvery] = useState(60)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!file) return
    void s.add(file, {
      name: name.trim() || file.name,
      checks: score ? ['alerts', 'score'] : ['alerts'],
      everyMinutes: every,
    })
  }
  return (
    <section className="page" data-testid="page-monitoramento">
      <h1 id="page-title">{t('nav.monitoramento')}</h1>
      <p className="lead">{t('pages.monitoramento')}</p>
      {s.error && <ErrorBanner error={s.error} />}
      <div className="lote">
        <div className="lookup">
          <form className="lookup-form" onSubmit={submit} aria-label={t('monitor.create')}>
            <div className="field">
              <span className="label">{t('batch.file')}</span>
              <FilePick id="watch-file" fileName={file?.name ?? null} onFile={setFile} />
            </div>
            <div className="field">
              <label htmlFor="watch-name">{t('monitor.name')}</label>
              <input id="watch-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
            </div>
            <div className="field">
              <span className="label">{t('monitor.checks')}</span>
              <div className="events">
                <label className="check">
                  <input type="checkbox" checked disabled /> {t('monitor.alerts')}
                </label>
                <label className="check">
                  <input type="checkbox" checked={score} onChange={(e) => setScore(e.target.checked)} />{' '}
                  {t('monitor.score')}
                </label>
              </div>
            </div>
            <div className="field">
              <label htmlFor="watch-every">{t('monitor.every')}</label>
              <input
                id="watch-every"
                type="number"
                min={1}
                max={10080}
                value={every}
                onChange={(e) => setEvery(Math.min(10080, Math.max(1, Number(e.target.value) || 1)))}
              />
            </div>
            <div className="actions">
              <button type="submit" className="primary" disabled={!file || s.busy}>
                {t('monitor.createButton')}
              </button>
            </div>
            <p className="hint">{t('monitor.createHint')}</p>
          </form>
          <h2 className="section-title">{t('monitor.lists')}</h2>
          {s.lists.length === 0 ? (
            <p className="empty">{t('monitor.noLists')}</p>
          ) : (
            <ul className="message-list" data-testid="watch-lists">
              {s.lists.map((l) => (
                <li key={l.id} data-list={l.id}>
                  <div className="message-head">
                    <strong>{l.name}</strong>
                    <span className={l.active ? 'state ok' : 'state'}>
                      {t(l.running ? 'monitor.running' : l.active ? 'monitor.active' : 'monitor.paused')}
                    </span>
                  </div>
                  <p className="hint">
                    {t('monitor.summary', {
                      count: l.lines,
                      lines: fmt.number(l.lines, 0),
                      checks: l.checks.map((c) => t(`batch.checkNames.${c}`)).join(' + '),
                      every: l.everyMinutes,
                    })}
                  </p>
                  <p className={l.quota.claroPerDay > l.quota.trial ? 'hint warn' : 'hint'} data-testid="watch-quota">
                    {t('monitor.quota', {
                      perDay: fmt.number(l.quota.claroPerDay, 0),
                      trial: fmt.number(l.quota.trial, 0),
                    })}
                  </p>
                  <p className="hint">
                    {t('monitor.runs', {
                      last: l.lastRun ? fmt.dateTime(l.lastRun) : t('monitor.never'),
                      next: l.nextRun ? fmt.dateTime(l.nextRun) : t('monitor.paused'),
                    })}
                  </p>
                  <div className="actions">
                    <button type="button" onClick={() => void s.setActive(l.id, !l.active)}>
                      {t(l.active ? 'monitor.pause' : 'monitor.activate')}
                    </button>
                    <button type="button" disabled={l.running} onClick={() => void s.run(l.id)}>
                      {t('monitor.runNow')}
                    </button>
                    <button type="button" className="danger-outline" onClick={() => void s.remove(l.id)}>
                      {t('monitor.remove')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
        <ChangeFeed />
      </div>
      {s.line && <LineDrawer />}
    </section>
  )
}
