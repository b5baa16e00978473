import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '../..')
export const BIN = join(ROOT, 'bin/sentinela.js')

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built `sentinela` CLI as a user would, with optional stdin and environment. */
export function runBuiltCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.stdin ?? '')
  })
}

/** Every file under a folder whose bytes contain the needle (for canary searches). */
export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = []
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (readFileSync(full).includes(needle)) hits.push(full)
    }
  }
  walk(dir)
  return hits
}

/** An environment with no D-Bus session and no display: what a server or SSH login without a desktop has. */
export function envWithoutSessionBus(): NodeJS.ProcessEnv {
  const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...env } = process.env
  return env
}
