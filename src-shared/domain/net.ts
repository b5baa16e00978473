/*
 * Addresses a provider URL may never point at (issue #14): link-local networks and the cloud metadata services,
 * where a URL typed (or pasted) into a setting would make Sentinela hand credentials or fetch instance secrets.
 */

const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.azure.com',
  'instance-data',
  '100.100.100.200',
  'fd00:ec2::254',
])

/** Whether a URL's host is link-local (169.254.0.0/16, fe80::/10) or a known cloud metadata endpoint. */
export function forbiddenHost(url: string): boolean {
  // The host of `scheme://[user@]host[:port]/…` (no URL global here: src-shared runs anywhere).
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^/:?#]+)/i.exec(url.trim())
  if (!m) return false // not a URL: the caller's own validation says so
  const host = (m[1] ?? '').toLowerCase().replace(/^\[|\]$/g, '')
  if (METADATA_HOSTS.has(host)) return true
  if (/^169\.254\.\d{1,3}\.\d{1,3}$/.test(host)) return true
  return /^fe[89ab][0-9a-f]:/.test(host)
}
