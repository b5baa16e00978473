/*
 * Addresses a provider URL may never point at (issue #14): link-local networks and the cloud metadata services,
 * where a URL typed (or pasted) into a setting would make Sentinela hand credentials or fetch instance secrets.
 */

const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.azure.com', 'instance-data', '100.100.100.200', 'fd00:ec2::254'])

/** Whether a URL's host is link-local (169.254.0.0/16, fe80::/10) or a known cloud metadata endpoint. */
export function forbiddenHost(url: string): boolean {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '')
  } catch {
    return false // not a URL: the caller's own validation says so
  }
  if (METADATA_HOSTS.has(host)) return true
  if (/^169\.254\.\d{1,3}\.\d{1,3}$/.test(host)) return true
  return /^fe[89ab][0-9a-f]:/.test(host)
}
