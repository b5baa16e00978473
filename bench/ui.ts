/*
 * npm run bench:ui — the renderer while a big batch runs (issue #15): a 100k-row list (BENCH_UI_ROWS) screened for
 * Score through the real UI (`sentinela serve` + Debian's Chromium), as fast as the embedded sandbox answers, with
 * the results grid refreshing live. A PerformanceObserver('longtask') in the page records every main-thread task
 * over 50 ms from the click on "Iniciar" to "done". Target: none. Also printed: the run's duration and answers/s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { writeCustomersCsv } from '../test/helpers/customers'
import { longTasks, observeLongTasks, recording, serve } from './common'

const ROWS = Number(process.env['BENCH_UI_ROWS'] ?? 100_000)

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-ui-'))
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ sandbox: { latencyMs: 0, rateLimitPerSecond: 0 } }))
  const list = join(dir, 'clientes.csv')
  await writeCustomersCsv(list, { rows: ROWS, unique: ROWS })
  const host = await serve(dir)
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
    await observeLongTasks(page)
    await page.goto(host.url)
    await page.getByRole('navigation').getByRole('button', { name: 'Lote' }).click()
    await page.locator('#batch-file').setInputFiles(list)
    await page.getByTestId('batch-preview').waitFor()
    await page.getByLabel('Alerta (Claro)').uncheck()
    await page.getByRole('button', { name: 'Planejar' }).click()
    await page.getByTestId('batch-plan').waitFor()
    await page.getByLabel('Simultâneas por provedor').fill('32')
    await page.getByLabel('Claro (chamadas/s)').fill('10000')
    await recording(page, true)
    let gridReads = 0
    page.on('request', (r) => {
      if (r.postData()?.includes('"batch:rows"')) gridReads++
    })
    const started = performance.now()
    await page.getByRole('button', { name: 'Iniciar' }).click()
    await page.locator('[data-testid="batch-progress"][data-status="done"]').waitFor({ timeout: 15 * 60_000 })
    const seconds = (performance.now() - started) / 1000
    const readsDuringRun = gridReads
    const tasks = await longTasks(page)
    const sorted = [...tasks].sort((a, b) => a - b)
    console.log(
      `bench:ui — ${ROWS} rows screened for Score through the UI in ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds)} answers/s); the grid re-read ${readsDuringRun} times meanwhile (live)`,
    )
    console.log(
      `long tasks (> 50 ms) in the renderer during the run: ${tasks.length}; longest ${(sorted.at(-1) ?? 0).toFixed(0)} ms; total ${sorted.reduce((a, b) => a + b, 0).toFixed(0)} ms — target: none`,
    )
  } finally {
    await browser.close()
    host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
