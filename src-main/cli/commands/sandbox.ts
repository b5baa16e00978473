import type { Command } from 'commander'
import { SandboxKnobsSchema } from '../../../src-shared/domain/settings'
import { ALERT_EVENT_TYPES, AlertEventTypeSchema } from '../../../src-shared/domain/claro'
import { parseMsisdn } from '../../../src-shared/domain/phone'
import { formatPhoneBr } from '../../../src-shared/domain/format'
import { SandboxManager, SANDBOX_PROVIDERS } from '../../services/sandbox'
import { ALERT_PERSONAS, SCORE_PERSONAS } from '../../providers/claro'
import type { Provider } from '../../../src-shared/domain/environment'
import type { CliIO } from '../io'
import { parsePort, UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'

interface SandboxOpts {
  port: string
  latency?: string
  errorRate?: string
  rateLimit?: string
  tokenLifetime?: string
}

/** `sentinela sandbox`: the embedded providers standalone, knobs from settings overridden by flags. */
/** The option each sandbox knob comes from, to name it in an error. */
const KNOB_FLAGS: Record<string, string> = {
  latencyMs: '--latency',
  errorRate: '--error-rate',
  rateLimitPerSecond: '--rate-limit',
  tokenLifetimeSeconds: '--token-lifetime',
}

export function registerSandbox(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  program
    .command('sandbox')
    .description(
      'roda os provedores simulados e imprime suas URLs / runs the embedded providers, prints their base URLs',
    )
    .option(
      '--port <n>',
      'porta do primeiro provedor; os seguintes usam +1, +2 (0 = livres) / first provider port',
      '0',
    )
    .option('--latency <ms>', 'latência simulada / simulated latency')
    .option('--error-rate <0..1>', 'fração de respostas 500 / share of 500 answers')
    .option('--rate-limit <n>', 'req/s antes de 429 com Retry-After (0 = sem limite) / req/s before 429')
    .option('--token-lifetime <s>', 'vida dos tokens em segundos (padrão 86400) / token lifetime')
    .action(async (opts: SandboxOpts, command: Command) => {
      const g = globals(command)
      const base = parsePort(opts.port)
      await withCore(g, async (core) => {
        const saved = core.context.settings.get().sandbox
        const knobs = SandboxKnobsSchema.safeParse({
          latencyMs: opts.latency === undefined ? saved.latencyMs : Number(opts.latency),
          errorRate: opts.errorRate === undefined ? saved.errorRate : Number(opts.errorRate),
          rateLimitPerSecond: opts.rateLimit === undefined ? saved.rateLimitPerSecond : Number(opts.rateLimit),
          tokenLifetimeSeconds:
            opts.tokenLifetime === undefined ? saved.tokenLifetimeSeconds : Number(opts.tokenLifetime),
          extraEvents: saved.extraEvents,
        })
        if (!knobs.success)
          throw new UsageError('cli.usage.sandboxKnobs', {
            options: [
              ...new Set(knobs.error.issues.map((i) => KNOB_FLAGS[String(i.path[0])] ?? String(i.path[0]))),
            ].join(', '),
          })
        const providers = Object.keys(SANDBOX_PROVIDERS) as Provider[]
        const ports = Object.fromEntries(providers.map((p, i) => [p, base === 0 ? 0 : base + i]))
        const manager = new SandboxManager(() => knobs.data, ports)
        const urls = await manager.startAll()
        if (g.json) io.stdout(`${JSON.stringify(urls)}\n`)
        else {
          for (const [provider, url] of Object.entries(urls)) io.stdout(`${provider}: ${url}\n`)
          io.stdout('\nPersonas Claro Alerta:\n')
          for (const p of ALERT_PERSONAS) io.stdout(`  ${p.msisdn}  ${p.description['pt-BR']}\n`)
          io.stdout('Personas Claro Score:\n')
          for (const p of SCORE_PERSONAS) io.stdout(`  ${p.cpf}  ${p.description['pt-BR']}\n`)
          io.stdout('\nCtrl+C encerra / stops.\n')
        }
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve)
          process.once('SIGTERM', resolve)
        })
        await manager.close()
      })
    })

  // Issue #17: a SIM swap (or any Alerta event) on a sandbox line, now — what a watchlist must catch.
  program
    .command('sandbox-event')
    .description('adiciona agora um evento do Claro Alerta a uma linha do sandbox / adds an Alerta event to a line now')
    .requiredOption('--msisdn <number>', 'celular, ex. "(11) 91234-5678"')
    .requiredOption('--event <name>', ALERT_EVENT_TYPES.join(' | '))
    .action(async (opts: { msisdn: string; event: string }, command: Command) => {
      const g = globals(command)
      const phone = parseMsisdn(opts.msisdn)
      if (!phone.ok) throw new UsageError('cli.usage.sandboxMsisdn', { value: opts.msisdn })
      const event = AlertEventTypeSchema.safeParse(opts.event)
      if (!event.success)
        throw new UsageError('cli.usage.events', { unknown: opts.event, known: ALERT_EVENT_TYPES.join(', ') })
      await withCore(g, async (core) => {
        const settings = core.context.settings
        const added = { msisdn: phone.msisdn, eventName: event.data, at: new Date().toISOString() }
        await settings.update({ sandbox: { extraEvents: [...settings.get().sandbox.extraEvents, added].slice(-1000) } })
        const t = core.context.translate()
        if (g.json) io.stdout(`${JSON.stringify(added)}\n`)
        else
          io.stderr(
            `${t('cli.sandboxEvent', { event: t(`claroEvents.${added.eventName}`), msisdn: formatPhoneBr(phone.msisdn) })}\n`,
          )
      })
    })
}
