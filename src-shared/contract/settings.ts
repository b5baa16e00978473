import { z } from 'zod'
import { channel } from './define'
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings'

export const settingsChannels = {
  'settings:get': channel(z.strictObject({}), SettingsSchema),
  'settings:update': channel(SettingsPatchSchema, SettingsSchema),
}

export const settingsEvents = {
  'settings:changed': SettingsSchema,
}
