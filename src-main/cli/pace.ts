import type { Command } from 'commander'
import type { Provider } from '../../src-shared/domain/environment'
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../services/batch/runner'
import { UsageError } from './options'

/* The pace of a batch engine run (`screen`, `watch run`): concurrency and calls per second per provider. */

const collect = (value: string, previous: string[]): string[] => [...previous, value]
const PROVIDERS: Provider[] = ['claro', 'clearsale', 'mse']

export function positive(text: string, what: string, max = 10_000): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError('cli.usage.number', { what, value: text, max })
  return n
}

export interface PaceOptions {
  concurrency?: string
  rate: string[]
  timeoutMs: string
}

export function withPace(command: Command): Command {
  return command
    .option('--concurrency <n>', 'chamadas simultâneas por provedor / concurrent calls per provider')
    .option('--rate <PROVIDER=N>', 'chamadas por segundo (repetível) / calls per second (repeatable)', collect, [])
    .option('--timeout-ms <ms>', 'limite por chamada / per-call limit', String(DEFAULT_RUN_OPTIONS.timeoutMs))
}

export function runOptionsFrom(opts: PaceOptions): RunOptions {
  const options: RunOptions = structuredClone(DEFAULT_RUN_OPTIONS)
  if (opts.concurrency) for (const p of PROVIDERS) options.concurrency[p] = positive(opts.concurrency, '--concurrency')
  for (const spec of opts.rate) {
    const [provider, n] = spec.split('=')
    if (!provider || !(PROVIDERS as string[]).includes(provider) || !n)
      throw new UsageError('cli.usage.rate', { value: spec })
    options.rate[provider as Provider] = positive(n, '--rate')
  }
  options.timeoutMs = positive(opts.timeoutMs, '--timeout-ms', 120_000)
  return options
}
