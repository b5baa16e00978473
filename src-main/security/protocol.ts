import { isAbsolute, join, normalize, relative } from 'node:path'
import { isAppUrl } from './window'

/**
 * Maps an app:// URL to a file under the built renderer folder, or null. Used instead of file:// so the
 * renderer has a real origin and cannot read arbitrary files (checklist item 18).
 */
export function resolveAppFile(rawUrl: string, rendererDir: string): string | null {
  if (!isAppUrl(rawUrl)) return null
  const url = new URL(rawUrl)
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  const file = normalize(join(rendererDir, path === '/' ? '/index.html' : path))
  const rel = relative(rendererDir, file)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return file
}
