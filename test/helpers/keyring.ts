import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/*
 * A real, private OS keychain for a test: its own D-Bus session bus, its own gnome-keyring-daemon (Secret
 * Service) unlocked with a throwaway password, and its own temporary HOME. Nothing touches the machine's keyring.
 */

export interface Keyring {
  /** Environment for processes that should use this keychain (and nothing else). */
  env: NodeJS.ProcessEnv
  home: string
  stop(): Promise<void>
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${out}`)), timeoutMs)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = pattern.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    })
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}: ${out}`)))
  })
}

function secretServiceUp(env: NodeJS.ProcessEnv): boolean {
  const probe = spawnSync(
    'dbus-send',
    [
      '--session',
      '--dest=org.freedesktop.DBus',
      '--type=method_call',
      '--print-reply',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ],
    { env, encoding: 'utf8' },
  )
  return probe.stdout.includes('boolean true')
}

export async function startKeyring(options: { unlock?: boolean } = {}): Promise<Keyring> {
  const root = mkdtempSync(join(tmpdir(), 'sentinela-keyring-'))
  const home = join(root, 'home')
  const runtime = join(root, 'run')
  mkdirSync(home)
  mkdirSync(runtime)
  chmodSync(runtime, 0o700)

  const bus = spawn(
    'dbus-daemon',
    ['--session', '--nofork', '--print-address=1', `--address=unix:path=${join(root, 'bus')}`],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  )
  const address = (await waitForLine(bus, /unix:path=[^\s]+/, 5_000)).trim()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    DBUS_SESSION_BUS_ADDRESS: address,
  }
  delete env['DISPLAY']
  delete env['WAYLAND_DISPLAY']

  const args = ['--components=secrets', '--foreground', ...(options.unlock === false ? [] : ['--unlock'])]
  const keyring = spawn('gnome-keyring-daemon', args, { env, stdio: ['pipe', 'ignore', 'ignore'] })
  keyring.stdin?.end(options.unlock === false ? '' : 'sentinela-test-keyring-password')

  const deadline = Date.now() + 10_000
  while (!secretServiceUp(env)) {
    if (Date.now() > deadline) throw new Error('gnome-keyring-daemon did not register org.freedesktop.secrets')
    await new Promise((r) => setTimeout(r, 50))
  }

  return {
    env,
    home,
    async stop() {
      for (const child of [keyring, bus]) {
        if (child.exitCode === null) {
          const gone = new Promise((r) => child.once('exit', r))
          child.kill('SIGTERM')
          await gone
        }
      }
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/**
 * Points this process at the keyring. libsecret/GDBus keep the first session bus a process connects to, so a
 * process can use one keyring only: call this before the first keychain access (vitest runs each file in its
 * own process, so each test file gets its own keychain).
 */
export function useKeyringInThisProcess(keyring: Keyring): void {
  for (const name of ['HOME', 'XDG_RUNTIME_DIR', 'DBUS_SESSION_BUS_ADDRESS'] as const)
    process.env[name] = keyring.env[name]
  delete process.env['DISPLAY']
}

/** Reads an entry from the keyring with keytar, in a child process attached to that keyring's bus. */
export function readKeychainEntry(keyring: Keyring, service: string, account: string): string | null {
  const script = `require('keytar').getPassword(${JSON.stringify(service)}, ${JSON.stringify(account)}).then((v) => process.stdout.write(JSON.stringify(v)))`
  const run = spawnSync(process.execPath, ['-e', script], {
    env: keyring.env,
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '../..'),
  })
  if (run.status !== 0) throw new Error(`keytar read failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as string | null
}
