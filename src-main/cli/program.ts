import { Command, CommanderError, Option } from 'commander'
import { ENVIRONMENTS } from '../../src-shared/domain/environment'
import { LANGUAGES } from '../../src-shared/domain/settings'
import { APP_VERSION } from '../infra/version'
import {
  parsePort,
  resolveGlobalOptions,
  UsageError,
  usageText,
  type GlobalOptions,
  type RawGlobalOptions,
} from './options'
import { createTranslator, type Translate } from '../../src-shared/i18n'
import { languageFromArgs } from './lang'
import { runInfo } from './commands/info'
import { runServe } from './commands/serve'
import { registerCredentials } from './commands/credentials'
import { registerLookup } from './commands/lookup'
import { registerSandbox } from './commands/sandbox'
import { MseStatusExit, registerMse } from './commands/mse'
import { registerUssd } from './commands/ussd'
import { registerScreen } from './commands/screen'
import { registerCustomer } from './commands/customer'
import { registerPolicy } from './commands/policy'
import { registerPrivacy } from './commands/privacy'
import { registerWatch } from './commands/watch'
import { registerCases } from './commands/cases'
import { CliFailure } from './invoke'
import { ErrorCodes } from '../../src-shared/contract'

/**
 * Typed core errors that exit 2: the input was wrong, or the machine lacks something the user must fix
 * (a keychain) — as opposed to "something broke" (1).
 */
const EXIT_2_ERRORS = new Set<string>([
  ErrorCodes.invalidRequest,
  ErrorCodes.payloadTooLarge,
  'keychain_unavailable',
  'credentials_missing',
  'endpoint_missing',
  'policy_invalid',
  'policy_unreadable',
  'effect_unsettled',
])
const isExit2 = (code: string): boolean =>
  EXIT_2_ERRORS.has(code) ||
  /^(invalid_cpf\.|invalid_msisdn\.|invalid_cep|invalid_email|datatrust\.|mse\.(unknown_service|mode_|invalid_params|charge_unconfirmed)|ussd\.|batch\.|watch\.|cases\.)/.test(
    code,
  )

import type { CliIO } from './io'

export type { CliIO }

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/**
 * `sentinela`: one command per capability over the same core the app uses. Exit codes (DESIGN.md): 0 done,
 * 2 usage or input error, 1 anything else.
 */
function buildProgram(io: CliIO): Command {
  const program = new Command('sentinela')
    .description(
      'Sentinela — consultas Claro Alerta/Score/MSE e ClearSale Data Trust / lookups and integration consoles',
    )
    .version(APP_VERSION)
    .option('--data-dir <dir>', 'pasta de dados (configurações, histórico, lotes) / data folder')
    .addOption(
      new Option(
        '--env <env>',
        'ambiente (padrão: sandbox; serve: o salvo em Configurações) / environment (default: sandbox; serve: the saved one)',
      ).choices(ENVIRONMENTS),
    )
    .option(
      '--endpoint <provider=url>',
      'URL base de um provedor nesta execução (repetível) / provider base URL (repeatable)',
      collect,
      [],
    )
    .option('--json', 'resultado em JSON no stdout; progresso e logs no stderr / JSON result on stdout')
    .addOption(
      new Option('--lang <lang>', 'idioma das frases e cabeçalhos / language of sentences and headers').choices(
        LANGUAGES,
      ),
    )
    .exitOverride()
    // Commander's English error lines are replaced by runCli's sentence; help and version still print.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })

  const globals = (command: Command): GlobalOptions => resolveGlobalOptions(command.optsWithGlobals<RawGlobalOptions>())

  program
    .command('info')
    .description('mostra versão, ambiente e pasta de dados / shows version, environment and data folder')
    .action(async (_opts, command: Command) => runInfo(globals(command), io))

  program
    .command('serve')
    .description(
      'abre o Sentinela no navegador via loopback; imprime a URL com token / the workstation in a browser on loopback',
    )
    .option('--port <n>', 'porta (0 = qualquer livre) / port (0 = any free)', '0')
    .action(async (opts: { port: string }, command: Command) => runServe(globals(command), parsePort(opts.port), io))

  registerCredentials(program, globals, io)
  registerLookup(program, globals, io)
  registerSandbox(program, globals, io)
  registerMse(program, globals, io)
  registerUssd(program, globals, io)
  registerScreen(program, globals, io)
  registerCustomer(program, globals, io)
  registerPolicy(program, globals, io)
  registerPrivacy(program, globals, io)
  registerWatch(program, globals, io)
  registerCases(program, globals, io)

  return program
}

/** Commander's own errors (unknown option, missing value…) in the run's language; the offending word kept. */
function commanderText(error: CommanderError, t: Translate): string {
  const kind = error.code.replace(/^commander\./, '')
  const detail = /'([^']+)'/.exec(error.message)?.[1] ?? ''
  const known = [
    'unknownOption',
    'unknownCommand',
    'missingArgument',
    'optionMissingArgument',
    'missingMandatoryOptionValue',
    'invalidArgument',
    'excessArguments',
  ]
  if (kind === 'invalidArgument') {
    // "option '--env <env>' argument 'x' is invalid. Allowed choices are a, b." → the value and the choices.
    const value = /argument '([^']+)' is invalid/.exec(error.message)?.[1] ?? detail
    const choices = /Allowed choices are (.+)\.$/m.exec(error.message)?.[1]
    return t('cli.commander.invalidArgument', { detail: choices ? `"${value}" (${choices})` : `"${value}"` })
  }
  return t(`cli.commander.${known.includes(kind) ? kind : 'other'}`, { detail })
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it in-process. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io)
  // Human output is one language (issue #16): --lang, else the saved setting; --json keeps the codes.
  const t = createTranslator(languageFromArgs(argv))
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0
      io.stderr(`${commanderText(error, t)}\n`)
      return 2
    }
    if (error instanceof UsageError) {
      io.stderr(`${usageText(error, t)}\n`)
      return 2
    }
    if (error instanceof CliFailure && isExit2(error.code)) {
      io.stderr(`${error.message}\n`)
      return 2
    }
    if (error instanceof Error && error.name === MseStatusExit.name) return 1
    io.stderr(`${t('cli.failed', { message: (error as Error).message })}\n`)
    return 1
  }
}
