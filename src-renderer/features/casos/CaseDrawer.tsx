import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '../../../src-shared/contract/cases'
import { caseDossier } from '../../../src-shared/domain/dossier'
import { changeSentence } from '../../../src-shared/domain/watch'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useFormats } from '../../i18n/formats'
import { useCasesStore } from '../../stores/cases/store'
import { usePrintStore } from '../../stores/print/store'
import { ReasonList } from '../policy/ReasonList'
import { personLine } from './CaseQueue'
import { CaseEvents } from './CaseEvents'
import { CaseForms } from './CaseForms'
import { useDossierContext } from './dossier'
import { useOpenInCustomer } from '../cliente/openInCustomer'
import { useTranslate } from '../../i18n'
import { policyLabel } from '../../../src-shared/domain/policy'

/** One case whole: the machine's verdict and sentences, every piece of evidence, the watch timeline, the decisions. */
export function CaseDrawer({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const tr = useTranslate()
  const f = useFormats()
  const s = useCasesStore()
  const openInCustomer = useOpenInCustomer()
  const dossier = useDossierContext()
  const printError = usePrintStore((p) => p.error)
  const savedPdf = usePrintStore((p) => p.savedPath)
  const open = detail.status === 'open'
  return (
    <aside className="drawer case-drawer" role="dialog" aria-labelledby="case-title" data-testid="case-drawer">
      <div className="card-head">
        <h2 id="case-title">
          {t('cases.caseTitle', { id: detail.id })} · {personLine(detail.person, f) || t('cases.noIdentifier')}
        </h2>
        <button type="button" className="link" onClick={() => s.close()}>
          {t('cases.close')}
        </button>
      </div>
      <p className="muted">
        {t(`cases.state.${detail.status}`)} · {t(`cases.origins.${detail.origin}`)} · {f.dateTime(detail.openedAt)} ·{' '}
        {t('cases.evidence', { count: detail.evidence })}
      </p>
      <div className="actions case-actions">
        {open ? (
          <>
            <button type="button" onClick={() => void s.startForm({ kind: 'decide', verdict: 'aprovar' })}>
              {t('cases.approve')} <kbd>a</kbd>
            </button>
            <button type="button" onClick={() => void s.startForm({ kind: 'decide', verdict: 'recusar' })}>
              {t('cases.refuse')} <kbd>r</kbd>
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void s.startForm({ kind: 'reopen' })}>
            {t('cases.reopen')}
          </button>
        )}
        <button type="button" onClick={() => void s.startForm({ kind: 'note' })}>
          {t('cases.addNote')} <kbd>n</kbd>
        </button>
        <button type="button" onClick={() => openInCustomer(detail.person, false)}>
          {t('cases.openInCustomer')}
        </button>
        <button type="button" onClick={() => openInCustomer(detail.person, true)}>
          {t('cases.checkAgain')}
        </button>
        <button
          type="button"
          onClick={() =>
            void usePrintStore.getState().print(caseDossier(detail, dossier()), `sentinela-caso-${detail.id}.pdf`)
          }
        >
          {t('cases.dossier')}
        </button>
      </div>
      {printError && <ErrorBanner error={printError} />}
      {savedPdf && <p className="outcome ok">{t('dossier.saved', { path: savedPdf })}</p>}
      <CaseForms detail={detail} />
      <section className="result verdict" aria-label={t('cases.machine')}>
        <h3>{t('cases.machineVerdict', { verdict: t(`verdict.values.${detail.machine.verdict}`) })}</h3>
        {detail.machine.reasons.length ? (
          <ReasonList reasons={detail.machine.reasons} testId="case-reasons" />
        ) : (
          <p className="muted">{t('verdict.none')}</p>
        )}
        <p className="hint">{t('cases.policyUsed', { label: policyLabel(detail.machine.policy) })}</p>
      </section>
      <p data-testid="case-decision">
        <strong>{t('cases.decision')}:</strong>{' '}
        {detail.decision
          ? t('cases.decided', {
              verdict: t(`verdict.values.${detail.decision.verdict}`),
              who: detail.decision.who,
              at: f.dateTime(detail.decision.at),
              reason: t(`cases.reasons.${detail.decision.reason}`),
            })
          : t('cases.undecided')}
      </p>
      <CaseEvents detail={detail} />
      <h3 className="section-title">{t('cases.timeline')}</h3>
      {detail.timeline.length === 0 ? (
        <p className="muted">{t('cases.noTimeline')}</p>
      ) : (
        <ul className="plain" data-testid="case-timeline">
          {detail.timeline.map((c) => (
            <li key={c.id}>
              {f.dateTime(c.detectedAt)} · {t(`verdict.values.${c.severity}`)} · {changeSentence(c, tr, f)}
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
