/**
 * The only URLs Sentinela ever hands to the OS browser: https pages of the providers' own portals and
 * documentation. Everything else is refused, so a link in a provider answer cannot launch arbitrary handlers.
 */
const EXTERNAL_HOST_SUFFIXES = ['claro.com.br', 'clearsale.com.br'] as const

export function isSafeExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false
  const host = url.hostname.toLowerCase()
  return EXTERNAL_HOST_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))
}
