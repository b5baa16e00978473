import ipaddr from 'ipaddr.js'

/*
 * Where a URL Sentinela sends to may point (issues #14, #23): a provider endpoint of the `custom` environment and a
 * watchlist webhook receive credentials or customers' data. The host is read as an address, not as text: the URL is
 * parsed as a browser parses it (WHATWG — `http://2852039166/`, `http://0xa9fea9fe/`, `http://0251.0376.0251.0376/`
 * and `http://169.254.169.254./` are all 169.254.169.254), IPv6 forms that carry an IPv4 address are unwrapped
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) and names lose their trailing dot.
 *  - forbidden, in every spelling: link-local networks and cloud metadata services (instance secrets), unspecified,
 *    multicast, broadcast and reserved addresses;
 *  - loopback and private networks: only with the analyst's explicit consent;
 *  - anything else is public.
 * Main resolves names and checks every address they resolve to, again when it connects (infra/http/address.ts).
 */

export type AddressClass = 'public' | 'private' | 'loopback' | 'forbidden'

export type UrlVerdict =
  | { ok: true; url: string; host: string; class: AddressClass; isIp: boolean }
  | { ok: false; reason: 'invalid' | 'scheme' }

/** Metadata services reached by name (their addresses are link-local, except the ones listed as addresses). */
const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.com',
  'metadata.azure.internal',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.packet.net',
  'metadata.platformequinix.com',
])
/**
 * Platform services at addresses outside link-local: Alibaba Cloud's metadata, Azure's WireServer, and the IPv6
 * metadata of AWS, Google Cloud and Oracle Cloud (found by the attack on issue #23: fc00::/7 read as private).
 */
const METADATA_ADDRESSES = new Set([
  '100.100.100.200',
  '168.63.129.16',
  'fd00:ec2::254',
  'fd20:ce::254',
  'fd00:c1::a9fe:a9fe',
])

/** The URL constructor every runtime of this code has (Node, Chromium); src-shared declares no DOM or Node types. */
interface ParsedUrl {
  protocol: string
  hostname: string
  href: string
}
const UrlCtor = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL

function classifyV4(address: ipaddr.IPv4): AddressClass {
  if (METADATA_ADDRESSES.has(address.toString())) return 'forbidden'
  switch (address.range()) {
    case 'unicast':
      return 'public'
    case 'loopback':
      return 'loopback'
    case 'private':
    case 'carrierGradeNat':
      return 'private'
    default:
      // linkLocal (169.254/16), unspecified (0/8: reaches this machine), broadcast, multicast, reserved, …
      return 'forbidden'
  }
}

function v4FromBytes(bytes: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes.map((b) => b & 0xff))
}

function classifyV6(address: ipaddr.IPv6): AddressClass {
  if (METADATA_ADDRESSES.has(address.toString())) return 'forbidden'
  const bytes = address.toByteArray()
  const range = address.range()
  // IPv4 carried inside IPv6: judged as the IPv4 address it reaches.
  if (address.isIPv4MappedAddress()) return classifyV4(address.toIPv4Address())
  if (range === 'rfc6052' || range === 'rfc6145') return classifyV4(v4FromBytes(bytes.slice(12)))
  if (range === '6to4') return classifyV4(v4FromBytes(bytes.slice(2, 6)))
  if (range === 'teredo') return classifyV4(v4FromBytes(bytes.slice(12).map((b) => b ^ 0xff)))
  const compatible = bytes.slice(0, 12).every((b) => b === 0)
  if (compatible && range !== 'loopback' && range !== 'unspecified') return classifyV4(v4FromBytes(bytes.slice(12)))
  switch (range) {
    case 'unicast':
      return 'public'
    case 'loopback':
      return 'loopback'
    case 'uniqueLocal':
      return 'private'
    default:
      // linkLocal (fe80::/10), unspecified, multicast, reserved, …
      return 'forbidden'
  }
}

/** An IP address in any textual form Node or a browser hands over (`::ffff:169.254.169.254`, `[fe80::1]`), or null. */
export function classifyIp(text: string): AddressClass | null {
  const bare = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (!ipaddr.isValid(bare)) return null
  // ipaddr also reads `0xa9fea9fe` and `2852039166` as IPv4, as the WHATWG parser does.
  const address = ipaddr.parse(bare)
  return address.kind() === 'ipv4' ? classifyV4(address as ipaddr.IPv4) : classifyV6(address as ipaddr.IPv6)
}

/** A name's class before it is resolved: metadata names are forbidden, `localhost` is loopback. */
function classifyName(name: string): AddressClass {
  if (METADATA_NAMES.has(name)) return 'forbidden'
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback'
  return 'public'
}

/** The URL as a browser would read it, its host and what that host is (names unresolved). */
export function classifyUrl(raw: string): UrlVerdict {
  let url: ParsedUrl
  try {
    url = new UrlCtor(raw.trim())
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme' }
  const host = url.hostname.toLowerCase().replace(/\.+$/, '')
  const ip = classifyIp(host)
  return { ok: true, url: url.href, host, class: ip ?? classifyName(host), isIp: ip !== null }
}

/** Whether a URL is never acceptable: link-local, metadata and the like, in every spelling. */
export function forbiddenHost(url: string): boolean {
  const verdict = classifyUrl(url)
  return verdict.ok && verdict.class === 'forbidden'
}

/** Whether a URL reaches this machine or a private network, which needs the analyst's consent. */
export function needsConsent(url: string): boolean {
  const verdict = classifyUrl(url)
  return verdict.ok && (verdict.class === 'loopback' || verdict.class === 'private')
}
