import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import type { CaseSummary } from '../../../src-shared/contract/cases'
import { ANALYST_VERDICTS, CASE_REASONS, caseReasonFrom, type AnalystVerdict } from '../../../src-shared/domain/cases'
import { caseDossier, dossierHtml, type Dossier } from '../../../src-shared/domain/dossier'
import { formatsFor, type Formats } from '../../../src-shared/domain/format'
import { explain, policyLabel } from '../../../src-shared/domain/policy'
import { createTranslator, type Translate } from '../../../src-shared/i18n'
import { analystName } from '../../infra/analyst'
import { recordExport } from '../../services/batch/export'
import type { Core } from '../../app'
import { fileProblem, type CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { invokeOrThrow } from '../invoke'

/*
 * `sentinela cases …` (issue #22): the review queue from the command line, through the same app channels as Casos —
 * list it, read a case whole (or as the printable dossier), decide one with a reason from the short list.
 */

/** A case number as people write it: digits only (`0x1`, `1e0`, `-5` are not case numbers). */
const caseId = (value: string): number => {
  const id = /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : NaN
  if (!Number.isSafeInteger(id) || id < 1) throw new UsageError('cli.usage.caseId', { value })
  return id
}

/** The run's words and formats: --lang, else the saved language; the analyst's time zone. */
function words(core: Core, g: GlobalOptions): { t: Translate; f: Formats } {
  const settings = core.context.settings.get()
  return { t: core.context.translate(), f: formatsFor(g.lang ?? settings.language, settings.timeZone) }
}

/** "nº 12 · aberto há 3 dias · Lote · Ana · (11) 99999-0001 · Revisar: Score Claro 180 abaixo… · v1 · 1a2b3c4d". */
function caseLine(c: CaseSummary, t: Translate, f: Formats): string {
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(c.openedAt)) / 86_400_000))
  const who = [c.person.label, c.person.phone && f.phone(c.person.phone), c.person.cpf && f.cpf(c.person.cpf)]
    .filter(Boolean)
    .join(' · ')
  const first = explain({ reasons: c.machine.reasons }, t)[0]?.text ?? t('verdict.none')
  const decision = c.decision
    ? ` · ${t('cases.decision')}: ${t(`verdict.values.${c.decision.verdict}`)} (${c.decision.who})`
    : ''
  return (
    `${t('cases.caseTitle', { id: c.id })} · ${t('cases.openedAgo', { count: days })} · ` +
    `${t(`cases.origins.${c.origin}`)} · ${who || t('cases.noIdentifier')} · ` +
    `${t(`verdict.values.${c.machine.verdict}`)}: ${first} · ${policyLabel(c.machine.policy)}${decision}`
  )
}

/** The dossier as plain text: the same sections the printed document has. */
function dossierText(doc: Dossier): string {
  const out = [doc.title, ...doc.meta.map(([k, v]) => `  ${k}: ${v}`), '', doc.headline]
  for (const s of doc.sections) {
    out.push('', s.title)
    if (s.items.length === 0 && s.empty) out.push(`  ${s.empty}`)
    for (const i of s.items) {
      if (i.heading) out.push(`  ${i.heading}`)
      // A note's own lines stay inside its item (they cannot pass for a line of the log).
      for (const l of i.lines) out.push(`    - ${l.replace(/\n/g, '\n      ')}`)
    }
  }
  return `${out.join('\n')}\n`
}

