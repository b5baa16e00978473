import { useEffect, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { validateUssd } from '../../../src-shared/domain/ussd'
import { LookupOutcome } from '../../components/LookupOutcome'
import { ResendPrompt } from '../../components/ResendPrompt'
import { SubmitButton } from '../../components/SubmitButton'
import { useAppStore } from '../../stores/app/store'
import { useMseStore } from '../../stores/mse/store'
import { useUssdStore } from '../../stores/ussd/store'
import { WireName } from '../../components/WireName'
import { CommandBuilder } from './CommandBuilder'
import { CommandPreview } from './CommandPreview'
import { Handset } from './Handset'

/** §6.4.18–20: build a menu, input or notify, send it through /MSE/ussd, see it on the subscriber's handset. */
export function PushConsole() {
  const { t } = useTranslation()
  const s = useUssdStore()
  const environment = useAppStore((st) => st.info?.environment ?? 'sandbox')
  const inbound = useMseStore((st) => st.inbox).filter((m) => m.kind === 'ussd')
  const startMse = useMseStore((st) => st.start)
  useEffect(() => startMse(), [startMse])
  const blocked = validateUssd(s.command).some((p) => p.level === 'error')
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!blocked) void s.send()
  }
  const handset = s.handset
  return (
    <div className="ussd-console">
      <div className="lookup">
        <form className="lookup-form" onSubmit={submit} data-testid="ussd-push-form">
          <div className="field">
            <label htmlFor="ussd-msisdn">
              <WireName words={t('ussd.target.msisdn')} wire="msisdn" />
            </label>
            <input
              id="ussd-msisdn"
              value={s.target.msisdn}
              onChange={(e) => s.setTarget({ msisdn: e.target.value })}
              inputMode="tel"
            />
          </div>
          <div className="field">
            <label htmlFor="ussd-short-code">
              <WireName words={t('ussd.target.shortCode')} wire="short_code" />
            </label>
            <input
              id="ussd-short-code"
              value={s.target.shortCode}
              onChange={(e) => s.setTarget({ shortCode: e.target.value })}
              inputMode="numeric"
            />
          </div>
          <div className="field">
            <label htmlFor="ussd-session-owner">
              <WireName words={t('ussd.target.sessionOwner')} wire="session_owner" />{' '}
              <span className="muted">({t('mse.optional')})</span>
            </label>
            <input
              id="ussd-session-owner"
              value={s.target.sessionOwner}
              onChange={(e) => s.setTarget({ sessionOwner: e.target.value })}
            />
          </div>
          <details className="field" data-testid="ussd-head-extras">
            <summary>{t('ussd.headExtras')}</summary>
            {(
              [
                ['billingcode', 'billingcode'],
                ['ctnBilling', 'ctn_billing'],
                ['description', 'content_description'],
                ['info', 'transaction_info'],
              ] as const
            ).map(([key, name]) => (
              <div key={key} className="field">
                <label htmlFor={`ussd-${name}`}>
                  <WireName words={t(`ussd.target.${key}`)} wire={name} />{' '}
                  <span className="muted">({t('mse.optional')})</span>
                </label>
                <input
                  id={`ussd-${name}`}
                  value={s.target[key]}
                  onChange={(e) => s.setTarget({ [key]: e.target.value })}
                />
              </div>
            ))}
          </details>
          <CommandBuilder command={s.command} onChange={s.setCommand} />
          <SubmitButton busy={s.push.status === 'loading'} label={t('ussd.push')} busyLabel={t('mse.sending')} />
        </form>
        <CommandPreview command={s.command} head={s.target} />
        <ResendPrompt error={s.push.error} onResend={() => void s.send(true)} />
        <LookupOutcome
          status={s.push.status}
          error={s.push.error}
          answered={s.push.result ? { environment, raw: s.push.result.raw } : null}
          loadingText={t('mse.sending')}
        >
          {s.push.result && (
            <p
              className={s.push.result.statusCode === 0 ? 'outcome ok' : 'outcome error'}
              data-testid="ussd-push-status"
            >
              {t('mse.statusLine', {
                code: s.push.result.statusCode,
                meaning:
                  s.push.result.statusCode === 0
                    ? t('mse.status.s0')
                    : (s.push.result.errorMessage ?? t('mse.status.other')),
              })}
              {s.push.result.transactionId ? ` · ${t('mse.transaction', { id: s.push.result.transactionId })}` : ''}
            </p>
          )}
        </LookupOutcome>
      </div>
      <div className="ussd-side">
        {environment === 'sandbox' && (
          <>
            <h2>{t('ussd.virtualHandset', { msisdn: handset?.msisdn ?? s.target.msisdn })}</h2>
            <Handset
              testId="push-handset"
              screen={handset?.screen ?? ''}
              status={handset?.command?.kind === 'menu' ? t('ussd.pageOf', { n: (handset.page ?? 0) + 1 }) : undefined}
              ended={handset?.ended ?? true}
              note={handset?.note}
              onSend={(key) => void s.pressOnHandset(key)}
            />
          </>
        )}
        <h2>{t('ussd.inbound')}</h2>
        {inbound.length === 0 ? (
          <p className="muted">{t('ussd.noInbound')}</p>
        ) : (
          <ul className="message-list" data-testid="ussd-inbound">
            {inbound.map((m) => (
              <li key={m.at + m.text}>
                <span className="mono">
                  {m.anum} → *{m.bnum}#
                </span>
                : <strong>{m.text}</strong>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
