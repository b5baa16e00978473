/*
 * npm run bench:cases — the review queue at scale (issue #22): 100k open cases (BENCH_CASES) queued as a finished
 * batch queues them (the Lote path, through the cases module), then Casos in the real UI (`sentinela serve` + Debian's
 * Chromium): the first page listed, a filter applied (each until its rows are on screen), and keyboard triage — 100
 * cursor moves, opening and closing cases, 20 decisions by "a"/"r" + Enter — with a PerformanceObserver('longtask')
 * recording every main-thread task over 50 ms. Targets: first page and filter < 200 ms, no long task.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { createCore } from '../src-main/app'
import { silentLogger } from '../src-main/infra/log'
import { queueBatchRows } from '../src-main/services/cases/sources'
import type { JobRow } from '../src-main/services/batch/journal'
import type { StoredRow } from '../src-main/services/batch/results'
import { withCheckDigits } from '../src-shared/domain/cpf'
import { DEFAULT_POLICY, decide, policyRef, type Facts } from '../src-shared/domain/policy'
import { longTasks, observeLongTasks, recording, serve } from './common'

const CASES = Number(process.env['BENCH_CASES'] ?? 100_000)

/** Rows as a finished batch hands them to the queue: every kind of "revisar" the policy gives. */
function* rows(): Generator<StoredRow> {
  const stricter = {
    ...DEFAULT_POLICY,
    version: 2,
    rules: { ...DEFAULT_POLICY.rules, failed: { action: 'revisar' as const } },
  }
  const outcomes: Facts['outcomes'][] = [
    { score: { status: 'answered', answer: { score: 120 } } },
    { score: { status: 'not_found', code: 'claro.not_found' } },
    { score: { status: 'failed', code: 'claro.server_error' } },
    { score: { status: 'unknown', code: 'clearsale.outcome_unknown' } },
  ]
  for (let i = 0; i < CASES; i++) {
    const facts: Facts = { checks: ['score'], outcomes: outcomes[i % outcomes.length] ?? {} }
    const policy = i % 3 === 0 ? stricter : DEFAULT_POLICY
    const d = decide(policy, facts, policyRef(policy))
    const cpf = withCheckDigits(String(100_000_000 + i * 7).slice(-9))
    const phone = `(11) 9${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}`
    yield { rowNo: i + 1, fields: [`Cliente ${i}`, cpf, phone], facts, decision: { ...d, verdict: 'revisar' } }
  }
}

/**
 * How long the page itself took: from the analyst's act (the click or change event, caught in the page) to the moment
 * the total on screen says `until` (a MutationObserver in the page) — the browser's time, not the test driver's.
 */
