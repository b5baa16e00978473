import type { Command } from 'commander'
import { nextPolicy, policyLabel, policyRef } from '../../../src-shared/domain/policy'
import type { CliIO } from '../io'
import type { GlobalOptions } from '../options'
import { withCore } from '../core'
import { loadPolicyFile } from '../policy-file'

/**
 * `sentinela policy show` (the policy in force, as the JSON document `--policy` takes), `policy check FILE`
 * (valid → exit 0 with its version and hash; invalid → every problem in words, exit 2) and `policy set FILE`.
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
    .description('adota um arquivo de política / adopts a policy file')
    .argument('<file>', 'arquivo JSON / JSON file')
    .action(async (file: string, _opts, command: Command) => {
      await withCore(globals(command), async (core) => {
        const settings = core.context.settings
        const saved = await settings.setPolicy(
          nextPolicy(settings.get().policy, await loadPolicyFile(file, core.context.translate())),
        )
        const ref = policyRef(saved.policy)
        io.stdout(`${JSON.stringify({ name: saved.policy.name, version: ref.version, hash: ref.hash })}\n`)
      })
    })
}
