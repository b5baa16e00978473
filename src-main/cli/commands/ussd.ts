import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { UssdScriptSchema } from '../../../src-shared/contract/ussd'
import { allScreens, validateUssd } from '../../../src-shared/domain/ussd'
import { parseUssdCommand, parseUssdRequest } from '../../../src-shared/domain/ussd-xml'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions, type UsageMessage } from '../options'
import { withCore } from '../core'
import { invokeOrThrow } from '../invoke'
import { MseStatusExit } from './mse'
import { cliTranslator } from '../lang'
import { fileProblem } from '../io'

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError('cli.usage.fileUnreadable', { file, reason: fileProblem(error) })
  }
}

/** The parser's reason (English, for logs) as a sentence for the person reading the terminal. */
function parseReason(reason: string): UsageMessage {
  if (reason === 'empty document') return { key: 'cli.ussdParse.empty' }
  const line = /^malformed XML \(line (\d+)\)/.exec(reason)?.[1]
  if (line) return { key: 'cli.ussdParse.malformed', params: { line } }
  if (reason.startsWith('not a ')) return { key: 'cli.ussdParse.notRequest' }
  return { key: 'cli.ussdParse.noCommand' }
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
      if (!parsed.ok) throw new UsageError('cli.usage.ussdCommand', { file, reason: parseReason(parsed.reason) })
      const screens = allScreens(parsed.value)
      const problems = validateUssd(parsed.value)
      if (g.json) io.stdout(`${JSON.stringify({ kind: parsed.value.kind, pages: screens, problems })}\n`)
      const t = cliTranslator(g)
      if (!g.json)
        screens.forEach((screen, i) =>
          io.stdout(`${t('cli.ussd.page', { n: i + 1, total: screens.length })}\n${screen}\n`),
        )
      // The limits the command breaks, as the console words them (ussd.problems); --json keeps the codes.
      if (!g.json)
        for (const p of problems)
          io.stderr(`${t(`ussd.levels.${p.level}`)}: ${t(`ussd.problems.${p.code}`, p.params)}\n`)
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
        throw new UsageError('cli.usage.invalidJson', { file })
      }
      const script = UssdScriptSchema.safeParse(json)
      if (!script.success)
        throw new UsageError('cli.usage.invalidScript', {
          file,
          fields: [...new Set(script.error.issues.map((i) => i.path.join(' › ') || '…'))].join(', '),
        })
      await withCore(g, async (core) => {
        const result = await invokeOrThrow(core, 'ussd:replay', { url: opts.app, script: script.data })
        const t = core.context.translate()
        if (g.json) io.stdout(`${JSON.stringify({ ok: result.ok, steps: result.steps })}\n`)
        else {
          for (const [i, s] of result.steps.entries()) {
            io.stdout(`${t(s.ok ? 'cli.ussd.same' : 'cli.ussd.diff')} ${i + 1}. ${s.press} (${s.durationMs} ms)\n`)
            if (!s.ok)
              io.stdout(
                `  ${t('cli.ussd.expected')}\n${indent(s.expected)}\n  ${t('cli.ussd.received')}\n${indent(s.actual)}\n`,
              )
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
