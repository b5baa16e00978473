import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { usePolicy } from '../policy/usePolicy'
import { SubmitButton } from '../../components/SubmitButton'
import { ALERT_EVENT_TYPES, type AlertEventType } from '../../../src-shared/domain/claro'
import { parseMsisdn } from '../../../src-shared/domain/phone'
import { formatPhoneBr } from '../../../src-shared/domain/format'
import { LookupOutcome } from '../../components/LookupOutcome'
import { IdentifierField } from '../../components/IdentifierField'
import { useLookupStore } from '../../stores/lookup/store'
import { AlertsTimeline } from './AlertsTimeline'

export function AlertsForm({ value, onValue }: { value: string; onValue(value: string): void }) {
  const { t } = useTranslation()
  const slot = useLookupStore((s) => s.alerts)
  const run = useLookupStore((s) => s.runAlerts)
  const policy = usePolicy()
  const [events, setEvents] = useState<AlertEventType[]>([])
  const parsed = value.trim() === '' ? null : parseMsisdn(value)

  const toggle = (name: AlertEventType): void =>
    setEvents((prev) => (prev.includes(name) ? prev.filter((e) => e !== name) : [...prev, name]))
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    // The field already says what is wrong with it: the same sentence again in an error box would only repeat it.
    if (parsed && !parsed.ok) return
    void run(value, events)
  }

  return (
    <div className="lookup">
      <form className="lookup-form" onSubmit={submit} aria-label={t('lookup.tabs.alerts')}>
        <IdentifierField
          id="alerts-msisdn"
          label={t('lookup.msisdn')}
          value={value}
          onValue={onValue}
          placeholder={t('lookup.msisdnPlaceholder')}
          inputMode="tel"
          parsed={
            parsed &&
            (parsed.ok
              ? { ok: true, shown: formatPhoneBr(parsed.msisdn) }
              : { ok: false, errorKey: `errors.invalid_msisdn.${parsed.reason}` })
          }
          testId="msisdn-feedback"
        />
        <div className="field">
          <span className="label" id="alerts-events-label">
            {t('lookup.events')}
          </span>
          <div className="events" role="group" aria-labelledby="alerts-events-label">
            {ALERT_EVENT_TYPES.map((name) => (
              <label key={name} className="check">
                <input type="checkbox" checked={events.includes(name)} onChange={() => toggle(name)} />
                {t(`claroEvents.${name}`)}
              </label>
            ))}
            {events.length === 0 && <span className="hint">{t('lookup.allEvents')}</span>}
          </div>
        </div>
        <SubmitButton busy={slot.status === 'loading'} label={t('lookup.submit')} busyLabel={t('lookup.loading')} />
      </form>
      <LookupOutcome
        status={slot.status}
        error={slot.error}
        answered={slot.status === 'done' ? slot.result : null}
        loadingText={t('lookup.loading')}
      >
        {slot.result && <AlertsTimeline result={slot.result} policy={policy} />}
      </LookupOutcome>
    </div>
  )
}