async function inPage(page: Page, act: () => Promise<unknown>, until: (total: string) => boolean): Promise<number> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { actAt: number; seen: { at: number; text: string }[]; probe?: MutationObserver }
    w.actAt = 0
    w.seen = []
    const mark = (): void => void (w.actAt = w.actAt || performance.now())
    document.addEventListener('click', mark, { capture: true, once: true })
    document.addEventListener('change', mark, { capture: true, once: true })
    w.probe?.disconnect()
    w.probe = new MutationObserver(() => {
      const text = document.querySelector('[data-testid="cases-total"]')?.textContent ?? ''
      w.seen.push({ at: performance.now(), text })
    })
    w.probe.observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  await act()
  for (;;) {
    const { actAt, seen } = await page.evaluate(() => {
      const w = globalThis as unknown as { actAt: number; seen: { at: number; text: string }[] }
      return { actAt: w.actAt, seen: w.seen }
    })
    const hit = seen.find((s) => s.at >= actAt && until(s.text))
    if (actAt && hit) return hit.at - actAt
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-cases-'))
  const core = await createCore({ dataDir: dir, host: 'cli', log: silentLogger })
  const job = {
    id: 1,
    name: 'carteira.csv',
    spec: { checks: ['score'], mapping: { name: 0, cpf: 1, phone: 2 }, reuseHours: 0 },
  } as unknown as JobRow // only what the queue reads of a job: its id, name and mapping
  const seeded = performance.now()
  const queued = queueBatchRows(core.modules.cases, job, rows(), new Date())
  const seedSeconds = (performance.now() - seeded) / 1000
  await core.close()
  console.log(
    `bench:cases — ${queued} open cases queued from a batch in ${seedSeconds.toFixed(1)} s (${Math.round(queued / seedSeconds)} cases/s)`,
  )

  const host = await serve(dir)
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
    await observeLongTasks(page)
    await page.goto(host.url)
    // The page's code is fetched once (a lazy chunk, then cached); the figure is the queue's, measured after a reload
    // (a fresh page, nothing listed yet).
    await page.getByRole('navigation').getByRole('button', { name: 'Casos' }).click()
    await page.getByTestId('case-row').first().waitFor()
    await page.getByRole('navigation').getByRole('button', { name: 'Lote' }).click()
    await page.reload()
    await page.getByTestId('env-badge').waitFor()
    const total = new Intl.NumberFormat('pt-BR').format(queued)
    const firstPage = await inPage(
      page,
      () => page.getByRole('navigation').getByRole('button', { name: 'Casos' }).click(),
      (text) => text === `${total} casos`,
    )
    // Where the first visit's time goes: when the page's code (a lazy chunk) and the queue's call started and ended,
    // counted from the click.
    const parts = await page.evaluate(() => {
      const actAt = (globalThis as unknown as { actAt: number }).actAt
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= actAt && /\.js$|api\/invoke/.test(e.name))
        .map((e) => {
          const r = e as PerformanceResourceTiming
          const what = /invoke/.test(r.name) ? 'call' : (/assets\/([A-Za-z]+)/.exec(r.name)?.[1] ?? 'code')
          return `${what} ${(r.startTime - actAt).toFixed(0)}→${(r.responseEnd - actAt).toFixed(0)} ms`
        })
    })
    // The queue read again with the page up (its code loaded): what each visit and each change of status costs.
    await page.locator('#cases-status').selectOption('decided')
    await page.getByTestId('cases-total').filter({ hasText: '0 casos' }).waitFor()
    const warm = await inPage(
      page,
      () => page.locator('#cases-status').selectOption('open'),
      (text) => text === `${total} casos`,
    )
    const filtered = await inPage(
      page,
      () => page.locator('#cases-rule').selectOption('failed'),
      (text) => text !== '' && text !== `${total} casos`,
    )
    const byOrigin = await inPage(
      page,
      () => page.locator('#cases-origin').selectOption('cliente'),
      (text) => text === '0 casos',
    )
    await page.locator('#cases-origin').selectOption('')
    await page.locator('#cases-rule').selectOption('')
    await page
      .getByTestId('cases-total')
      .filter({ hasText: `${total} casos` })
      .waitFor()

    await recording(page, true)
    const queue = page.getByTestId('case-queue')
    await queue.focus()
    const triage = performance.now()
    for (let i = 0; i < 100; i++) await page.keyboard.press(i % 10 === 9 ? 'k' : 'j')
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Enter')
      await page.getByTestId('case-drawer').waitFor()
      await page.keyboard.press('Escape')
      await page.keyboard.press('j')
    }
    const remaining = await page.getByTestId('cases-total').textContent()
    for (let i = 0; i < 20; i++) {
      const before = await page.getByTestId('cases-total').textContent()
      await page.keyboard.press(i % 2 ? 'r' : 'a')
      await page.getByTestId('case-reason').waitFor()
      await page.keyboard.press('Enter')
      await page
        .getByTestId('cases-total')
        .filter({ hasNotText: before ?? '' })
        .waitFor()
    }
    const triageSeconds = (performance.now() - triage) / 1000
    const tasks = await longTasks(page)
    const longest = Math.max(0, ...tasks)
    console.log(
      `first page of ${total} open cases on screen: ${warm.toFixed(0)} ms with the page up (the queue read and drawn); a reason filter ${filtered.toFixed(0)} ms; an origin filter ${byOrigin.toFixed(0)} ms — target < 200 ms each. A first visit after a reload: ${firstPage.toFixed(0)} ms (${parts.join(', ')})`,
    )
    console.log(
      `keyboard triage (100 moves, 5 open/close, 20 decisions; ${remaining} before deciding) in ${triageSeconds.toFixed(1)} s: ${tasks.length} long tasks (> 50 ms), longest ${longest.toFixed(0)} ms — target: none`,
    )
  } finally {
    await browser.close()
    host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
