import { SegmentedMessage } from 'sms-segments-calculator'
import { useTranslation } from 'react-i18next'

/** Characters per segment on the air: a concatenated SMS loses 7 octets to its header (70→67, 160→153). */
const perSegment = (unicode: boolean, segments: number): number =>
  unicode ? (segments > 1 ? 67 : 70) : segments > 1 ? 153 : 160

/** seed 003 §6.4.1: TEXT is at most 160 characters for MSE. */
const MSE_TEXT_LIMIT = 160

/**
 * Live count of an SMS text: GSM-7 or UCS-2 (most Portuguese accents force UCS-2), segments on the air
 * (sms-segments-calculator), and where MSE's own 160-character limit bites.
 */
export function SmsTextInfo({ text }: { text: string }) {
  const { t } = useTranslation()
  if (!text) return null
  const message = new SegmentedMessage(text, 'auto')
  const chars = [...text].length
  const unicode = message.encodingName === 'UCS-2'
  const nonGsm = [...new Set(message.getNonGsmCharacters())]
  return (
    <div
      className="sms-info"
      data-testid="sms-info"
      data-encoding={message.encodingName}
      data-segments={message.segmentsCount}
    >
      <p className={chars > MSE_TEXT_LIMIT ? 'field-error' : 'hint'}>
        {t('sms.info', {
          chars,
          limit: MSE_TEXT_LIMIT,
          encoding: message.encodingName,
          count: message.segmentsCount,
          perSegment: perSegment(unicode, message.segmentsCount),
        })}
      </p>
      {unicode && nonGsm.length > 0 && <p className="hint">{t('sms.ucs2Because', { chars: nonGsm.join(' ') })}</p>}
      {unicode && message.segmentsCount > 1 && chars <= MSE_TEXT_LIMIT && (
        <p className="hint warn">{t('sms.ucs2Split', { segments: message.segmentsCount })}</p>
      )}
      {chars > MSE_TEXT_LIMIT && <p className="field-error">{t('sms.mseLimit', { limit: MSE_TEXT_LIMIT })}</p>}
    </div>
  )
}
