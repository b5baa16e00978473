#!/usr/bin/env node
/*
 * Runs Doyensec's Electronegativity over src-main (shell, preload, and everything they load) through its
 * programmatic runner, and fails on any HIGH or MEDIUM finding or any file it could not parse.
 * Why not its CLI: it requires an undeclared `commander` and breaks on the modern one this project uses.
 * Why the version flag: it cannot look Electron's releases up offline (DESIGN.md).
 */
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'

const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity/dist/runner.js')
const electronVersion = require('electron/package.json').version

// Its own i18n setup downloads translations; register the bundled en-US ones instead (no network here).
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/dist/runner.js'))
toolRequire('i18n').configure({
  locales: ['en-US'],
  defaultLocale: 'en-US',
  directory: dirname(toolRequire.resolve('./locales/en-US.json')),
  updateFiles: false,
  objectNotation: true,
  register: globalThis,
})

const input = resolve(process.argv[2] ?? 'src-main')
const { issues, errors, globalChecks, atomicChecks } = await run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
)

const blocking = issues.filter((i) => ['HIGH', 'MEDIUM'].includes(i.severity.name))
console.log(`electronegativity: Electron ${electronVersion}, ${globalChecks + atomicChecks} checks over ${input}`)
for (const issue of issues) {
  const where = `${issue.file.replace(`${input}/`, '')}:${issue.location.line}:${issue.location.column}`
  console.log(`  ${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id.padEnd(36)} ${where}`)
}
for (const error of errors)
  console.log(`  parse ${error.tolerable ? 'warning' : 'ERROR'}: ${error.file}: ${error.message}`)
const fatalErrors = errors.filter((e) => !e.tolerable)
console.log(
  `electronegativity: ${issues.length} finding(s), ${blocking.length} HIGH/MEDIUM, ${fatalErrors.length} parse error(s)`,
)
process.exitCode = blocking.length > 0 || fatalErrors.length > 0 ? 1 : 0
