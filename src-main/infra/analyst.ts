import { userInfo } from 'node:os'
import type { SettingsStore } from './settings'

/**
 * Who signs a policy change, an adoption or a case decision (issue #22): the analyst's name from Configurações, else
 * the operating system's user — never empty, so no act of record is anonymous.
 */
export function analystName(settings: Pick<SettingsStore, 'get'>): string {
  const named = settings.get().analystName.trim()
  if (named) return named
  try {
    const name = userInfo().username
    if (name) return name
  } catch {
    // a user without a passwd entry (some containers): the numeric id still names them
  }
  return `uid ${process.getuid?.() ?? '?'}`
}
