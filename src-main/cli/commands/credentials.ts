import type { Command } from 'commander'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { invokeOrThrow } from '../invoke'
import { readStdin } from '../stdin'

/** `sentinela credentials set|list|delete`: the same channels as the Credenciais page. */
export function registerCredentials(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  const group = program
    .command('credentials')
    .description('credenciais no chaveiro do sistema / credentials in the OS keychain')

  group
    .command('set')
    .description('lê um objeto JSON da entrada padrão e guarda no chaveiro / reads one JSON object from stdin')
    .argument('<name>', 'claro | clearsale | mse:<SERVIÇO>')
    .argument('[refused...]', 'nunca segredos aqui / never secrets here')
    .action(async (name: string, refused: string[], _opts, command: Command) => {
      const g = globals(command)
      await withCore(g, async (core) => {
        const t = core.context.translate()
        // Secrets typed as arguments end up in shell history and process listings: refuse before reading anything.
        if (refused.length > 0) throw new UsageError('cli.noSecretsOnCommandLine', { name })
        if (process.stdin.isTTY) io.stderr(`${t('cli.readingStdin')}\n`)
        let value: unknown
        try {
          value = JSON.parse(await readStdin())
        } catch {
          throw new UsageError('cli.notJson')
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('cli.notJson')
        const summary = await invokeOrThrow(core, 'credentials:set', {
          name,
          environment: g.env,
          value: value as Record<string, unknown>,
        })
        io.stdout(
          g.json
            ? `${JSON.stringify(summary)}\n`
            : `${t('cli.saved', { name: summary.name, environment: g.env, hint: summary.hint })}\n`,
        )
      })
    })

  group
    .command('list')
    .description('nomes e dicas, nunca segredos / names and hints, never secrets')
    .action(async (_opts, command: Command) => {
      const g = globals(command)
      await withCore(g, async (core) => {
        const list = await invokeOrThrow(core, 'credentials:list', { environment: g.env })
        if (g.json) return io.stdout(`${JSON.stringify(list)}\n`)
        const t = core.context.translate()
        if (list.items.length === 0) return io.stdout(`${t('cli.empty', { environment: g.env })}\n`)
        for (const item of list.items) {
          const state = item.status === 'ok' ? `${item.hint}  ${item.updatedAt ?? ''}` : t('credentials.unreadable')
          io.stdout(`${item.name.padEnd(24)} ${state}\n`)
        }
      })
    })

  group
    .command('delete')
    .description('apaga a credencial e seus tokens / deletes the credential and its tokens')
    .argument('<name>', 'claro | clearsale | mse:<SERVIÇO>')
    .action(async (name: string, _opts, command: Command) => {
      const g = globals(command)
      await withCore(g, async (core) => {
        const t = core.context.translate()
        const { deleted } = await invokeOrThrow(core, 'credentials:delete', { name, environment: g.env })
        if (!deleted) throw new UsageError('cli.notFound', { name, environment: g.env })
        io.stdout(
          g.json
            ? `${JSON.stringify({ name, environment: g.env, deleted })}\n`
            : `${t('cli.deleted', { name, environment: g.env })}\n`,
        )
      })
    })
}
