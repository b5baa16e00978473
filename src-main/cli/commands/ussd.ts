import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { UssdScriptSchema } from '../../../src-shared/contract/ussd'
import { allScreens, validateUssd } from '../../../src-shared/domain/ussd'
import { parseUssdCommand, parseUssdRequest } from '../../../src-shared/domain/ussd-xml'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { invokeOrThrow } from '../invoke'
import { MseStatusExit } from './mse'

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}

/**
 * `sentinela ussd preview FILE.xml`: the handset screens of a `ussd_message_request` (seed 003 §6.4.18 paging),
 * one block per page; exit 1 when the command breaks the limits. `sentinela ussd replay SCRIPT --app URL`:
 * replays a saved session against a partner application; exit 0 only when every screen matches.
 */
export function registerUssd(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  const ussd = program.command('ussd').description('USSD sobre o MSE / USSD over MSE')
  ussd
    .command('preview')
    .description('mostra as telas do aparelho / prints the handset screens')
    .argument('<file>', 'ussd_message_request XML')
    .action((file: string, _opts: unknown, command: Command) => {
      const g = globals(command)
      const xml = readInput(file)
      const request = parseUssdRequest(xml)
      const parsed = request.ok ? { ok: true as const, value: request.value.command } : parseUssdCommand(xml)
      if (!parsed.ok) throw new UsageError(`${file}: ${parsed.reason}`)
      const screens = allScreens(parsed.value)
      const problems = validateUssd(parsed.value)
      if (g.json) io.stdout(`${JSON.stringify({ kind: parsed.value.kind, pages: screens, problems })}\n`)
      else screens.forEach((screen, i) => io.stdout(`--- ${i + 1}/${screens.length} ---\n${screen}\n`))
      for (const p of problems) io.stderr(`${p.level}: ${p.code} ${JSON.stringify(p.params)}\n`)
      if (problems.some((p) => p.level === 'error')) throw new MseStatusExit()
    })
  ussd
    .command('replay')
    .description('reproduz um roteiro salvo contra a aplicação / replays a saved script against the application')
    .argument('<script>', 'roteiro JSON / script JSON ({"version":1,"name","msisdn","steps":[{"press","expect"}]})')
    .requiredOption('--app <url>', 'URL da aplicação USSD do parceiro / partner USSD application URL')
    .action(async (file: string, opts: { app: string }, command: Command) => {
      const g = globals(command)
      let json: unknown
      try {
        json = JSON.parse(readInput(file))
      } catch (error) {
        if (error instanceof UsageError) throw error
        throw new UsageError(`${file}: JSON inválido / invalid JSON`)
      }
      const script = UssdScriptSchema.safeParse(json)
      if (!script.success)
        throw new UsageError(
          `${file}: ${script.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        )
      await withCore(g, async (core) => {
        const result = await invokeOrThrow(core, 'ussd:replay', { url: opts.app, script: script.data })
        if (g.json) io.stdout(`${JSON.stringify({ ok: result.ok, steps: result.steps })}\n`)
        else {
          for (const [i, s] of result.steps.entries()) {
            io.stdout(`${s.ok ? 'ok  ' : 'DIFF'} ${i + 1}. ${s.press} (${s.durationMs} ms)\n`)
            if (!s.ok)
              io.stdout(`  esperado / expected:\n${indent(s.expected)}\n  recebido / received:\n${indent(s.actual)}\n`)
          }
        }
        if (!result.ok) throw new MseStatusExit()
      })
    })
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')
