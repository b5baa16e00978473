import { z } from 'zod'

/*
 * Casos (issue #22 item 6): "revisar" ends the machine's work and starts the analyst's. A case gathers everything
 * about one person that waits for an analyst — each check that said "revisar" or "resultado incerto" in Cliente, Lote
 * or Monitoramento — and records the analyst's decision: aprovar or recusar, with a reason from a short list and an
 * optional note. Decisions are append-only (reopening keeps them); the words live in the catalogs (cases.reasons.*).
 */

export const CASE_ORIGINS = ['cliente', 'lote', 'monitoramento'] as const
export type CaseOrigin = (typeof CASE_ORIGINS)[number]

export const CASE_STATUSES = ['open', 'decided'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const ANALYST_VERDICTS = ['aprovar', 'recusar'] as const
export type AnalystVerdict = (typeof ANALYST_VERDICTS)[number]

/** The short list of reasons, per decision. `outro` needs a note saying what it was. */
export const CASE_REASONS = {
  aprovar: ['cliente_confirmado', 'documentos_conferidos', 'evento_legitimo', 'falso_positivo', 'outro'],
  recusar: ['fraude_confirmada', 'identidade_nao_confirmada', 'sem_contato', 'risco_de_credito', 'outro'],
} as const satisfies Record<AnalystVerdict, readonly string[]>
export type CaseReason = (typeof CASE_REASONS)[AnalystVerdict][number]
export const ALL_CASE_REASONS = [...new Set([...CASE_REASONS.aprovar, ...CASE_REASONS.recusar])] as CaseReason[]

/** A case's note is the analyst's own text: bounded, and never a control character in a record. */
export const CaseNoteSchema = z
  .string()
  // Line breaks are the analyst's; a bare CR (which rewrites a terminal's line) becomes one too.
  .transform((text) => text.replace(/\r\n?/g, '\n').trim())
  .pipe(z.string().max(2000))
  // Line breaks and tabs are the analyst's; other control characters never reach a record.
  .refine((text) => !/[^\P{Cc}\t\n\r]/u.test(text), { message: 'caracteres de controle / control characters' })

export const CaseDecisionInputSchema = z
  .strictObject({
    id: z.number().int().min(1),
    verdict: z.enum(ANALYST_VERDICTS),
    reason: z.enum(ALL_CASE_REASONS as [CaseReason, ...CaseReason[]]),
    note: CaseNoteSchema.optional(),
  })
  .refine((d) => (CASE_REASONS[d.verdict] as readonly string[]).includes(d.reason), {
    message: 'motivo não pertence a esta decisão / reason does not belong to this decision',
    path: ['reason'],
  })
  .refine((d) => d.reason !== 'outro' || (d.note ?? '').trim().length >= 3, {
    message: '"outro" precisa de uma nota / "outro" needs a note',
    path: ['note'],
  })
export type CaseDecisionInput = z.infer<typeof CaseDecisionInputSchema>

/** A reason given as its code or as its words in either language (the CLI's --reason), or null. */
export function caseReasonFrom(
  verdict: AnalystVerdict,
  given: string,
  words: (reason: CaseReason) => string[],
): CaseReason | null {
  const wanted = given.trim().toLowerCase()
  for (const reason of CASE_REASONS[verdict])
    if (reason === wanted || words(reason).some((w) => w.trim().toLowerCase() === wanted)) return reason
  return null
}