export function registerCases(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  const group = program.command('cases').description('casos: a fila de revisão / cases: the review queue')

  group
    .command('list')
    .description('os casos abertos (ou todos) / open cases (or all)')
    .option('--open', 'só os abertos (padrão) / only open ones (default)')
    .option('--all', 'abertos e decididos / open and decided')
    .action(async (opts: { open?: boolean; all?: boolean }, command: Command) => {
      const g = globals(command)
      await withCore(g, async (core) => {
        const status = opts.all ? 'all' : 'open'
        const rows: CaseSummary[] = []
        // Every page: a script gets the whole queue.
        for (let offset = 0; ; offset += 500) {
          const page = await invokeOrThrow(core, 'cases:list', { status, offset, limit: 500, facets: false })
          rows.push(...page.rows)
          if (rows.length >= page.total || page.rows.length === 0) break
        }
        if (g.json) return void io.stdout(`${JSON.stringify(rows)}\n`)
        const { t, f } = words(core, g)
        if (rows.length === 0) io.stdout(`${t('cases.empty')}\n`)
        for (const c of rows) io.stdout(`${caseLine(c, t, f)}\n`)
      })
    })

  group
    .command('show')
    .description('um caso inteiro: evidências, decisões, linha do tempo / one case, whole')
    .argument('<id>', 'número do caso / case number')
    .option('--html <file>', 'grava o dossiê para imprimir (HTML) / writes the printable dossier (HTML)')
    .action(async (id: string, opts: { html?: string }, command: Command) => {
      const g = globals(command)
      const wanted = caseId(id)
      await withCore(g, async (core) => {
        const detail = await invokeOrThrow(core, 'cases:get', { id: wanted })
        const { t, f } = words(core, g)
        const settings = core.context.settings.get()
        const doc = caseDossier(detail, {
          t,
          f,
          who: analystName(core.context.settings),
          at: new Date().toISOString(),
          lang: g.lang ?? settings.language,
        })
        if (opts.html) {
          const out = resolve(opts.html)
          // The folder is made when missing; a file that cannot be written is said in words.
          await mkdir(dirname(out), { recursive: true })
            .then(() => writeFile(out, dossierHtml(doc)))
            .catch((error: unknown) => {
              throw new UsageError('cli.usage.fileUnwritable', { file: out, reason: fileProblem(error) })
            })
          // The dossier holds personal data: an erasure of the person reaches it (LGPD, issue #14).
          recordExport(core.context.db, null, out)
          if (!g.json) io.stderr(`${t('dossier.saved', { path: out })}\n`)
        }
        io.stdout(g.json ? `${JSON.stringify(detail)}\n` : dossierText(doc))
      })
    })

  group
    .command('decide')
    .description('decide um caso aberto: aprovar ou recusar, com o motivo / decide an open case, with the reason')
    .argument('<id>', 'número do caso / case number')
    .option('--verdict <verdict>', 'aprovar | recusar')
    .option('--reason <reason>', 'o motivo, da lista curta / the reason, from the short list')
    .option('--note <text>', 'uma nota / a note')
    .action(async (id: string, opts: { verdict?: string; reason?: string; note?: string }, command: Command) => {
      const g = globals(command)
      const wanted = caseId(id)
      const verdict = opts.verdict?.trim().toLowerCase()
      if (!verdict || !(ANALYST_VERDICTS as readonly string[]).includes(verdict))
        throw new UsageError('cli.usage.caseVerdict', { value: opts.verdict ?? '' })
      const v = verdict as AnalystVerdict
      await withCore(g, async (core) => {
        // The reason as its code or its words in either language ("Fraude confirmada", "fraude_confirmada"); an
        // unknown one is refused with the list in the run's words.
        const pt = createTranslator('pt-BR')
        const en = createTranslator('en')
        const reason = caseReasonFrom(v, opts.reason ?? '', (r) => [pt(`cases.reasons.${r}`), en(`cases.reasons.${r}`)])
        if (!reason) {
          const t = core.context.translate()
          const known = CASE_REASONS[v].map((r) => `"${t(`cases.reasons.${r}`)}"`).join(', ')
          throw new UsageError('cli.usage.caseReason', {
            value: opts.reason ?? '',
            verdict: t(`verdict.values.${v}`),
            known,
          })
        }
        if (reason === 'outro' && (opts.note ?? '').trim().length < 3) throw new UsageError('cli.usage.caseNote')
        const decided = await invokeOrThrow(core, 'cases:decide', {
          id: wanted,
          verdict: v,
          reason,
          ...(opts.note ? { note: opts.note } : {}),
        })
        if (g.json) return void io.stdout(`${JSON.stringify(decided)}\n`)
        const { t, f } = words(core, g)
        io.stdout(`${caseLine(decided, t, f)}\n`)
      })
    })
}
