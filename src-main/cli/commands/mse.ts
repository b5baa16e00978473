import type { Command } from 'commander'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { invokeOrThrow } from '../invoke'
import { defaultMode, MSE_SERVICES } from '../../../src-shared/domain/mse-services'
import { MSE_STATUS } from '../../providers/mse'

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/**
 * `sentinela mse SERVICE [--mode M] [--param K=V]…`: stdout is DESIGN.md's
 * `{"statusCode","profile","transactionId","parameters":{…},"errorMessage"?}`; a non-zero MSE status exits 1.
 */
export function registerMse(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  program
    .command('mse')
    .description('chama um serviço do gateway MSE da Claro / calls a Claro MSE service')
    .argument('<service>', 'SMS_TEXT, EAI_CHECK_CREDIT, LBS_TORPEDO, …')
    .option(
      '--mode <mode>',
      'async-oneway | async-delivery | sync (padrão: sync quando o serviço aceita, senão o modo dele / default: sync where accepted)',
    )
    .option('--param <K=V>', 'parâmetro do serviço (repetível) / service parameter (repeatable)', collect, [])
    .option(
      '--confirm-charge <ctn>',
      'SYS_CHARGE_SUBSCRIB: repita o número a ser cobrado / repeat the number to charge',
    )
    .option(
      '--resend',
      'envia de novo um envio idêntico que ficou com resultado incerto / send again an identical send whose outcome is unknown',
    )
    .action(
      async (
        service: string,
        opts: { mode?: string; param: string[]; confirmCharge?: string; resend?: boolean },
        command: Command,
      ) => {
        const g = globals(command)
        const params: Record<string, string> = {}
        for (const spec of opts.param) {
          const eq = spec.indexOf('=')
          if (eq <= 0) throw new UsageError('cli.usage.param', { value: spec })
          params[spec.slice(0, eq)] = spec.slice(eq + 1)
        }
        await withCore(g, async (core) => {
          const spec = MSE_SERVICES.get(service.toUpperCase())
          const mode = opts.mode ?? (spec ? defaultMode(spec) : 'sync')
          const r = await invokeOrThrow(core, 'mse:call', {
            service,
            mode,
            params,
            ...(opts.confirmCharge ? { confirmCharge: opts.confirmCharge } : {}),
            ...(opts.resend ? { resend: true } : {}),
          })
          io.stdout(
            `${JSON.stringify({ statusCode: r.statusCode, profile: r.profile, transactionId: r.transactionId, parameters: r.parameters, ...(r.errorMessage === undefined ? {} : { errorMessage: r.errorMessage }) })}\n`,
          )
          for (const w of r.warnings) io.stderr(`${core.context.translate()('cli.warning', { message: w })}\n`)
          if (r.statusCode !== MSE_STATUS.ok) throw new MseStatusExit()
        })
      },
    )
}

/** The MSE answered with a non-zero status: already printed, exit 1 without another message. */
export class MseStatusExit extends Error {
  override readonly name = 'MseStatusExit'
}
