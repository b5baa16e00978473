import { maskCpf } from '../../../src-shared/domain/cpf'
import { formatCpfBr, formatPhoneBr } from '../../../src-shared/domain/format'
import { maskMsisdn } from '../../../src-shared/domain/phone'
import { SUBJECT_KINDS, subjectKey, type Subject, type SubjectKind } from '../../../src-shared/domain/privacy'
import { RELATED_LIMIT } from '../../../src-shared/contract/privacy'
import type { DbRecord } from './records'

/*
 * Issue #23, "a person, not a string": a CPF's Data Trust answer names the person's phone and e-mail, their batch row
 * names all three. Erasing the CPF alone left the phone's Alerta lookups behind; the erasure now lists the people its
 * records name and offers them (the analyst chooses: a shared number is not the same person).
 */

export interface Related {
  kind: SubjectKind
  /** Normalised, to erase it; null when the record kept it masked (the analyst must type it whole). */
  value: string | null
  /** As people read it: `(11) 98765-4321`, `529.982.247-25`, or the masked face `529.***.***-25`. */
  shown: string
}

/** Offered at most: more identifiers than this around one person is a shared one (a shop's phone), not a person. */
export const MAX_RELATED = RELATED_LIMIT

const masks: Record<SubjectKind, (value: string) => string> = {
  cpf: maskCpf,
  phone: maskMsisdn,
  email: (v) => v,
}
const faces: Record<SubjectKind, (value: string) => string> = {
  cpf: formatCpfBr,
  phone: formatPhoneBr,
  email: (v) => v,
}

/** The identifiers the records name besides the people themselves, CPFs first, then phones, then e-mails. */
export function relatedOf(people: readonly Subject[], records: readonly DbRecord[]): Related[] {
  const skip = new Set(people.map(subjectKey))
  const found = new Map<string, Related>()
  for (const s of records.flatMap((r) => r.carries?.subjects ?? []))
    if (!skip.has(subjectKey(s)))
      found.set(subjectKey(s), { kind: s.kind, value: s.value, shown: faces[s.kind](s.value) })
  // A masked face is offered only when nobody known wears it (the person's own rows are masked too).
  const worn = new Set(
    [...people, ...found.values()].flatMap((s) => (s.value ? [`${s.kind}:${masks[s.kind](s.value)}`] : [])),
  )
  for (const m of records.flatMap((r) => r.carries?.masked ?? []))
    if (!worn.has(`${m.kind}:${m.shown}`)) found.set(`masked:${m.kind}:${m.shown}`, { ...m, value: null })
  const order = (r: Related): number => SUBJECT_KINDS.indexOf(r.kind) * 2 + (r.value === null ? 1 : 0)
  return [...found.values()].sort((a, b) => order(a) - order(b) || a.shown.localeCompare(b.shown)).slice(0, MAX_RELATED)
}
