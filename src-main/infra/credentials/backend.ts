import { AppFailure } from '../errors'

/**
 * Where secrets live. The production backend is the OS keychain through keytar (archived upstream, hence this
 * small seam); any replacement must be an OS-protected store too — never a file.
 */
export interface SecretBackend {
  get(service: string, account: string): Promise<string | null>
  set(service: string, account: string, value: string): Promise<void>
  delete(service: string, account: string): Promise<boolean>
  list(service: string): Promise<{ account: string; password: string }[]>
}

export type KeychainProblem =
  'no_session_bus' | 'no_secret_service' | 'locked' | 'denied' | 'timeout' | 'module_missing' | 'other'

/** Reads the platform's error text (libsecret/D-Bus, macOS Security, Windows Credential Manager). */
export function classifyKeychainError(message: string): KeychainProblem {
  if (
    /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket|Could not connect: |Unable to autolaunch|No such file or directory.*bus/i.test(
      message,
    )
  )
    return 'no_session_bus'
  if (/org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service|NameHasNoOwner/i.test(message))
    return 'no_secret_service'
  // A keyring daemon with no unlocked default collection (never created, or locked at login).
  if (/locked|unlock|collection\/login|Object does not exist at path/i.test(message)) return 'locked'
  if (/denied|dismissed|cancel|not allowed|errSecAuthFailed|-128|-25293|ERROR_ACCESS_DENIED/i.test(message))
    return 'denied'
  return 'other'
}

function keychainFailure(problem: KeychainProblem, reason: string): AppFailure {
  return new AppFailure(
    'keychain_unavailable',
    { problem, reason: reason.slice(0, 300) },
    { problem, reason: reason.slice(0, 300) },
  )
}

interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<{ account: string; password: string }[]>
}

/**
 * keytar, loaded on first use (a missing native build is then a clear keychain error, not a crash at start),
 * with a time limit: a locked keyring with no prompter can otherwise wait forever.
 */
export class KeytarBackend implements SecretBackend {
  private module: Promise<KeytarModule> | null = null

  constructor(private readonly timeoutMs = 15_000) {}

  private load(): Promise<KeytarModule> {
    this.module ??= import('keytar').then(
      (m) => (m as { default?: KeytarModule }).default ?? (m as unknown as KeytarModule),
      (error: unknown) => {
        this.module = null
        throw keychainFailure('module_missing', (error as Error).message)
      },
    )
    return this.module
  }

  private async call<T>(work: (keytar: KeytarModule) => Promise<T>): Promise<T> {
    const keytar = await this.load()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(keychainFailure('timeout', `no answer from the keychain in ${this.timeoutMs} ms`)),
        this.timeoutMs,
      )
    })
    try {
      return await Promise.race([work(keytar), timeout])
    } catch (error) {
      if (error instanceof AppFailure) throw error
      const message = error instanceof Error ? error.message : String(error)
      throw keychainFailure(classifyKeychainError(message), message)
    } finally {
      clearTimeout(timer)
    }
  }

  get(service: string, account: string) {
    return this.call((k) => k.getPassword(service, account))
  }
  set(service: string, account: string, value: string) {
    return this.call((k) => k.setPassword(service, account, value))
  }
  delete(service: string, account: string) {
    return this.call((k) => k.deletePassword(service, account))
  }
  list(service: string) {
    return this.call((k) => k.findCredentials(service))
  }
}
