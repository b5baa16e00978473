import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../src-shared/contract'
import type { Environment } from '../../../src-shared/domain/environment'
import { useAppStore } from '../../stores/app/store'

type Os = 'linux' | 'darwin' | 'win32'

/** The problem texts are clauses of the error sentence ("…: não há sessão D-Bus"); alone they open with a capital. */
const sentence = (clause: string): string => clause.charAt(0).toUpperCase() + clause.slice(1)

/** The commands a Linux session needs, shown as code the analyst can copy (not inline backticks). */
const LINUX_COMMANDS = [
  'sudo apt install gnome-keyring',
  'dbus-run-session -- bash',
  'gnome-keyring-daemon --unlock --components=secrets',
]

/**
 * Issue #16: no keychain reads as steps for this computer's system, not one paragraph with backticks; on the
 * sandbox it says the workstation works anyway (its credentials are simulated). The platform's own error text
 * stays one click away.
 */
export function KeychainHelp({ error, environment }: { error: AppError; environment: Environment }) {
  const { t } = useTranslation()
  const platform = useAppStore((s) => s.info?.platform ?? 'linux')
  const os: Os = platform.startsWith('darwin') ? 'darwin' : platform.startsWith('win') ? 'win32' : 'linux'
  const detail = (error.detail ?? {}) as { problem?: string; reason?: string }
  const sandbox = environment === 'sandbox'
  return (
    <div
      className={sandbox ? 'card keychain-help' : 'card keychain-help error-card'}
      role="alert"
      data-testid="keychain-help"
    >
      <h2>{t('keychain.help.title')}</h2>
      <p>{sentence(t(`keychain.problem.${detail.problem ?? 'other'}`))}</p>
      {sandbox ? (
        <p data-testid="keychain-sandbox">{t('keychain.help.sandbox')}</p>
      ) : (
        <p>{t('keychain.help.nothingSaved')}</p>
      )}
      <h3>{t('keychain.help.howTo')}</h3>
      <ol className="steps">
        {os === 'linux' ? (
          <>
            <li>
              {t('keychain.help.linux.install')} <code>{LINUX_COMMANDS[0]}</code>
            </li>
            <li>{t('keychain.help.linux.unlock')}</li>
            <li>
              {t('keychain.help.linux.headless')} <code>{LINUX_COMMANDS[1]}</code> {t('keychain.help.linux.then')}{' '}
              <code>{LINUX_COMMANDS[2]}</code>
            </li>
            <li>{t('keychain.help.restart')}</li>
          </>
        ) : (
          <>
            <li>{t(`keychain.help.${os}`)}</li>
            <li>{t('keychain.help.restart')}</li>
          </>
        )}
      </ol>
      {detail.reason && (
        <details className="raw">
          <summary>{t('keychain.help.technical')}</summary>
          <pre>{detail.reason}</pre>
        </details>
      )}
      <p className="hint">
        {t('errors.codeLabel')} <code>{error.code}</code>
      </p>
    </div>
  )
}
