import { useTranslation } from 'react-i18next'
import { TextSetting } from './TextSetting'

/**
 * Who signs policy changes, batch adoptions and case decisions (issue #22); empty means the operating system's user.
 * Control characters never reach a record (the core refuses them too).
 */
export function AnalystNameSetting({ value, onCommit }: { value: string; onCommit(name: string): void }) {
  const { t } = useTranslation()
  return (
    <TextSetting
      id="settings-analyst"
      label={t('settings.analystName')}
      hint={t('settings.analystNameHint')}
      value={value}
      valid={(text) => text.length <= 80 && !/\p{Cc}/u.test(text)}
      onCommit={onCommit}
      maxLength={80}
      autoComplete="name"
    />
  )
}
