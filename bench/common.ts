import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/* What the benches share: the built CLI, a sandbox in its own process, a peak-RSS watcher. */

export const BIN = join(import.meta.dirname, '../bin/sentinela.js')

/** `sentinela sandbox` in its own process (as a remote provider would be), so the measured process is Sentinela. */
export async function startSandbox(dir: string, latencyMs: number): Promise<{ claro: string; stop(): void }> {
  const child = spawn(process.execPath, [BIN, '--data-dir', dir, '--json', 'sandbox', '--latency', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const urls = await new Promise<Record<string, string>>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0] ?? '{}') as Record<string, string>)
    })
    child.once('exit', () => reject(new Error('sandbox exited')))
  })
  return { claro: urls['claro'] ?? '', stop: () => child.kill('SIGTERM') }
}

/** A process's peak RSS (VmHWM, kB), read from /proc every 50 ms until stopped. */
export function watchPeakRss(pid: number | undefined): { stop: () => number } {
  let peakKb = 0
  const poll = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
      if (hwm) peakKb = Math.max(peakKb, Number(hwm))
    } catch {
      // the process just ended
    }
  }, 50)
  return {
    stop: () => {
      clearInterval(poll)
      return peakKb
    },
  }
}
