import { lookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { classifyIp, classifyUrl, type AddressClass } from '../../../src-shared/domain/net'
import { AppFailure } from '../errors'

/*
 * The one address check (issue #23 item 4) for every URL Sentinela sends credentials or customers' data to: custom
 * provider endpoints, `--endpoint`, the watchlist webhook. The URL is parsed as a browser parses it and its name
 * resolved; every address it resolves to must pass. Link-local and metadata addresses never pass; loopback and
 * private networks pass only with the analyst's consent. When it connects, the HTTP client checks again what the
 * name resolves to then (a name that changed its answer after the check — DNS rebinding — still cannot reach them).
 */

export interface AddressConsent {
  /** Loopback and private networks allowed (an explicit `--endpoint`, or the setting in Configurações). */
  allowPrivate: boolean
}

const RANK: Record<AddressClass, number> = { public: 0, private: 1, loopback: 1, forbidden: 2 }

function worst(classes: AddressClass[]): AddressClass {
  return classes.reduce<AddressClass>((a, b) => (RANK[b] > RANK[a] ? b : a), 'public')
}

/** Names resolved in the last minute: a batch asks for its base URL per row, not the resolver. */
const RESOLVED_TTL_MS = 60_000
const resolved = new Map<string, { at: number; addresses: Promise<string[] | null> }>()

function resolveAll(host: string): Promise<string[] | null> {
  const hit = resolved.get(host)
  if (hit && Date.now() - hit.at < RESOLVED_TTL_MS) return hit.addresses
  if (resolved.size > 256) resolved.clear()
  const addresses = resolveNow(host)
  resolved.set(host, { at: Date.now(), addresses })
  return addresses
}

function resolveNow(host: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    lookup(host, { all: true, verbatim: true }, (error, addresses) => {
      resolve(error ? null : addresses.map((a) => a.address))
    })
  })
}

/**
 * The class of what a URL reaches: its literal address, or the worst of the addresses its name resolves to. A name
 * that does not resolve here (offline, a VPN not up yet) is judged by its text, and again when it connects.
 */
export async function addressClassOf(url: string): Promise<AddressClass> {
  const verdict = classifyUrl(url)
  if (!verdict.ok) throw new AppFailure('address.invalid', { url: url.slice(0, 200) })
  if (verdict.isIp || verdict.class !== 'public') return verdict.class
  const addresses = await resolveAll(verdict.host)
  if (!addresses) return verdict.class
  return worst(addresses.map((a) => classifyIp(a) ?? 'forbidden'))
}

/** Throws the worded refusal unless the URL may receive what Sentinela sends it. */
export async function assertAddressAllowed(url: string, consent: AddressConsent): Promise<void> {
  const found = await addressClassOf(url)
  if (found === 'forbidden') throw new AppFailure('address.forbidden', { url: url.slice(0, 200) })
  if ((found === 'loopback' || found === 'private') && !consent.allowPrivate)
    throw new AppFailure('address.private_unconsented', { url: url.slice(0, 200) })
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * `lookup` for the HTTP client's sockets: resolves as Node does, then refuses a forbidden address whatever the
 * consent (a provider or webhook host never legitimately resolves to link-local or metadata).
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, options.all ? [] : '', undefined)
    const refused = addresses.find((a) => (classifyIp(a.address) ?? 'forbidden') === 'forbidden')
    if (refused) {
      const failure = Object.assign(new Error(`address ${refused.address} of ${hostname} is not allowed`), {
        code: 'EADDRFORBIDDEN',
      })
      return callback(failure, options.all ? [] : '', undefined)
    }
    if (options.all) return callback(null, addresses)
    const first = addresses[0]
    return first ? callback(null, first.address, first.family) : callback(null, [], undefined)
  })
}
