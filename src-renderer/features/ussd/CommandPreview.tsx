import { useTranslation } from 'react-i18next'
import { allScreens, validateUssd, type UssdCommand } from '../../../src-shared/domain/ussd'
import { buildUssdRequest } from '../../../src-shared/domain/ussd-xml'

/** Live checks against the §6.4.18 limits, the screens as MSE pages them, and the XML that will be sent. */
export function CommandPreview({
  command,
  head,
}: {
  command: UssdCommand
  head: { msisdn: string; shortCode: string; sessionOwner: string }
}) {
  const { t } = useTranslation()
  const problems = validateUssd(command)
  const screens = allScreens(command)
  const xml = buildUssdRequest(
    {
      profile: t('ussd.profilePlaceholder'),
      password: '•••',
      msisdn: head.msisdn,
      short_code: head.shortCode,
      mode: 'async',
      ...(head.sessionOwner ? { session_owner: head.sessionOwner } : {}),
    },
    command,
  )
  return (
    <div className="ussd-preview">
      {problems.length > 0 ? (
        <ul className="ussd-problems" data-testid="ussd-problems">
          {problems.map((p, i) => (
            <li key={`${p.code}${i}`} className={`problem-${p.level}`} data-code={p.code}>
              {t(`ussd.levels.${p.level}`)}: {t(`ussd.problems.${p.code}`, p.params)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="outcome ok" data-testid="ussd-problems-none">
          {t('ussd.withinLimits')}
        </p>
      )}
      <div className="ussd-pages" data-testid="ussd-pages">
        {screens.map((screen, i) => (
          <figure key={i} className="mini-screen">
            <figcaption>{t('ussd.page', { n: i + 1, total: screens.length })}</figcaption>
            <pre data-testid="ussd-page">{screen}</pre>
          </figure>
        ))}
      </div>
      <details className="raw">
        <summary>{t('ussd.xml')}</summary>
        <pre className="mono" data-testid="ussd-xml">
          {xml}
        </pre>
      </details>
    </div>
  )
}
