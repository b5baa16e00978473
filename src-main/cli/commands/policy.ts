import type { Command } from 'commander'
import { changeText, policyLabel, policyRef } from '../../../src-shared/domain/policy'
import { formatDateTime } from '../../../src-shared/domain/format'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { invokeOrThrow } from '../invoke'
import { loadPolicyFile } from '../policy-file'

/**
 * `sentinela policy show` (the policy in force, as the JSON document `--policy` takes), `policy check FILE`
 * (valid → exit 0 with its version and hash; invalid → every problem in words, exit 2), `policy set FILE --reason
 * TEXT` (adopt it: logged with who and why; finished batches keep their verdicts) and `policy log [--json]`.
 */
export function registerPolicy(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  const group = program.command('policy').description('política de decisão / decision policy')

  group
    .command('show')
    .description('a política em vigor, em JSON / the policy in force, as JSON')
    .action(async (_opts, command: Command) => {
      await withCore(globals(command), async (core) => {
        const policy = core.context.settings.get().policy
        io.stdout(`${JSON.stringify(policy, null, 2)}\n`)
        io.stderr(
          `${core.context.translate()('policy.label', { label: policyLabel(policyRef(policy)) })} (sha256 ${policyRef(policy).hash})\n`,
        )
      })
    })

  group
    .command('check')
    .description('valida um arquivo de política / validates a policy file')
    .argument('<file>', 'arquivo JSON / JSON file')
    .action(async (file: string, _opts, command: Command) => {
      await withCore(globals(command), async (core) => {
        const policy = await loadPolicyFile(file, core.context.translate())
        const ref = policyRef(policy)
        io.stdout(`${JSON.stringify({ valid: true, name: policy.name, version: ref.version, hash: ref.hash })}\n`)
      })
    })

  group
    .command('set')
    .description('adota um arquivo de política, com o motivo / adopts a policy file, with the reason')
    .argument('<file>', 'arquivo JSON / JSON file')
    .option('--reason <text>', 'por que a política muda (obrigatório) / why the policy changes (required)')
    .action(async (file: string, opts: { reason?: string }, command: Command) => {
      const reason = opts.reason?.trim() ?? ''
      if (reason.length < 3) throw new UsageError('cli.usage.policyReason')
      const g = globals(command)
      await withCore(g, async (core) => {
        const t = core.context.translate()
        const policy = await loadPolicyFile(file, t)
        const saved = await invokeOrThrow(core, 'policy:set', { policy, reason })
        io.stdout(`${JSON.stringify({ name: saved.policy.name, version: saved.ref.version, hash: saved.ref.hash })}\n`)
        if (!g.json) io.stderr(`${t('cli.policy.set', { label: policyLabel(saved.ref) })}\n`)
      })
    })

  group
    .command('log')
    .description('quem mudou a política, quando e por quê / who changed the policy, when and why')
    .action(async (_opts, command: Command) => {
      const g = globals(command)
      await withCore(g, async (core) => {
        const entries = await invokeOrThrow(core, 'policy:log', {})
        if (g.json) {
          io.stdout(`${JSON.stringify(entries)}\n`)
          return
        }
        const t = core.context.translate()
        const zone = core.context.settings.get().timeZone
        if (entries.length === 0) io.stdout(`${t('policy.log.empty')}\n`)
        for (const e of entries) {
          const what =
            e.kind === 'job'
              ? t('policy.log.adopted', { label: policyLabel(e.ref), job: e.jobId ?? '' })
              : t('policy.log.inForce', { label: policyLabel(e.ref) })
          io.stdout(`${formatDateTime(e.at, zone, 'br')} · ${e.who} · ${what}\n`)
          io.stdout(`  ${t('policy.log.reason', { reason: e.reason })}\n`)
          for (const c of e.changes) io.stdout(`  - ${changeText(c, t)}\n`)
          if (e.changes.length === 0) io.stdout(`  - ${t(e.previous ? 'policy.log.noChange' : 'policy.log.first')}\n`)
        }
      })
    })
}
