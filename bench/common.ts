import { spawn } from 'node:child_process'
import type { Page } from '@playwright/test'
import { envWithoutSessionBus } from '../test/helpers/cli'
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

/** `sentinela serve` on a data folder, as an analyst starts it; its tokened URL. */
export function serve(dataDir: string): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'serve', '--port', '0'], {
      env: envWithoutSessionBus(),
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out)
      if (match) resolve({ url: match[0], stop: () => child.kill('SIGTERM') })
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
  })
}

/**
 * A PerformanceObserver('longtask') in every page the browser opens: main-thread tasks over 50 ms, recorded while
 * `recording(page, true)`. `longTasks(page)` reads them — after proving the observer sees (a planted 120 ms task
 * must show up, or a zero means nothing).
 */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as { longTasks: number[]; recording: boolean }
    w.longTasks = []
    w.recording = false
    new PerformanceObserver((list) => {
      if (w.recording) for (const e of list.getEntries()) w.longTasks.push(e.duration)
    }).observe({ type: 'longtask' } as unknown as { type: 'function' }) // a browser entry type Node's types lack
  })
}

export async function recording(page: Page, on: boolean): Promise<void> {
  await page.evaluate((value) => ((globalThis as unknown as { recording: boolean }).recording = value), on)
}

export async function longTasks(page: Page): Promise<number[]> {
  const tasks = await page.evaluate(() => [...(globalThis as unknown as { longTasks: number[] }).longTasks])
  // A page task: what runs inside a CDP evaluate is not attributed to the page's event loop.
  await page.evaluate(() => {
    setTimeout(() => {
      const start = performance.now()
      while (performance.now() - start < 120) {
        // busy on purpose
      }
    }, 0)
  })
  await page
    .waitForFunction(
      (seen: number) => (globalThis as unknown as { longTasks: number[] }).longTasks.length > seen,
      tasks.length,
      {
        timeout: 5000,
      },
    )
    .catch(() => {
      throw new Error('the longtask observer saw nothing, not even a planted 120 ms task: no figure')
    })
  return tasks
}
