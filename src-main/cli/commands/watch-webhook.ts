import type { Command } from 'commander'
import { SettingsPatchSchema } from '../../../src-shared/domain/settings'
import { webhookSecretName } from '../../services/watch/outbound'
import { deliveries, retryDeliveries, deliverDue } from '../../services/watch/outbox'
import { MIN_SECRET_BYTES, newWebhookSecret, secretKey } from '../../services/watch/signing'
import type { CliIO } from '../io'
import type { GlobalOptions } from '../options'
import { withCore } from '../core'
import { positive } from '../pace'
import type { Translate } from '../../../src-shared/i18n'
import type { Delivery } from '../../services/watch/outbox'
import { CliFailure, invokeOrThrow } from '../invoke'
import { readStdin } from '../stdin'

/*
 * `sentinela watch webhook set URL [--whole-lines] [--secret-stdin]`: the team endpoint that receives each change as
 * a signed CloudEvent; the signing secret is generated (printed once) or read from stdin, and kept in the keychain.
 * `watch webhook remove`; `watch deliveries [--json]`: the events not delivered (yet).
 */
/** A delivery in a sentence: its state, its last error in words, what to do. */
function deliveryText(d: Delivery, t: Translate): string {
  const known: Record<string, string> = {
    secret_missing: t('watch.secretMissing'),
    keychain_unavailable: t('watch.keychainMissing'),
    'HTTP 410': t('watch.gone'),
  }
  const error = d.lastError === null ? '—' : (known[d.lastError] ?? d.lastError)
  if (d.state === 'abandoned') return t('watch.abandoned', { id: d.changeId, count: d.attempts, error })
  return t('watch.undelivered', { id: d.changeId, count: d.attempts, error })
}

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
  group
    .command('deliveries')
    .option('--retry <ids>', 'reenvia estas entregas abandonadas / sends these abandoned deliveries again (1,2,3)')
    .option('--all-failed', 'reenvia todas as abandonadas / sends every abandoned delivery again')
    .action(async (opts: { retry?: string; allFailed?: boolean }, command: Command) => {
      const g = globals(command)
      const ids =
        opts.retry === undefined
          ? []
          : opts.retry.split(',').map((id) => positive(id.trim(), '--retry', Number.MAX_SAFE_INTEGER))
      await withCore(g, async (core) => {
        const t = core.context.translate()
        // Issue #24: an abandoned delivery is sent again only by this explicit act, then once, on a fresh window.
        if (opts.allFailed || ids.length > 0) {
          const put = retryDeliveries(core.context, opts.allFailed ? 'all' : ids)
          const round = await deliverDue(core.context)
          if (!g.json) io.stderr(`${t('watch.retried', { count: put, delivered: round.delivered })}\n`)
        }
        const pending = deliveries(core.context, true)
        if (g.json) return io.stdout(`${JSON.stringify(pending)}\n`)
        if (pending.length === 0) io.stderr(`${t('watch.allDelivered')}\n`)
        for (const d of pending) io.stdout(`${deliveryText(d, t)}\n`)
      })
    })
}
