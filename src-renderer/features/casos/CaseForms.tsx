import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '../../../src-shared/contract/cases'
import { CASE_REASONS, type CaseReason } from '../../../src-shared/domain/cases'
import { useCasesStore } from '../../stores/cases/store'

/** Enter confirms from anywhere in the form but the note (where it is a line break); Esc cancels (the page). */
function submitOnEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.shiftKey) return
  if (event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLButtonElement) return
  event.preventDefault()
  event.currentTarget.requestSubmit()
}

/** The analyst's acts on the open case: decide (a reason from the short list, a note), note, reopen. */
export function CaseForms({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const form = useCasesStore((s) => s.form)
  const busy = useCasesStore((s) => s.busy)
  const s = useCasesStore.getState
  const [reason, setReason] = useState<CaseReason | ''>('')
  const [note, setNote] = useState('')
  if (!form) return null
  const reset = (): void => {
    setReason('')
    setNote('')
  }
  if (form.kind === 'decide') {
    const reasons = CASE_REASONS[form.verdict]
    const chosen: CaseReason = reason && (reasons as readonly string[]).includes(reason) ? reason : reasons[0]
    const needsNote = chosen === 'outro' && note.trim().length < 3
    const submit = (event: FormEvent): void => {
      event.preventDefault()
      if (needsNote) return
      void s()
        .decide(chosen, note)
        .then((ok) => ok && reset())
    }
    return (
      <form className="card case-form" onSubmit={submit} onKeyDown={submitOnEnter} data-testid="case-decide">
        <h3>{t('cases.form.title', { id: detail.id })}</h3>
        <p>
          {t('cases.form.verdict')}:{' '}
          <strong className={`verdict-pill verdict-${form.verdict}`}>{t(`verdict.values.${form.verdict}`)}</strong>
        </p>
        <label htmlFor="case-reason">{t('cases.form.reason')}</label>
        <select
          id="case-reason"
          autoFocus
          value={chosen}
          onChange={(e) => setReason(e.target.value as CaseReason)}
          data-testid="case-reason"
        >
          {reasons.map((r) => (
            <option key={r} value={r}>
              {t(`cases.reasons.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor="case-note">{t(chosen === 'outro' ? 'cases.form.noteRequired' : 'cases.form.note')}</label>
        <textarea id="case-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || needsNote}>
            {t('cases.form.confirm')}
          </button>
          <button type="button" onClick={() => s().cancelForm()}>
            {t('cases.form.cancel')}
          </button>
        </div>
      </form>
    )
  }
  const isNote = form.kind === 'note'
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const act = isNote ? s().note(note) : s().reopen(note)
    void act.then((ok) => ok && reset())
  }
  return (
    <form className="card case-form" onSubmit={submit} data-testid={isNote ? 'case-note-form' : 'case-reopen'}>
      <h3>{isNote ? t('cases.form.noteTitle', { id: detail.id }) : t('cases.reopen')}</h3>
      <label htmlFor="case-text">{isNote ? t('cases.form.note') : t('cases.form.reopenNote')}</label>
      <textarea
        id="case-text"
        autoFocus
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || (isNote && note.trim() === '')}>
          {isNote ? t('cases.form.saveNote') : t('cases.reopen')}
        </button>
        <button type="button" onClick={() => s().cancelForm()}>
          {t('cases.form.cancel')}
        </button>
      </div>
    </form>
  )
}
