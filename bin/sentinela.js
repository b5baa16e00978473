#!/usr/bin/env node
// Entry point of the `sentinela` command: runs the CLI built by `npm run build` (out/main/cli.js).
import { existsSync } from 'node:fs'

const entry = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(entry)) {
  process.stderr.write(
    'Sentinela ainda não foi compilado: rode `npm run build`. / Sentinela is not built yet: run `npm run build`.\n',
  )
  process.exit(1)
}
await import(entry.href)
