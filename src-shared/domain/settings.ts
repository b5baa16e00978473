import { z } from 'zod'
import { EnvironmentSchema } from './environment'

export const LANGUAGES = ['pt-BR', 'en'] as const
export const LanguageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof LanguageSchema>
export const DEFAULT_LANGUAGE: Language = 'pt-BR'

/**
 * The settings file. Every field has a default so a missing or partial file yields safe values;
 * unknown keys (from a newer version) are dropped rather than trusted.
 */
export const SettingsSchema = z.object({
  language: LanguageSchema.default(DEFAULT_LANGUAGE),
  environment: EnvironmentSchema.default('sandbox'),
})
export type Settings = z.infer<typeof SettingsSchema>

/** What settings:update accepts: any subset of the fields, nothing else. */
export const SettingsPatchSchema = z.strictObject({
  language: LanguageSchema.optional(),
  environment: EnvironmentSchema.optional(),
})
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>
