import {
  SandboxEventSchema,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../src-shared/domain/settings'
import type { Policy } from '../../../src-shared/domain/policy/schema'
import { mentions } from '../../../src-shared/domain/privacy'
import type { DbRecord } from './records'

/*
 * settings.json can name a person too: `sandbox-event` keeps the line it added an Alerta event to (issue #23, a
 * tester's number survived its erasure there). The settings are walked whole, so a person typed anywhere is found;
 * a list item about them goes whole, a text loses the identifier.
 */

export interface SettingsAccess {
  get(): Settings
  update(patch: SettingsPatch): Promise<Settings>
  setPolicy(policy: Policy): Promise<Settings>
}

interface Mention {
  path: string
  value: unknown
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value))

function* mentionsIn(value: unknown, pattern: RegExp, path: string): Generator<Mention> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries())
      if (mentions(pattern, textOf(item))) yield { path: `${path}.${i}`, value: item }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* mentionsIn(v, pattern, path ? `${path}.${k}` : k)
  } else if (typeof value === 'string' && mentions(pattern, value)) yield { path, value }
}

function pruned(value: unknown, pattern: RegExp, every: RegExp): unknown {
  if (Array.isArray(value)) return value.filter((item) => !mentions(pattern, textOf(item)))
  if (typeof value === 'string') return value.replace(every, '')
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pruned(v, pattern, every)]))
}

/** What the settings keep about the people, as records of the report. */
export function settingsRecords(settings: Settings, pattern: RegExp): DbRecord[] {
  return [...mentionsIn(settings, pattern, '')].map(({ path, value }): DbRecord => {
    const event = path.startsWith('sandbox.extraEvents.') ? SandboxEventSchema.safeParse(value) : null
    return event?.success
      ? {
          place: 'settings',
          at: event.data.at,
          what: 'sandbox_event',
          params: { event: event.data.eventName },
          key: { path },
        }
      : { place: 'settings', at: null, what: 'settings', params: { path }, key: { path } }
  })
}

/** Rewrites the settings without the people (atomically, through the store); returns how many mentions went. */
export async function eraseFromSettings(store: SettingsAccess, pattern: RegExp): Promise<number> {
  const current = store.get()
  const found = [...mentionsIn(current, pattern, '')].length
  if (found === 0) return 0
  const { policy, ...rest } = SettingsSchema.parse(pruned(current, pattern, new RegExp(pattern.source, 'gi')))
  await store.update(rest)
  if (JSON.stringify(policy) !== JSON.stringify(current.policy)) await store.setPolicy(policy)
  return found
}
