import type { AccessToken } from '../credentials/store'
import { hashOf, type CredentialStore } from '../credentials/store'
import type { Environment } from '../../../src-shared/domain/environment'
import type { Logger } from '../log'

export interface TokenSlot {
  env: Environment
  /** Credential name in the store (`claro`, `clearsale`). */
  name: string
  credential: Record<string, unknown>
  /** Where the token is obtained and spent: a token never travels to another host (issue #23). */
  baseUrl: string
  /**
   * ClearSale (seed 004): "Só gere um novo token após a expiração do seu token atual" — no early renewal.
   * Claro: renew when less than 10 % of the lifetime (at most 5 minutes) is left.
   */
  renewOnlyAfterExpiry?: boolean
}

/** A base URL as one spelling: scheme and host lowercased by URL, no trailing slash. */
export function canonicalBase(baseUrl: string): string {
  try {
    const url = new URL(baseUrl)
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  } catch {
    return baseUrl.replace(/\/+$/, '')
  }
}

/**
 * What a token is bound to: the credential and the base URL it was obtained at, so neither a replaced credential nor
 * an `--endpoint` naming another host ever receives it — in memory or from the keychain (issue #23 item 3).
 */
function binding(slot: TokenSlot): Record<string, unknown> {
  return { ...slot.credential, '#baseUrl': canonicalBase(slot.baseUrl) }
}

/**
 * Provider access tokens: one per credential, shared by every concurrent call (single flight), persisted in the
 * keychain beside the credential so a restart or another CLI process reuses it, renewed shortly before it
 * expires and once after a 401. Otherwise never more than one token per lifetime.
 */
export class TokenManager {
  private readonly cache = new Map<string, AccessToken>()
  private readonly inflight = new Map<string, Promise<AccessToken>>()
  /** Tokens a provider refused (401): never reused, even though the keychain still holds them. */
  private readonly rejected = new Set<string>()

  constructor(
    private readonly store: CredentialStore,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private key(slot: TokenSlot): string {
    return `${slot.env}/${slot.name}/${hashOf(binding(slot))}`
  }

  private fresh(token: AccessToken, slot: TokenSlot): boolean {
    const margin = slot.renewOnlyAfterExpiry ? 0 : Math.min(5 * 60_000, (token.lifetimeMs ?? 86_400_000) * 0.1)
    return !this.rejected.has(token.token) && token.expiresAt.getTime() - margin > this.now().getTime()
  }

  async get(slot: TokenSlot, fetchToken: () => Promise<AccessToken>): Promise<AccessToken> {
    const key = this.key(slot)
    const cached = this.cache.get(key)
    if (cached && this.fresh(cached, slot)) return cached
    const running = this.inflight.get(key)
    if (running) return running
    const work = (async () => {
      const persisted = cached
        ? null
        : await this.store.getToken(slot.env, slot.name, binding(slot), this.now()).catch(() => null)
      if (persisted && this.fresh(persisted, slot)) {
        this.cache.set(key, persisted)
        return persisted
      }
      const token = await fetchToken()
      this.cache.set(key, token)
      // Persisting is best effort: without a keychain the token still serves this process.
      await this.store.setToken(slot.env, slot.name, binding(slot), token).catch((error: unknown) => {
        this.log.debug('tokens.persist_failed', { name: slot.name, reason: (error as Error).message })
      })
      return token
    })()
    this.inflight.set(key, work)
    try {
      return await work
    } finally {
      this.inflight.delete(key)
    }
  }

  /** After a 401: forget this token (only if it is still the current one, so 50 failures cause one renewal). */
  invalidate(slot: TokenSlot, token: string): void {
    const key = this.key(slot)
    this.rejected.add(token)
    if (this.cache.get(key)?.token === token) this.cache.delete(key)
  }
}
