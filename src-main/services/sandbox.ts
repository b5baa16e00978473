import type { Provider } from '../../src-shared/domain/environment'
import type { SandboxKnobs } from '../../src-shared/domain/settings'
import { createClaroSandbox } from '../providers/claro'
import { createClearSaleSandbox } from '../providers/clearsale'
import { createMseSandbox } from '../providers/mse'
import { startSandboxServer, type SandboxProvider, type SandboxServer } from '../infra/sandbox/host'

/** The simulated providers. ClearSale and MSE join here as they are built. */
export const SANDBOX_PROVIDERS: Partial<Record<Provider, () => SandboxProvider>> = {
  claro: () => createClaroSandbox(),
  clearsale: () => createClearSaleSandbox(),
  mse: () => createMseSandbox(),
}

/** Starts each provider's sandbox on first use (single flight) and closes them all with the core. */
export class SandboxManager {
  private readonly servers = new Map<Provider, Promise<SandboxServer>>()

  constructor(
    private readonly knobs: () => SandboxKnobs,
    private readonly ports: Partial<Record<Provider, number>> = {},
  ) {}

  server(provider: Provider): Promise<SandboxServer> {
    let running = this.servers.get(provider)
    if (!running) {
      const factory = SANDBOX_PROVIDERS[provider]
      if (!factory) throw new Error(`no sandbox for ${provider}`)
      running = startSandboxServer(factory(), this.knobs, this.ports[provider] ?? 0)
      this.servers.set(provider, running)
    }
    return running
  }

  async url(provider: Provider): Promise<string> {
    return (await this.server(provider)).url
  }

  /** Requests each running simulator has received (`METHOD path` → count); a provider never called is absent. */
  async stats(): Promise<Partial<Record<Provider, Record<string, number>>>> {
    const entries = await Promise.all(
      [...this.servers].map(async ([provider, server]) => [provider, (await server).stats()] as const),
    )
    return Object.fromEntries(entries)
  }

  async startAll(): Promise<Partial<Record<Provider, string>>> {
    const entries = await Promise.all(
      Object.keys(SANDBOX_PROVIDERS).map(async (p) => [p, await this.url(p as Provider)] as const),
    )
    return Object.fromEntries(entries)
  }

  async close(): Promise<void> {
    const servers = await Promise.allSettled(this.servers.values())
    await Promise.all(servers.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)))
    this.servers.clear()
  }
}
