import type { Command } from 'commander'
import { formatsFor } from '../../../src-shared/domain/format'
import { ALERT_EVENT_TYPES, assessAlerts, type AlertEventType } from '../../../src-shared/domain/claro'
import { decideAlerts, decideScore, explain, riskWindows, type Decision } from '../../../src-shared/domain/policy'
import type { Translate } from '../../../src-shared/i18n'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { invokeOrThrow } from '../invoke'
import { registerDataTrust } from './datatrust'

function parseEvents(list: string | undefined): AlertEventType[] | undefined {
  if (list === undefined) return undefined
  const names = list
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean)
  const unknown = names.filter((n) => !(ALERT_EVENT_TYPES as readonly string[]).includes(n))
  if (unknown.length > 0)
    throw new UsageError('cli.usage.events', { unknown: unknown.join(', '), known: ALERT_EVENT_TYPES.join(', ') })
  return names as AlertEventType[]
}

/**
 * `sentinela lookup alerts|score`: stdout always carries the JSON shapes of DESIGN.md; without --json a short
 * human reading (risk, policy decision) goes to stderr beside it.
 */
export function registerLookup(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  const group = program.command('lookup').description('consultas avulsas / single lookups')
  registerDataTrust(group, globals, io)

  group
    .command('alerts')
    .description('Claro Alerta: eventos de SIM, aparelho, número, portabilidade / SIM, device, number, port-out events')
    .requiredOption('--msisdn <number>', 'celular, ex. "+55 (11) 91234-5678"')
    .option('--events <list>', `filtro / filter: ${ALERT_EVENT_TYPES.join(',')}`)
    .action(async (opts: { msisdn: string; events?: string }, command: Command) => {
      const g = globals(command)
      const events = parseEvents(opts.events)
      await withCore(g, async (core) => {
        const result = await invokeOrThrow(core, 'lookup:alerts', {
          msisdn: opts.msisdn,
          ...(events ? { events } : {}),
        })
        io.stdout(
          `${JSON.stringify({ msisdn: result.msisdn, events: result.events.map(({ eventName, timestamp }) => ({ eventName, timestamp })) })}\n`,
        )
        if (g.json) return
        const policy = core.context.settings.get().policy
        const now = new Date()
        const assessed = assessAlerts(result.events, now, riskWindows(policy))
        // For people, in words and the analyst's zone: "Risco alto · Troca de SIM (chip) · 29/11/2026 20:03 · há 1 dia".
        const t = core.context.translate()
        const fmt = formatsFor(core.context.settings.get().language, core.context.settings.get().timeZone)
        const age = (days: number | null): string =>
          days === null
            ? t('lookup.age.unknown')
            : days === 0
              ? t('lookup.age.today')
              : days === 1
                ? t('lookup.age.one')
                : t('lookup.age.other', { count: days })
        for (const e of assessed.events)
          io.stderr(
            `  ${t(`lookup.risk.${e.risk}`)} · ${t(`claroEvents.${e.eventName}`, { defaultValue: e.eventName })} · ${fmt.dateTime(e.timestamp)} · ${age(e.ageDays)}\n`,
          )
        if (assessed.events.length === 0) io.stderr(`  ${t('lookup.noEvents')}\n`)
        printDecision(io, decideAlerts(policy, result.events, now), t)
      })
    })

  group
    .command('score')
    .description('Claro Score: CPF → 0–1000')
    .requiredOption('--cpf <cpf>', 'CPF, ex. 123.456.789-09')
    .action(async (opts: { cpf: string }, command: Command) => {
      const g = globals(command)
      await withCore(g, async (core) => {
        const result = await invokeOrThrow(core, 'lookup:score', { cpf: opts.cpf })
        io.stdout(`${JSON.stringify({ cpf: result.cpf, score: result.score })}\n`)
        if (g.json) return
        printDecision(io, decideScore(core.context.settings.get().policy, result.score), core.context.translate())
      })
    })
}

/** The policy's reading of a single answer (the same engine as Cliente and Lote), for people: on stderr. */
function printDecision(io: CliIO, decision: Decision, t: Translate): void {
  io.stderr(`${t('verdict.title')}: ${t(`verdict.values.${decision.verdict}`)}\n`)
  for (const r of explain(decision, t)) io.stderr(`  - ${r.text}\n`)
}
