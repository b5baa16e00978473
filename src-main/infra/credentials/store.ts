import { createHash } from 'node:crypto'
import type { Environment } from '../../../src-shared/domain/environment'
import {
  credentialHint,
  providerOf,
  valueSchemaFor,
  type CredentialName,
  type CredentialSummary,
} from '../../../src-shared/domain/credentials'
import type { Redactor } from '../redact'
import type { SecretBackend } from './backend'

/** One keychain service; accounts `<env>/<name>` for credentials and `<env>/<name>#token` for access tokens. */
export const KEYCHAIN_SERVICE = 'Sentinela'
const TOKEN_SUFFIX = '#token'
const SECRET_PREFIX = 'secret:'

interface StoredCredential {
  v: 1
  value: Record<string, unknown>
  updatedAt: string
}

interface StoredToken {
  v: 1
  token: string
  expiresAt: string
  lifetimeMs?: number
  /** Binds the token to the credential it was obtained with: a replaced credential never reuses it. */
  credentialHash: string
}

export interface AccessToken {
  token: string
  expiresAt: Date
  /** The lifetime the provider granted, which decides how early to renew. */
  lifetimeMs?: number
}

function parse<T>(text: string | null): T | null {
  if (text === null) return null
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}

/** Field order independent, so the same credential always binds to the same tokens. */
export function hashOf(credential: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(credential)
      .sort()
      .map((k) => [k, credential[k]]),
  )
  return createHash('sha256').update(canonical).digest('hex')
}

/**
 * Reads for provider calls are cached briefly: a keychain round trip (D-Bus, Security framework) per lookup
 * would dominate the latency a lookup adds. Writes and deletes in this process invalidate at once; a change made
 * by another process (the CLI while the app runs) is seen within this time.
 */
const CREDENTIAL_CACHE_MS = 30_000

export class CredentialStore {
  private readonly cache = new Map<string, { value: Record<string, unknown> | null; at: number }>()

  constructor(
    private readonly backend: SecretBackend,
    private readonly redactor: Redactor,
  ) {}

  private account(env: Environment, name: CredentialName): string {
    return `${env}/${name}`
  }

  private summary(env: Environment, name: CredentialName, stored: StoredCredential | null): CredentialSummary {
    const valid = stored !== null && valueSchemaFor(name).safeParse(stored.value).success
    return {
      name,
      provider: providerOf(name),
      environment: env,
      hint: valid ? credentialHint(name, stored.value) : '',
      updatedAt: valid ? stored.updatedAt : null,
      status: valid ? 'ok' : 'unreadable',
    }
  }

  private async readStored(env: Environment, name: CredentialName): Promise<StoredCredential | null> {
    const stored = parse<StoredCredential>(await this.backend.get(KEYCHAIN_SERVICE, this.account(env, name)))
    if (stored?.value) this.redactor.rememberCredential(stored.value)
    return stored
  }

  /** Every credential stored for one environment, as summaries. Also teaches the redactor their values. */
  async list(env: Environment): Promise<CredentialSummary[]> {
    const prefix = `${env}/`
    const entries = await this.backend.list(KEYCHAIN_SERVICE)
    const items: CredentialSummary[] = []
    for (const { account, password } of entries) {
      if (!account.startsWith(prefix) || account.startsWith(`${prefix}${SECRET_PREFIX}`)) continue
      if (account.endsWith(TOKEN_SUFFIX)) {
        this.redactor.remember(parse<StoredToken>(password)?.token)
        continue
      }
      const stored = parse<StoredCredential>(password)
      if (stored?.value) this.redactor.rememberCredential(stored.value)
      items.push(this.summary(env, account.slice(prefix.length), stored))
    }
    return items.sort((a, b) => a.name.localeCompare(b.name))
  }

