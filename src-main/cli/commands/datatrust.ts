import type { Command } from 'commander'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { invokeOrThrow } from '../invoke'

interface Opts {
  cpf: string
  resend?: boolean
  phone?: string
  email?: string
  cep?: string
  type: string
  sessionId?: string
}

/** `sentinela lookup datatrust`: stdout is the transaction with `id` and `score` at top level (DESIGN.md). */
export function registerDataTrust(lookup: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  lookup
    .command('datatrust')
    .description(
      'ClearSale Data Trust: envia uma transação e imprime o resultado / sends a transaction, prints the result',
    )
    .requiredOption('--cpf <cpf>', 'CPF')
    .option('--phone <n>', 'celular / mobile')
    .option('--email <e>', 'e-mail')
    .option('--cep <n>', 'CEP')
    .option('--type <1|2>', '1 presencial, 2 online (exige --session-id)', '1')
    .option('--session-id <id>', 'SessionID do dispositivo (Type 2)')
    .option(
      '--resend',
      'envia de novo uma transação idêntica que ficou com resultado incerto / send again an identical transaction whose outcome is unknown',
    )
    .action(async (opts: Opts, command: Command) => {
      const g = globals(command)
      if (opts.type !== '1' && opts.type !== '2') throw new UsageError('cli.usage.dtType')
      await withCore(g, async (core) => {
        const result = await invokeOrThrow(core, 'datatrust:send', {
          cpf: opts.cpf,
          type: opts.type === '2' ? 2 : 1,
          ...(opts.phone ? { phone: opts.phone } : {}),
          ...(opts.email ? { email: opts.email } : {}),
          ...(opts.cep ? { cep: opts.cep } : {}),
          ...(opts.sessionId ? { sessionId: opts.sessionId } : {}),
          ...(opts.resend ? { resend: true } : {}),
        })
        const t = result.transaction
        io.stdout(`${JSON.stringify({ id: t.ID, score: t.Results?.Score?.Value ?? null, ...t })}\n`)
      })
    })

  lookup
    .command('datatrust-result')
    .description('ClearSale Data Trust: o resultado de uma transação (GET …/{id}/result) / the result of a transaction')
    .requiredOption('--id <id>', 'TransactionId')
    .action(async (opts: { id: string }, command: Command) => {
      await withCore(globals(command), async (core) => {
        const r = await invokeOrThrow(core, 'datatrust:result', { id: opts.id })
        io.stdout(`${JSON.stringify({ id: r.id, score: r.results.Score?.Value ?? null, ...r.results })}\n`)
      })
    })
}
