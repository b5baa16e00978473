import { useEffect, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  DEFAULT_POLICY,
  policyHash,
  policyLabel,
  policyRef,
  readPolicy,
  type Policy,
} from '../../../src-shared/domain/policy'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useTranslate } from '../../i18n'
import { usePolicyStore } from '../../stores/policy/store'
import { useNavStore } from '../../stores/nav/store'
import { PolicyEditor } from './PolicyEditor'
import { usePolicy } from './usePolicy'

/**
 * The policy in force, edited as a draft: validated live with the shared schema (problems in words), saved whole
 * (the version moves on), exported and imported as the JSON document the CLI takes (`--policy FILE`).
 */
export function PolicyPanel({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation()
  const tr = useTranslate()
  const policy = usePolicy()
  const store = usePolicyStore()
  const [draft, setDraft] = useState<Policy | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const [reason, setReason] = useState('')
  const current = draft ?? policy
  const check = readPolicy(current, tr)
  const dirty = draft !== null && (policyHash(draft) !== policyHash(policy) || draft.name !== policy.name)
  const shown = check.ok ? [] : check.problems
  const ref = policyRef(policy)
  const explained = reason.trim().length >= 3
  const guard = useNavStore((n) => n.guard)
  // Unsaved edits are not lost by a click elsewhere (issue #22): leaving asks first.
  useEffect(() => (dirty ? guard(() => window.confirm(t('policy.editor.leave'))) : undefined), [dirty, guard, t])

  const edit = (next: Policy): void => {
    setDraft(next)
    setMessage(null)
    setProblems([])
  }
  const save = async (): Promise<void> => {
    if (!check.ok || !explained) return
    if (await store.save(check.policy, reason.trim())) {
      setDraft(null)
      setReason('')
      setMessage(t('policy.editor.saved', { label: policyLabel(usePolicyStore.getState().saved ?? ref) }))
    }
  }
  const download = (): void => {
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(policy, null, 2)}\n`], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `sentinela-politica-v${policy.version}.json`
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  const upload = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    let json: unknown
    try {
      json = JSON.parse((await file.text()).replace(/^\uFEFF/, ''))
    } catch {
      setProblems([t('policy.editor.notJson')])
      return
    }
    const read = readPolicy(json, tr)
    if (!read.ok) {
      setProblems(read.problems)
      setMessage(null)
      return
    }
    setDraft(read.policy)
    setProblems([])
    setMessage(t('policy.editor.imported', { name: file.name }))
  }

  return (
    <section className="card policy" data-testid={`${idPrefix}-panel`} aria-label={t('policy.editor.title')}>
      <div className="card-head">
        <h2>{t('policy.editor.title')}</h2>
        <span className="mono" data-testid={`${idPrefix}-identity`}>
          {t('policy.editor.identity', { version: ref.version, hash: ref.hash.slice(0, 8) })}
        </span>
      </div>
      <p className="hint">{t('policy.editor.hint')}</p>
      <PolicyEditor value={current} onChange={edit} idPrefix={idPrefix} />
      {shown.length > 0 && (
        <ul className="plain warn" role="alert" data-testid={`${idPrefix}-problems`}>
          {shown.map((p) => (
            <li key={p}>{t('policy.editor.invalid', { summary: p })}</li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <ul className="plain warn" role="alert" data-testid={`${idPrefix}-import-problems`}>
          {problems.map((p) => (
            <li key={p}>{t('policy.editor.invalid', { summary: p })}</li>
          ))}
        </ul>
      )}
      {store.error && <ErrorBanner error={store.error} />}
      {dirty && (
        <div className="policy-reason">
          <p className="hint" role="status">
            {t('policy.editor.unsaved')}
          </p>
          <label htmlFor={`${idPrefix}-reason`}>{t('policy.editor.reason')}</label>
          <input
            id={`${idPrefix}-reason`}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('policy.editor.reasonPlaceholder')}
            data-testid={`${idPrefix}-reason`}
          />
          {!explained && <p className="hint">{t('policy.editor.reasonNeeded')}</p>}
        </div>
      )}
      {message && (
        <p className="outcome ok" role="status" data-testid={`${idPrefix}-message`}>
          {message}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!dirty || !check.ok || !explained || store.saving}
          onClick={() => void save()}
        >
          {t('policy.editor.save')}
        </button>
        <button type="button" disabled={!dirty} onClick={() => edit(policy)}>
          {t('policy.editor.discard')}
        </button>
        <button type="button" onClick={() => edit({ ...DEFAULT_POLICY, name: policy.name, version: policy.version })}>
          {t('policy.editor.defaults')}
        </button>
        <button type="button" onClick={download}>
          {t('policy.editor.export')}
        </button>
        <label className="button-like">
          {t('policy.editor.import')}
          <input
            type="file"
            accept="application/json,.json"
            className="sr-only"
            data-testid={`${idPrefix}-import`}
            onChange={(e) => void upload(e)}
          />
        </label>
      </div>
    </section>
  )
}