  /** Stores (or replaces) a credential and drops any token obtained with the previous one. */
  async set(
    env: Environment,
    name: CredentialName,
    value: Record<string, unknown>,
    now = new Date(),
  ): Promise<CredentialSummary> {
    const checked = valueSchemaFor(name).parse(value) as Record<string, unknown>
    this.redactor.rememberCredential(checked)
    this.cache.delete(this.account(env, name))
    const stored: StoredCredential = { v: 1, value: checked, updatedAt: now.toISOString() }
    await this.backend.set(KEYCHAIN_SERVICE, this.account(env, name), JSON.stringify(stored))
    await this.backend.delete(KEYCHAIN_SERVICE, this.account(env, name) + TOKEN_SUFFIX)
    return this.summary(env, name, stored)
  }

  /**
   * A secret that is not a provider credential (issue #17: the team webhook's signing key), in the same keychain:
   * never listed with the credentials, taught to the redactor when read or written.
   */
  async getSecret(env: Environment, name: string): Promise<string | null> {
    const value = await this.backend.get(KEYCHAIN_SERVICE, `${env}/${SECRET_PREFIX}${name}`)
    this.redactor.remember(value ?? undefined)
    return value
  }

  async setSecret(env: Environment, name: string, value: string): Promise<void> {
    this.redactor.remember(value)
    await this.backend.set(KEYCHAIN_SERVICE, `${env}/${SECRET_PREFIX}${name}`, value)
  }

  async deleteSecret(env: Environment, name: string): Promise<boolean> {
    return this.backend.delete(KEYCHAIN_SERVICE, `${env}/${SECRET_PREFIX}${name}`)
  }

  /** Deletes a credential and its tokens. Returns whether a credential was there. */
  async delete(env: Environment, name: CredentialName): Promise<boolean> {
    this.cache.delete(this.account(env, name))
    await this.backend.delete(KEYCHAIN_SERVICE, this.account(env, name) + TOKEN_SUFFIX)
    return this.backend.delete(KEYCHAIN_SERVICE, this.account(env, name))
  }

  /** The credential itself, for the main process's provider clients only: never for a channel's answer. */
  async get(env: Environment, name: CredentialName): Promise<Record<string, unknown> | null> {
    const account = this.account(env, name)
    const hit = this.cache.get(account)
    if (hit && Date.now() - hit.at < CREDENTIAL_CACHE_MS) return hit.value
    const stored = await this.readStored(env, name)
    const checked = stored ? valueSchemaFor(name).safeParse(stored.value) : null
    const value = checked?.success ? (checked.data as Record<string, unknown>) : null
    this.cache.set(account, { value, at: Date.now() })
    return value
  }

  /**
   * A still-valid token obtained with exactly this credential, else null. The credential is passed in (not read
   * back) because the sandbox's built-in credential has no keychain entry but its tokens are kept all the same.
   */
  async getToken(
    env: Environment,
    name: CredentialName,
    credential: Record<string, unknown>,
    now = new Date(),
  ): Promise<AccessToken | null> {
    const token = parse<StoredToken>(await this.backend.get(KEYCHAIN_SERVICE, this.account(env, name) + TOKEN_SUFFIX))
    if (!token || token.credentialHash !== hashOf(credential)) return null
    this.redactor.remember(token.token)
    const expiresAt = new Date(token.expiresAt)
    if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now) return null
    return token.lifetimeMs === undefined
      ? { token: token.token, expiresAt }
      : { token: token.token, expiresAt, lifetimeMs: token.lifetimeMs }
  }

  async setToken(
    env: Environment,
    name: CredentialName,
    credential: Record<string, unknown>,
    token: AccessToken,
  ): Promise<void> {
    this.redactor.remember(token.token)
    const entry: StoredToken = {
      v: 1,
      token: token.token,
      expiresAt: token.expiresAt.toISOString(),
      lifetimeMs: token.lifetimeMs,
      credentialHash: hashOf(credential),
    }
    await this.backend.set(KEYCHAIN_SERVICE, this.account(env, name) + TOKEN_SUFFIX, JSON.stringify(entry))
  }
}
