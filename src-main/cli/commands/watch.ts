import type { Command } from 'commander'
import { formatsFor, type Formats } from '../../../src-shared/domain/format'
import { changeSentence, lineIdentifier } from '../../../src-shared/domain/watch'
import type { WatchChangeView } from '../../../src-shared/contract/watch'
import type { Translate } from '../../../src-shared/i18n'
import { AppFailure, asFailure, toAppError } from '../../infra/errors'
import { positive, runOptionsFrom, withPace, type PaceOptions } from '../pace'
import { addWatchlist, quotaPlan, WATCH_CHECKS, watchlistFromJob, type WatchCheck } from '../../services/watch/lists'
import { runPass, type PassResult } from '../../services/watch/pass'
import { WatchStore } from '../../services/watch/store'
import { changeView } from '../../services/watch/runner'
import { deliverDue, nextDeliveryAt } from '../../services/watch/outbox'
import { registerWebhook } from './watch-webhook'
import type { Core } from '../../app'
import { parseMsisdn } from '../../../src-shared/domain/phone'
import { parseCpf } from '../../../src-shared/domain/cpf'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { CliFailure } from '../invoke'

/*
 * `sentinela watch …` (issue #17): watchlists from the command line — add a CSV, list, remove, run passes (once,
 * or on each list's cadence until SIGTERM, finishing the pass in progress), read the changes. Human output in
 * words on stderr; --json on stdout with the codes.
 */

interface AddOptions {
  name?: string
  checks: string
  every: string
  fromJob?: string
  to?: string
}

async function guarded<T>(core: Core, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof AppFailure)
      throw new CliFailure(error.code, toAppError(error, core.context.translate()).message)
    throw error
  }
}

/** A whole number from 1 to max, or the default when the option is absent. */
const optional = (value: string | undefined, fallback: number, what: string, max: number): number =>
  value === undefined ? fallback : positive(value, what, max)

/** A change as a sentence: "Grave · Ana ((11) 99999-0001): Troca de SIM (chip) em 30/11/2026 14:02". */
function changeText(c: WatchChangeView, t: Translate, fmt: Formats): string {
  const who = c.line.label ? `${c.line.label} (${lineIdentifier(c.line, fmt)})` : `#${c.line.id}`
  const baseline = c.baseline ? ` ${t('watch.baseline')}` : ''
  return `${t(`watch.severity.${c.severity}`)} · ${who}: ${changeSentence(c, t, fmt)}${baseline}`
}

