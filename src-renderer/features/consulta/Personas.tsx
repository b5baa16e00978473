import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../stores/app/store'
import { useLookupStore } from '../../stores/lookup/store'
import { useFormats } from '../../i18n/formats'

export type PersonaKind = 'alerts' | 'scores' | 'dataTrust'

/**
 * The sandbox's deterministic customers, click to fill (issue #16: on Consulta, Cliente and Data Trust alike).
 * Shown only on the sandbox: elsewhere they would be real people's numbers.
 */
export function Personas({
  kinds,
  onPhone,
  onCpf,
}: {
  kinds: readonly PersonaKind[]
  onPhone?: (formatted: string) => void
  onCpf?: (formatted: string) => void
}) {
  const { t, i18n } = useTranslation()
  const fmt = useFormats()
  const environment = useAppStore((s) => s.info?.environment)
  const personas = useLookupStore((s) => s.personas)
  const load = useLookupStore((s) => s.loadPersonas)
  useEffect(() => void load(), [load])
  if (environment !== 'sandbox' || !personas) return null
  const lang = i18n.language === 'en' ? 'en' : 'pt-BR'
  return (
    <aside className="personas" aria-label={t('lookup.personas')} data-testid="personas">
      <h2>{t('lookup.personas')}</h2>
      <p className="hint">{t('lookup.personasHint')}</p>
      {kinds.map((kind) => (
        <section key={kind}>
          {kinds.length > 1 && <h3>{t(`lookup.personaKinds.${kind}`)}</h3>}
          <ul>
            {kind === 'alerts'
              ? personas.alerts.map((p) => (
                  <li key={p.msisdn}>
                    <button type="button" className="link" onClick={() => onPhone?.(fmt.phone(p.msisdn))}>
                      {fmt.phone(p.msisdn)}
                    </button>
                    <span>{p.description[lang]}</span>
                  </li>
                ))
              : personas[kind].map((p) => (
                  <li key={p.cpf}>
                    <button type="button" className="link" onClick={() => onCpf?.(fmt.cpf(p.cpf))}>
                      {fmt.cpf(p.cpf)}
                    </button>
                    <span>{p.description[lang]}</span>
                  </li>
                ))}
          </ul>
        </section>
      ))}
    </aside>
  )
}
