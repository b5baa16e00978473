#!/usr/bin/env node
// `npm start`: builds and runs the desktop app; without the Electron binary, says so and points to the browser host.
import { spawn, spawnSync } from 'node:child_process'
import { electronBinary } from './electron-binary.js'
import { ensureElectronSqlite } from './electron-native.js'

const binary = electronBinary()
if (!binary) {
  process.stderr.write(
    [
      'Sentinela: o binário do Electron não está instalado (instalação com ELECTRON_SKIP_BINARY_DOWNLOAD=1 ou sem internet).',
      '  Abra o Sentinela no navegador:  npx sentinela serve',
      '  Ou instale o Electron e tente de novo:  npx install-electron && npm start',
      'Sentinela: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no internet).',
      '  Open Sentinela in a browser instead:  npx sentinela serve',
      '',
    ].join('\n'),
  )
  process.exit(1)
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const sqliteBinding = await ensureElectronSqlite()
const app = spawn(binary, ['.', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, SENTINELA_SQLITE_BINDING: sqliteBinding },
})
app.on('exit', (code) => process.exit(code ?? 0))
