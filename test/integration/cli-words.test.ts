import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { envWithoutSessionBus, runBuiltCli, type CliRun } from '../helpers/cli'
import { requireBuiltCli } from '../helpers/cli-harness'
import { tempDir } from '../helpers/tmp'

/*
 * Issue #16: every error path of every command, in human mode, prints a sentence in one language — no error code,
 * no i18n key, no JSON, no "pt / en" pairs, no English leftovers in pt-BR (and no Portuguese in English).
 */
requireBuiltCli()

const dir = tempDir()
afterAll(() => dir.cleanup())
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir.path, name)
  writeFileSync(path, text)
  return path
}

let files: Record<string, string> = {}
beforeAll(() => {
  files = {
    csv: file('ok.csv', 'Nome;CPF\nAna;529.982.247-25\n'),
    empty: file('empty.csv', ''),
    binary: file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3])),
    noId: file('sem-id.csv', 'Nome;Cidade\nAna;Recife\n'),
    broken: file('broken.xml', '<command><menu>'),
    reserved: file(
      'reserved.xml',
      '<command><menu><title>T</title><options><option><index>9</index><subtitle>x</subtitle></option></options></menu></command>',
    ),
    notJson: file('roteiro.json', '{ nope'),
    badScript: file('roteiro2.json', '{"version":1}'),
    policy: file('politica.json', '{"version": "x"}'),
  }
})

/** Each failing command line, what it exercises, the exit code it must give. */
const CASES: [string, () => string[], number][] = [
  ['unknown environment', () => ['--env', 'nowhere', 'info'], 2],
  ['unknown language', () => ['--lang', 'xx', 'info'], 2],
  ['unknown option', () => ['info', '--bogus'], 2],
  ['unknown command', () => ['bogus'], 2],
  ['missing mandatory option', () => ['lookup', 'alerts'], 2],
  ['option without value', () => ['lookup', 'score', '--cpf'], 2],
  ['bad endpoint spec', () => ['--endpoint', 'foo', 'info'], 2],
  ['endpoint not http', () => ['--endpoint', 'claro=ftp://x', 'info'], 2],
  ['endpoint metadata address', () => ['--endpoint', 'claro=http://169.254.169.254', 'info'], 2],
  ['bad port', () => ['serve', '--port', 'abc'], 2],
  ['invalid phone', () => ['lookup', 'alerts', '--msisdn', '12ab'], 2],
  ['unknown event', () => ['lookup', 'alerts', '--msisdn', '11999990001', '--events', 'FOO'], 2],
  ['number not found (404)', () => ['lookup', 'alerts', '--msisdn', '11999990404'], 1],
  ['provider failure (500)', () => ['lookup', 'alerts', '--msisdn', '11999990500'], 1],
  ['invalid CPF', () => ['lookup', 'score', '--cpf', '123'], 2],
  ['Data Trust type', () => ['lookup', 'datatrust', '--cpf', '529.982.247-25', '--type', '3'], 2],
  ['MSE param without =', () => ['mse', 'SMS_TEXT', '--param', 'X'], 2],
  ['unknown MSE service', () => ['mse', 'NOPE'], 2],
  ['MSE invalid params', () => ['mse', 'SMS_TEXT', '--param', 'BNUM=12'], 2],
  ['USSD file missing', () => ['ussd', 'preview', join(dir.path, 'missing.xml')], 2],
  ['USSD malformed XML', () => ['ussd', 'preview', files['broken'] ?? ''], 2],
  ['USSD limits broken', () => ['ussd', 'preview', files['reserved'] ?? ''], 1],
  ['USSD script not JSON', () => ['ussd', 'replay', files['notJson'] ?? '', '--app', 'http://127.0.0.1:9'], 2],
  ['USSD script invalid', () => ['ussd', 'replay', files['badScript'] ?? '', '--app', 'http://127.0.0.1:9'], 2],
  ['screen without input', () => ['screen'], 2],
  ['screen without checks', () => ['screen', files['csv'] ?? '', '--out', join(dir.path, 'o.csv')], 2],
  ['screen without out', () => ['screen', files['csv'] ?? '', '--checks', 'score'], 2],
  [
    'screen unknown check',
    () => ['screen', files['csv'] ?? '', '--checks', 'foo', '--out', join(dir.path, 'o.csv')],
    2,
  ],
  [
    'screen bad columns',
    () => ['screen', files['csv'] ?? '', '--checks', 'score', '--out', 'o.csv', '--columns', 'x'],
    2,
  ],
  [
    'screen bad delimiter',
    () => ['screen', files['csv'] ?? '', '--checks', 'score', '--out', 'o.csv', '--delimiter', 'x'],
    2,
  ],
  ['screen bad rate', () => ['screen', files['csv'] ?? '', '--checks', 'score', '--out', 'o.csv', '--rate', 'x'], 2],
  [
    'screen bad reuse',
    () => ['screen', files['csv'] ?? '', '--checks', 'score', '--out', 'o.csv', '--reuse-hours', '-1'],
    2,
  ],
  [
    'screen empty file',
    () => ['screen', files['empty'] ?? '', '--checks', 'score', '--out', join(dir.path, 'o.csv')],
    2,
  ],
  [
    'screen binary file',
    () => ['screen', files['binary'] ?? '', '--checks', 'score', '--out', join(dir.path, 'o.csv')],
    2,
  ],
  [
    'screen no identifier',
    () => ['screen', files['noId'] ?? '', '--checks', 'score', '--out', join(dir.path, 'o.csv')],
    2,
  ],
  ['rescore not a number', () => ['screen', '--rescore', 'abc', '--policy', files['policy'] ?? ''], 2],
  ['rescore without policy', () => ['screen', '--rescore', '1'], 2],
  ['rescore unknown job', () => ['screen', '--rescore', '99', '--policy', join(dir.path, 'missing.json')], 2],
  ['policy set without a reason', () => ['policy', 'set', files['policy'] ?? ''], 2],
  [
    'adopt without rescore',
    () => ['screen', files['csv'] ?? '', '--checks', 'score', '--out', join(dir.path, 'o.csv'), '--adopt'],
    2,
  ],
  [
    'rescore adopt without a reason',
    () => ['screen', '--rescore', '1', '--policy', files['policy'] ?? '', '--adopt'],
    2,
  ],
  ['cases show bad number', () => ['cases', 'show', 'abc'], 2],
  ['cases show unknown case', () => ['cases', 'show', '99'], 2],
  ['cases decide bad verdict', () => ['cases', 'decide', '1', '--verdict', 'talvez'], 2],
  ['cases decide unknown reason', () => ['cases', 'decide', '1', '--verdict', 'aprovar', '--reason', 'porque sim'], 2],
  ['cases decide other without note', () => ['cases', 'decide', '1', '--verdict', 'recusar', '--reason', 'outro'], 2],
  ['customer invalid CPF', () => ['customer', '--cpf', '123'], 2],
  ['customer unknown check', () => ['customer', '--cpf', '529.982.247-25', '--checks', 'foo'], 2],
  ['privacy without subject', () => ['privacy', 'report'], 2],
  ['privacy erase unconfirmed', () => ['privacy', 'erase', '--cpf', '529.982.247-25'], 2],
  ['secret on the command line', () => ['credentials', 'set', 'claro', '--secret', 'x'], 2],
  ['no keychain', () => ['credentials', 'list'], 2],
  ['sandbox knobs', () => ['sandbox', '--latency', 'abc'], 2],
  ['sandbox event bad phone', () => ['sandbox-event', '--msisdn', '12', '--event', 'SIMCARD_CHANGED'], 2],
  ['watch add without a source', () => ['watch', 'add'], 2],
  ['watch add from an unknown batch', () => ['watch', 'add', '--from-job', '99'], 2],
  ['watch remove-line without identifier', () => ['watch', 'remove-line', '1'], 2],
  ['watch add to an unknown list', () => ['watch', 'add', files['csv'] ?? '', '--to', '42'], 2],
  ['watch add empty file', () => ['watch', 'add', files['empty'] ?? ''], 2],
  ['watch add no identifier', () => ['watch', 'add', files['noId'] ?? ''], 2],
  ['watch add unknown check', () => ['watch', 'add', files['csv'] ?? '', '--checks', 'foo'], 2],
  ['watch add bad cadence', () => ['watch', 'add', files['csv'] ?? '', '--every', '0'], 2],
  ['watch remove unknown list', () => ['watch', 'remove', '99'], 2],
  ['watch run bad list', () => ['watch', 'run', '--once', '--list', 'abc'], 2],
  ['watch changes bad date', () => ['watch', 'changes', '--since', 'ontem'], 2],
  ['watch webhook metadata address', () => ['watch', 'webhook', 'set', 'http://169.254.169.254/x'], 2],
]

