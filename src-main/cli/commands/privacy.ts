import type { Command } from 'commander'
import type { RelatedView } from '../../../src-shared/contract/privacy'
import { formatDateTime } from '../../../src-shared/domain/format'
import type { SubjectKind } from '../../../src-shared/domain/privacy'
import type { Translate } from '../../../src-shared/i18n'
import { defaultDataDir } from '../../infra/datadir'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { invokeOrThrow } from '../invoke'

/**
 * `sentinela privacy report --cpf N | --phone N | --email E [--json]`: every record held about the person
 * (where, when, what) and the other identifiers those records name; `privacy erase … --yes [--with-related]`:
 * deletes them everywhere (database, settings, uploaded lists, exports, logs), leaving no copy in SQLite's free pages
 * or WAL and only an anonymous audit line (LGPD, issue #14) — with `--with-related`, the identifiers seen with the
 * person go in the same act (issue #23); without, each is offered with the command that erases it.
 */
interface SubjectOptions {
  cpf?: string
  phone?: string
  email?: string
}

function subjectOf(opts: SubjectOptions): { kind: SubjectKind; value: string } {
  const given = (['cpf', 'phone', 'email'] as const).filter((k) => opts[k] !== undefined)
  const kind = given[0]
  if (given.length !== 1 || !kind) throw new UsageError('cli.usage.privacyOne')
  return { kind, value: opts[kind] ?? '' }
}

const withSubject = (command: Command): Command =>
  command
    .option('--cpf <cpf>', 'CPF, ex. 529.982.247-25')
    .option('--phone <number>', 'celular / mobile, ex. "(11) 99999-0001"')
    .option('--email <email>', 'e-mail')

/** A word of a command line as a POSIX shell reads it back. */
const shellWord = (s: string): string => (/^[\w.@+/:=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`)

/** The exact command that erases an identifier (the data folder named when it is not the default one). */
function eraseCommand(g: GlobalOptions, kind: SubjectKind, value: string, extra: string[] = []): string {
  const dir = g.dataDir === defaultDataDir() ? [] : ['--data-dir', g.dataDir]
  return ['sentinela', ...dir, 'privacy', 'erase', `--${kind}`, value, ...extra, '--yes'].map(shellWord).join(' ')
}

/** The identifiers seen with the person, each with the command that erases it (a masked one: how to find it). */
function relatedLines(related: RelatedView[], g: GlobalOptions, t: Translate): string[] {
  if (related.length === 0) return []
  return [
    t('privacy.related'),
    ...related.map((r) => {
      const kind = t(`privacy.kinds.${r.kind}`)
      return `  ${
        r.value === null
          ? t('privacy.relatedMasked', { kind, shown: r.shown })
          : t('privacy.relatedCommand', { kind, shown: r.shown, command: eraseCommand(g, r.kind, r.value) })
      }`
    }),
  ]
}

export function registerPrivacy(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  const group = program.command('privacy').description('LGPD: dados de um titular / a data subject’s data')

  withSubject(
    group
      .command('report')
      .description('tudo o que está guardado sobre o titular / every record held about the person'),
  ).action(async (opts: SubjectOptions, command: Command) => {
    const subject = subjectOf(opts)
    const g = globals(command)
    await withCore(g, async (core) => {
      const report = await invokeOrThrow(core, 'privacy:report', subject)
      if (g.json) {
        io.stdout(`${JSON.stringify(report)}\n`)
        return
      }
      const t = core.context.translate()
      const zone = core.context.settings.get().timeZone
      const who = subject.value
      if (report.total === 0) {
        io.stdout(`${t('privacy.none', { who })}\n`)
        return
      }
      io.stdout(`${t('privacy.found', { count: report.total, who })}\n`)
      for (const r of report.records)
        io.stdout(`  ${r.at ? formatDateTime(r.at, zone, 'br') : '—'}  ${t(`privacy.places.${r.place}`)}: ${r.text}\n`)
      for (const f of report.files)
        io.stdout(
          `  ${t(f.error ? 'privacy.fileError' : 'privacy.fileLine', { kind: t(`privacy.files.${f.kind}`), path: f.path, count: f.records, reason: f.error ?? '' })}\n`,
        )
      const lines = relatedLines(report.related, g, t)
      if (report.related.some((r) => r.value !== null))
        lines.push(t('privacy.relatedAll', { who, command: eraseCommand(g, subject.kind, who, ['--with-related']) }))
      for (const line of lines) io.stdout(`${line}\n`)
    })
  })

  withSubject(group.command('erase').description('elimina tudo sobre o titular / erases everything about the person'))
    .option('--yes', 'confirma: não há como desfazer / confirms: cannot be undone')
    .option(
      '--with-related',
      'elimina também os celulares, e-mails e CPFs vistos com o titular (veja privacy report) / also erases the ' +
        'mobiles, e-mails and CPFs seen with the person',
    )
    .action(async (opts: SubjectOptions & { yes?: boolean; withRelated?: boolean }, command: Command) => {
      const subject = subjectOf(opts)
      if (!opts.yes) throw new UsageError('cli.usage.eraseConfirm')
      const g = globals(command)
      await withCore(g, async (core) => {
        // The ones the report lists (a masked one cannot be: its whole value is not kept).
        const also = opts.withRelated
          ? (await invokeOrThrow(core, 'privacy:report', subject)).related.flatMap((r) =>
              r.value === null ? [] : [{ kind: r.kind, value: r.value }],
            )
          : []
        const result = await invokeOrThrow(core, 'privacy:erase', { ...subject, confirm: true, also })
        io.stdout(`${JSON.stringify(result)}\n`)
        if (g.json) return
        const t = core.context.translate()
        io.stderr(`${t('privacy.erased', { count: result.total, who: subject.value })}\n`)
        for (const f of result.files)
          if (f.error)
            io.stderr(
              `  ${t('privacy.fileError', { kind: t(`privacy.files.${f.kind}`), path: f.path, reason: f.error })}\n`,
            )
        if (!result.storageClean) io.stderr(`${t('privacy.notClean')}\n`)
        for (const line of relatedLines(result.related, g, t)) io.stderr(`${line}\n`)
      })
    })
}
