import { useTranslation } from 'react-i18next'
import { TimeZoneSchema } from '../../../src-shared/domain/settings'
import { TextSetting } from './TextSetting'

/** The zone dates are shown in (screens and exports): an IANA name, saved only when the runtime knows it. */
export function TimeZoneSetting({ value, onCommit }: { value: string; onCommit(zone: string): void }) {
  const { t } = useTranslation()
  return (
    <TextSetting
      id="settings-timezone"
      label={t('settings.timeZone')}
      hint={t('settings.timeZoneHint')}
      value={value}
      valid={(text) => TimeZoneSchema.safeParse(text).success}
      onCommit={onCommit}
    />
  )
}
