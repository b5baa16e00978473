import type { Command } from 'commander'
import { SettingsPatchSchema } from '../../../src-shared/domain/settings'
import { deliveries, webhookSecretName } from '../../services/watch/outbound'
import { MIN_SECRET_BYTES, newWebhookSecret, secretKey } from '../../services/watch/signing'
import type { CliIO } from '../io'
import type { GlobalOptions } from '../options'
import { withCore } from '../core'
import { CliFailure, invokeOrThrow } from '../invoke'
import { readStdin } from '../stdin'

/*
 * `sentinela watch webhook set URL [--whole-lines] [--secret-stdin]`: the team endpoint that receives each change as
 * a signed CloudEvent; the signing secret is generated (printed once) or read from stdin, and kept in the keychain.
 * `watch webhook remove`; `watch deliveries [--json]`: the events not delivered (yet).
 */
export function registerWebhook(group: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  const webhook = group.command('webhook').description('alertas para a equipe / team alerts (CloudEvents)')
  webhook
    .command('set')
    .argument('<url>', 'https://…')
    .option('--whole-lines', 'envia o número inteiro, sem máscara / sends the whole number, unmasked')
    .option('--secret-stdin', 'lê o segredo da entrada padrão / reads the secret from stdin')
    .option('--allow-private', 'permite endereço local ou de rede privada / allows a local or private-network address')
    .action(
      async (
        url: string,
        opts: { wholeLines?: boolean; secretStdin?: boolean; allowPrivate?: boolean },
        command: Command,
      ) => {
        const g = globals(command)
        const given = opts.secretStdin ? (await readStdin()).trim() : null
        await withCore(g, async (core) => {
          const t = core.context.translate()
          // Issue #24: a supplied secret is a Standard Webhooks one (`whsec_` + base64) of 32 bytes at least — never
          // silently replaced by another the team would not know.
          if (given !== null && !secretKey(given))
            throw new CliFailure('watch.webhook_secret', t('errors.watch.webhook_secret', { bytes: MIN_SECRET_BYTES }))
          // The same check as settings:update: http(s), never link-local or a cloud metadata address.
          if (!SettingsPatchSchema.safeParse({ watch: { webhookUrl: url } }).success)
            throw new CliFailure('watch.webhook_url', t('errors.watch.webhook_url'))
          // The same checks as Configurações, address resolved and consent included (issue #23 item 4).
          await invokeOrThrow(core, 'settings:update', {
            watch: { webhookUrl: url, maskLines: !opts.wholeLines },
            ...(opts.allowPrivate ? { allowPrivateAddresses: true } : {}),
          })
          const secret = given ?? newWebhookSecret()
          await core.context.credentials.setSecret(core.context.environment(), webhookSecretName(core.context), secret)
          if (g.json)
            io.stdout(`${JSON.stringify({ url, maskLines: !opts.wholeLines, secret: given ? undefined : secret })}\n`)
          else {
            io.stderr(`${t('watch.webhookSet', { url })}\n`)
            if (!given) io.stdout(`${secret}\n`)
          }
        })
      },
    )
  webhook.command('remove').action(async (_opts: unknown, command: Command) => {
    const g = globals(command)
    await withCore(g, async (core) => {
      await core.context.settings.update({ watch: { webhookUrl: null } })
      // The webhook goes with its secret: nothing is posted after this, signed or not.
      await core.context.credentials.deleteSecret(core.context.environment(), webhookSecretName(core.context))
      if (!g.json) io.stderr(`${core.context.translate()('watch.webhookRemoved')}\n`)
    })
  })
  group.command('deliveries').action(async (_opts: unknown, command: Command) => {
    const g = globals(command)
    await withCore(g, async (core) => {
      const pending = deliveries(core.context, true)
      if (g.json) return io.stdout(`${JSON.stringify(pending)}\n`)
      const t = core.context.translate()
      if (pending.length === 0) io.stderr(`${t('watch.allDelivered')}\n`)
      for (const d of pending) {
        const error = d.lastError === 'secret_missing' ? t('watch.secretMissing') : (d.lastError ?? '—')
        io.stdout(`${t('watch.undelivered', { id: d.changeId, attempts: d.attempts, error })}\n`)
      }
    })
  })
}
