import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createTranslator, type Translate } from '../../src-shared/i18n'
import { DEFAULT_LANGUAGE, LanguageSchema, type Language } from '../../src-shared/domain/settings'
import { dataDirFromArgs, defaultDataDir } from '../infra/datadir'
import { SETTINGS_FILE } from '../infra/settings'
import type { GlobalOptions } from './options'

/** The language saved in Configurações, read without opening the core (a broken or absent file: the default). */
function savedLanguage(dataDir: string): Language {
  try {
    const saved = JSON.parse(readFileSync(join(dataDir, SETTINGS_FILE), 'utf8')) as { language?: unknown }
    const lang = LanguageSchema.safeParse(saved.language)
    return lang.success ? lang.data : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

/**
 * The language a run speaks before its options are read (issue #16): `--lang` if given and known, else the one
 * saved in Configurações in the data folder the run would use, else pt-BR.
 */
export function languageFromArgs(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i]?.startsWith('--lang=') ? argv[i]?.slice(7) : undefined
    const lang = LanguageSchema.safeParse(value)
    if (lang.success) return lang.data
  }
  return savedLanguage(dataDirFromArgs(argv) ?? defaultDataDir())
}

/** The translator of a run whose options are read. */
export function cliTranslator(g: GlobalOptions): Translate {
  return createTranslator(g.lang ?? savedLanguage(g.dataDir))
}
