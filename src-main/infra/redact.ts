/*
 * Redaction: every log line, CLI error and error sent to the renderer passes through one Redactor. It removes
 * (1) fields whose name says they are secret, (2) credentials in header/query form, and (3) every credential
 * value currently stored for the active environment, wherever it appears in text.
 */

export const REDACTED = '[redacted]'

/** Field names whose values are never written, whatever they contain. */
const SECRET_KEY =
  /^(password|passwd|pwd|secret|client_secret|token|access_token|refresh_token|id_token|authorization|proxy-authorization|x-client-auth|cookie|set-cookie|x-sentinela-token|api[-_]?key|key|webhooktoken)$/i

/** Credentials in the shapes they take on the wire. */
const TEXT_PATTERNS: [RegExp, string][] = [
  [/\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{4,}/gi, `$1 ${REDACTED}`],
  [/([?&](?:pwd|password|token|access_token|secret)=)[^&\s"']+/gi, `$1${REDACTED}`],
  [/("(?:password|pwd|secret|access_token|token|key)"\s*:\s*")[^"]*(")/gi, `$1${REDACTED}$2`],
]

/** Values shorter than this are not hunted in free text: they would shred ordinary words. */
const MIN_VALUE_LENGTH = 4
const MAX_DEPTH = 8

export class Redactor {
  private readonly values = new Set<string>()
  private sorted: string[] = []

  /** Registers values to remove from any text from now on (credential fields, tokens, their encodings). */
  remember(...values: unknown[]): void {
    let changed = false
    for (const value of values) {
      if (typeof value !== 'string' || value.length < MIN_VALUE_LENGTH || this.values.has(value)) continue
      this.values.add(value)
      changed = true
    }
    // Longest first, so a secret that contains another is removed whole.
    if (changed) this.sorted = [...this.values].sort((a, b) => b.length - a.length)
  }

  /** A credential object: each field, plus the Basic form Claro's token call sends (seed 001). */
  rememberCredential(value: Record<string, unknown>): void {
    const strings = Object.values(value).filter((v): v is string => typeof v === 'string')
    this.remember(...strings)
    const { key, secret } = value as { key?: unknown; secret?: unknown }
    if (typeof key === 'string' && typeof secret === 'string')
      this.remember(Buffer.from(`${key}:${secret}`).toString('base64'))
  }

  text(input: string): string {
    let out = input
    for (const value of this.sorted) if (out.includes(value)) out = out.split(value).join(REDACTED)
    for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement)
    return out
  }

  /** Deep copy with secret fields and secret values removed. Never mutates its input. */
  value(input: unknown, depth = 0): unknown {
    if (typeof input === 'string') return this.text(input)
    if (input === null || typeof input !== 'object') return input
    if (depth >= MAX_DEPTH) return '[…]'
    if (Array.isArray(input)) return input.map((item) => this.value(item, depth + 1))
    if (input instanceof Error) return { name: input.name, message: this.text(input.message) }
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(input)) {
      out[key] =
        SECRET_KEY.test(key) && item !== undefined && item !== null && item !== ''
          ? REDACTED
          : this.value(item, depth + 1)
    }
    return out
  }
}