export function registerWatch(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  const group = program.command('watch').description('listas de vigilância / watchlists (SIM swap, portabilidade)')
  const words = (core: Core) => {
    const t = core.context.translate()
    const s = core.context.settings.get()
    const fmt = formatsFor(s.language, s.timeZone)
    return { t, fmt }
  }

  group
    .command('add')
    .argument('[file]', 'CSV de clientes (como no Lote) / customer CSV')
    .option('--from-job <n>', 'as linhas de um lote concluído / the rows of a finished batch')
    .option('--to <id>', 'acrescenta as linhas a esta lista / adds the lines to this list')
    .option('--name <name>', 'nome da lista / list name')
    .option('--checks <list>', `${WATCH_CHECKS.join(',')}`, 'alerts')
    .option('--every <minutes>', 'intervalo entre passagens / minutes between passes', '60')
    .action(async (file: string | undefined, opts: AddOptions, command: Command) => {
      const g = globals(command)
      if ((file === undefined) === (opts.fromJob === undefined)) throw new UsageError('cli.usage.watchSource')
      const jobId = opts.fromJob === undefined ? null : positive(opts.fromJob, '--from-job', Number.MAX_SAFE_INTEGER)
      const checks = [...new Set(opts.checks.split(',').map((c) => c.trim()))]
      for (const c of checks)
        if (!(WATCH_CHECKS as readonly string[]).includes(c))
          throw new UsageError('cli.usage.check', { value: c, known: WATCH_CHECKS.join(', ') })
      const everyMinutes = optional(opts.every, 60, '--every', 10_080)
      await withCore(g, async (core) => {
        const input = { name: opts.name, checks: checks as WatchCheck[], everyMinutes }
        const { list, added, skipped } = await guarded(core, async () =>
          jobId !== null
            ? watchlistFromJob(core.context, { jobId, ...input })
            : addWatchlist(core.context, {
                path: file ?? '',
                ...input,
                toList: opts.to === undefined ? undefined : positive(opts.to, '--to', Number.MAX_SAFE_INTEGER),
              }),
        )
        const quota = quotaPlan(list, added)
        if (g.json) io.stdout(`${JSON.stringify({ list, added, skipped, quota })}\n`)
        const { t } = words(core)
        io.stderr(`${t('watch.added', { id: list.id, name: list.name, count: added, skipped })}\n`)
        io.stderr(`${t('watch.quota', { every: everyMinutes, perDay: quota.claroPerDay, trial: quota.trial })}\n`)
        if (quota.claroPerDay > quota.trial) io.stderr(`${t('watch.quotaOver')}\n`)
      })
    })

  group.command('list').action(async (_opts: unknown, command: Command) => {
    const g = globals(command)
    await withCore(g, async (core) => {
      const store = new WatchStore(core.context.db)
      const lists = store.lists().map((list) => {
        const lines = store.lineCount(list.id)
        return { ...list, lines, lastPass: store.lastPass(list.id), quota: quotaPlan(list, lines) }
      })
      if (g.json) return io.stdout(`${JSON.stringify(lists)}\n`)
      const { t, fmt } = words(core)
      if (lists.length === 0) io.stderr(`${t('watch.noLists')}\n`)
      for (const l of lists)
        io.stdout(
          `${t('watch.listLine', {
            id: l.id,
            name: l.name,
            lines: l.lines,
            checks: l.checks.map((c) => t(`batch.checkNames.${c}`)).join(' + '),
            every: l.everyMinutes,
            last: l.lastPass?.finishedAt ? fmt.dateTime(l.lastPass.finishedAt) : t('watch.never'),
          })}\n`,
        )
    })
  })

  group
    .command('remove')
    .argument('<id>', 'número da lista / list number')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = globals(command)
      const listId = positive(id, 'watch remove', Number.MAX_SAFE_INTEGER)
      await withCore(g, async (core) => {
        if (!new WatchStore(core.context.db).removeList(listId))
          throw new CliFailure('watch.list_not_found', core.context.translate()('errors.watch.list_not_found', { id }))
        if (!g.json) io.stderr(`${core.context.translate()('watch.removed', { id: listId })}\n`)
      })
    })

  withPace(group.command('run'))
    .option('--once', 'uma passagem por lista, agora / one pass per list, now')
    .option('--list <id>', 'só esta lista / only this list')
    .action(async (opts: { once?: boolean; list?: string } & PaceOptions, command: Command) => {
      const g = globals(command)
      const pace = runOptionsFrom(opts)
      const only = opts.list === undefined ? null : positive(opts.list, '--list', Number.MAX_SAFE_INTEGER)
      await withCore(g, async (core) => {
        const store = new WatchStore(core.context.db)
        const { t, fmt } = words(core)
        let stopping = false
        let wake: () => void = () => undefined
        const stop = (): void => {
          stopping = true
          wake()
        }
        process.once('SIGTERM', stop)
        process.once('SIGINT', stop)
        try {
          for (;;) {
            const lists = store
              .lists()
              .filter(
                (l) => l.active && l.environment === core.context.environment() && (only === null || l.id === only),
              )
            const due = (id: number, every: number) => {
              const last = store.lastPass(id)?.finishedAt
              return (
                opts.once || store.openPass(id) !== null || !last || Date.parse(last) + every * 60_000 <= Date.now()
              )
            }
            const results: PassResult[] = []
            for (const list of lists) {
              if (stopping && !opts.once) break
              if (!due(list.id, list.everyMinutes)) continue
              const result = await guarded(core, () =>
                runPass(core.context, list.id, pace, undefined, core.modules.cases),
              )
              if (result) results.push(result)
            }
            // Issue #24: due deliveries go out on every wake, pass or no pass (the outbox's own schedule).
            // A delivery problem (no keychain, say) never hides what the pass recorded: it is said, the run goes on.
            await deliverDue(core.context).catch((error: unknown) =>
              io.stderr(
                `${t('cli.warning', { message: toAppError(asFailure(error), core.context.translate()).message })}\n`,
              ),
            )
            if (g.json)
              io.stdout(
                `${JSON.stringify(
                  results.map((r) => ({
                    list: r.list.id,
                    pass: r.pass.id,
                    asked: r.asked,
                    changes: r.changes.map((c) => changeView(store, c)),
                  })),
                )}\n`,
              )
            else {
              if (lists.length === 0) io.stderr(`${t('watch.nothingToRun')}\n`)
              for (const r of results) {
                io.stderr(
                  `${t('watch.passDone', { id: r.list.id, name: r.list.name, asked: r.asked, count: r.changes.length })}\n`,
                )
                for (const c of r.changes) io.stdout(`${changeText(changeView(store, c), t, fmt)}\n`)
              }
            }
            if (opts.once || stopping) return
            const next = Math.min(
              ...lists.map((l) => {
                const last = store.lastPass(l.id)?.finishedAt
                return last ? Date.parse(last) + l.everyMinutes * 60_000 : Date.now()
              }),
              nextDeliveryAt(core.context) ?? Infinity,
              Date.now() + 60_000,
            )
            const wait = Math.max(1_000, next - Date.now())
            if (!g.json) io.stderr(`${t('watch.waiting', { minutes: Math.ceil(wait / 60_000) })}\n`)
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, wait)
              wake = () => {
                clearTimeout(timer)
                resolve()
              }
            })
          }
        } finally {
          process.removeListener('SIGTERM', stop)
          process.removeListener('SIGINT', stop)
        }
      })
    })

  group
    .command('remove-line')
    .argument('<id>', 'número da lista / list number')
    .option('--phone <number>', 'celular da linha / the line’s phone')
    .option('--cpf <cpf>', 'CPF da linha / the line’s CPF')
    .action(async (id: string, opts: { phone?: string; cpf?: string }, command: Command) => {
      const g = globals(command)
      const listId = positive(id, 'watch remove-line', Number.MAX_SAFE_INTEGER)
      const phone = opts.phone === undefined ? null : parseMsisdn(opts.phone)
      const cpf = opts.cpf === undefined ? null : parseCpf(opts.cpf)
      if ((phone === null) === (cpf === null) || phone?.ok === false || cpf?.ok === false)
        throw new UsageError('cli.usage.watchLine')
      await withCore(g, async (core) => {
        const store = new WatchStore(core.context.db)
        const t = core.context.translate()
        let removed = 0
        for (const line of store.lines(listId))
          if ((phone?.ok && line.msisdn === phone.msisdn) || (cpf?.ok && line.cpf === cpf.cpf))
            removed += store.removeLine(listId, line.id) ? 1 : 0
        if (g.json) return io.stdout(`${JSON.stringify({ removed })}\n`)
        io.stderr(`${t('watch.linesRemoved', { count: removed })}\n`)
      })
    })

  registerWebhook(group, globals, io)

  group
    .command('changes')
    .option('--since <iso>', 'desde / since (ISO 8601)')
    .action(async (opts: { since?: string }, command: Command) => {
      const g = globals(command)
      if (opts.since !== undefined && Number.isNaN(Date.parse(opts.since)))
        throw new UsageError('cli.usage.since', { value: opts.since })
      await withCore(g, async (core) => {
        const store = new WatchStore(core.context.db)
        const since = opts.since === undefined ? undefined : new Date(opts.since).toISOString()
        const changes = store.changes(since ? { since } : {})
        if (g.json) return io.stdout(`${JSON.stringify(changes.map((c) => changeView(store, c)))}\n`)
        const { t, fmt } = words(core)
        if (changes.length === 0) io.stderr(`${t('watch.noChanges')}\n`)
        for (const c of changes)
          io.stdout(`${fmt.dateTime(c.detectedAt)} · ${changeText(changeView(store, c), t, fmt)}\n`)
      })
    })
}
