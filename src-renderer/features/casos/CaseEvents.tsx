import { useTranslation } from 'react-i18next'
import type { CaseDetail, CaseEventView } from '../../../src-shared/contract/cases'
import { answerLines, explain, policyLabel } from '../../../src-shared/domain/policy'
import { changeSentence } from '../../../src-shared/domain/watch'
import { useTranslate } from '../../i18n'
import { useFormats } from '../../i18n/formats'
import { useBatchStore } from '../../stores/batch/store'
import { useNavStore } from '../../stores/nav/store'

/** Where a piece of evidence came from, in words, with the way back to it (a batch row opens its batch). */
function Source({ event }: { event: CaseEventView }) {
  const { t } = useTranslation()
  const go = useNavStore((s) => s.go)
  const ref = event.ref
  if (ref && 'jobId' in ref)
    return (
      <button
        type="button"
        className="link"
        onClick={() => {
          useBatchStore.getState().open(ref.jobId)
          go('lote')
        }}
      >
        {t('cases.evidenceFrom.lote', { job: ref.jobId, name: ref.jobName, row: ref.rowNo })}
      </button>
    )
  if (ref && 'listId' in ref) return <>{t('cases.evidenceFrom.monitoramento', { list: ref.listId })}</>
  return <>{t('cases.evidenceFrom.cliente')}</>
}

/** The case's log, oldest first: each check's answers and sentences, and every act of an analyst. */
export function CaseEvents({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const tr = useTranslate()
  const f = useFormats()
  return (
    <>
      <h3 className="section-title">{t('cases.events')}</h3>
      <ol className="plain case-events" data-testid="case-events">
        {detail.events.map((e) => (
          <li key={e.id} className={`case-event case-event-${e.kind}`}>
            <p>
              <strong>{t(`cases.kinds.${e.kind}`)}</strong> · {f.dateTime(e.at)} ·{' '}
              {e.kind === 'evidence' ? <Source event={e} /> : (e.who ?? t('cases.system'))}
              {e.kind === 'evidence' && e.verdict && (
                <>
                  {' · '}
                  <span className={`verdict-pill verdict-${e.verdict}`}>{t(`verdict.values.${e.verdict}`)}</span>
                </>
              )}
            </p>
            {e.kind === 'evidence' && (
              <ul className="plain">
                {e.change && <li>{changeSentence(e.change as Parameters<typeof changeSentence>[0], tr, f)}</li>}
                {e.facts &&
                  answerLines(e.facts, tr, f).map((a) => (
                    <li key={a.check}>
                      {a.label}: {a.text}
                    </li>
                  ))}
                {explain({ reasons: e.reasons }, tr).map((r) => (
                  <li key={r.code} title={r.code}>
                    {r.text}
                  </li>
                ))}
                {e.policy && <li className="muted">{t('cases.policyUsed', { label: policyLabel(e.policy) })}</li>}
              </ul>
            )}
            {e.kind === 'decided' && (
              <p>
                {t(`verdict.values.${e.verdict ?? ''}`)}: {t(`cases.reasons.${e.reason ?? 'outro'}`)}
                {e.policy && (
                  <span className="muted"> · {t('cases.policyUsed', { label: policyLabel(e.policy) })}</span>
                )}
              </p>
            )}
            {e.kind === 'reopened' && <p>{t(`cases.reopenedBy.${e.reason ?? 'by_analyst'}`)}</p>}
            {e.note && <p className="case-note">{e.note}</p>}
          </li>
        ))}
      </ol>
    </>
  )
}
