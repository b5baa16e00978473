import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SettingsSchema, type Settings, type SettingsPatch } from '../../src-shared/domain/settings'
import { migrateSettings } from '../../src-shared/domain/policy/migrate'
import type { Policy } from '../../src-shared/domain/policy/schema'
import { AppFailure, type MessageParams } from './errors'
import type { Logger } from './log'

export const SETTINGS_FILE = 'settings.json'

/** Something the user should know about that is not an error of the current action. */
export interface NoticeDraft {
  code: string
  params: MessageParams
}

export interface LoadedSettings {
  settings: Settings
  notice: NoticeDraft | null
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/**
 * Reads settings.json. Missing → defaults (nothing written). Unreadable JSON or a value the schema refuses →
 * the file is moved aside (never deleted: the user may want what was in it) and defaults are used.
 */
async function loadSettings(dataDir: string, log: Logger, now = new Date()): Promise<LoadedSettings> {
  const file = join(dataDir, SETTINGS_FILE)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: SettingsSchema.parse({}), notice: null }
    throw error
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  const migration = migrateSettings(parsed)
  const checked = SettingsSchema.safeParse(migration.migrated ? migration.settings : parsed)
  if (checked.success) {
    if (!migration.migrated) return { settings: checked.data, notice: null }
    // Written back at once (atomically) so every process reads the one policy from now on.
    await writeAtomically(file, checked.data).catch((error: unknown) =>
      log.warn('settings.migration_unwritten', { reason: (error as Error).message }),
    )
    log.info('settings.policy_migrated', { dropped: migration.dropped })
    const [first] = migration.dropped
    const notice = first
      ? { code: 'policy_migrated', params: { setting: first.setting, value: first.value, kept: first.kept } }
      : null
    return { settings: checked.data, notice }
  }

  const movedTo = join(dataDir, `settings.corrupt-${stamp(now)}.json`)
  await rename(file, movedTo)
  log.warn('settings.corrupt', { movedTo })
  return { settings: SettingsSchema.parse({}), notice: { code: 'settings_corrupt', params: { movedTo } } }
}

function withoutConfirmation(
  callbacks: SettingsPatch['callbacks'],
): Omit<NonNullable<SettingsPatch['callbacks']>, 'exposeConfirmed'> {
  const { exposeConfirmed: _confirmed, ...rest } = callbacks ?? {}
  return rest
}

async function writeAtomically(file: string, settings: Settings): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 })
  await rename(temp, file)
}

export class SettingsStore {
  private constructor(
    private readonly dataDir: string,
    private current: Settings,
  ) {}

  static async open(dataDir: string, log: Logger): Promise<{ store: SettingsStore; notice: NoticeDraft | null }> {
    const { settings, notice } = await loadSettings(dataDir, log)
    return { store: new SettingsStore(dataDir, settings), notice }
  }

  get(): Settings {
    return this.current
  }

  /** Applies a validated patch and writes the whole file atomically (temp file + rename). */
  async update(patch: SettingsPatch): Promise<Settings> {
    // Nested objects merge field by field, so a patch of one sandbox knob keeps the others.
    const next = SettingsSchema.parse({
      ...this.current,
      ...patch,
      sandbox: { ...this.current.sandbox, ...patch.sandbox },
      customEndpoints: { ...this.current.customEndpoints, ...patch.customEndpoints },
      callbacks: { ...this.current.callbacks, ...withoutConfirmation(patch.callbacks) },
      watch: { ...this.current.watch, ...patch.watch },
    })
    await this.write(next)
    return next
  }

  /** The decision policy is replaced whole (policy:set): it was validated and versioned by the caller. */
  async setPolicy(policy: Policy): Promise<Settings> {
    const next = SettingsSchema.parse({ ...this.current, policy })
    await this.write(next)
    return next
  }

  private async write(next: Settings): Promise<void> {
    const file = join(this.dataDir, SETTINGS_FILE)
    try {
      await mkdir(this.dataDir, { recursive: true })
      await writeAtomically(file, next)
    } catch (error) {
      throw new AppFailure('settings_unwritable', { path: file, reason: (error as Error).message })
    }
    this.current = next
  }
}