/** An error code or key (`claro.not_found`, `invalid_msisdn`), JSON, a "pt / en" pair, an unfilled placeholder. */
const NOT_WORDS = [
  /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/,
  /\b(cli|errors|usage|ussd|batch|claro|mse|datatrust|policy)\.[a-z][a-zA-Z_.]*\b/,
  /[{[]\s*"/,
  /\s\/\s?(error|empty|invalid|give|use|the)\b/i,
  /\{\{|undefined|\[object/,
  /^error:/m,
  /`/,
]
const ENGLISH = /\b(the|is|invalid|error|expected|received|unknown|missing|required|failed|must)\b/i
const PORTUGUESE = /\b(não|inválid[oa]|obrigatóri[oa]|informe|erro|arquivo|recebido)\b|ç|ã/i

/** What a path or URL the command echoes back would add (file names with dots, `ftp://x`). */
const withoutEchoes = (text: string): string =>
  text.replace(/\S*\/\S*|\S+\.(csv|xml|json|png)\b|https?:\/\/\S+|ftp:\S+|--[a-z-]+/g, '')

describe.each([
  ['pt-BR', ENGLISH],
  ['en', PORTUGUESE],
] as const)('human-mode errors in %s', (lang, otherLanguage) => {
  it.each(CASES)('%s: one sentence, no code, no JSON', async (_name, args, exit) => {
    const run: CliRun = await runBuiltCli(['--data-dir', dir.path, '--lang', lang, ...args()], {
      env: envWithoutSessionBus(),
    })
    const said = run.stderr.trim()
    expect(run.code, said).toBe(exit)
    expect(said.length, `nothing said for ${args().join(' ')}`).toBeGreaterThan(10)
    const text = withoutEchoes(said)
    for (const pattern of NOT_WORDS) expect([said, pattern.exec(text)?.[0] ?? null]).toEqual([said, null])
    expect([said, otherLanguage.exec(text)?.[0] ?? null]).toEqual([said, null])
  })
})
