import { runCli } from './program'

// Issue #23: a reader that stops early (`sentinela watch changes | head -1`) ends the command quietly, as a Unix
// filter ends: no stack trace, exit 0. The work already recorded stays recorded (a batch resumes from its journal).
// A closed stderr is ignored: the command still ends with its own exit code (a refusal stays exit 2 for a script).
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1))
process.stderr.on('error', () => undefined)

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
process.exitCode = code
