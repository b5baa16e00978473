import { useTranslation } from 'react-i18next'
import { USSD_CONTENT_LIMIT, USSD_LIMITS, type UssdCommand, type UssdOption } from '../../../src-shared/domain/ussd'

const count = (s: string): number => [...s].length

function Counter({ value, limit }: { value: string; limit: number }) {
  const n = count(value)
  return <span className={n >= limit ? 'counter over' : 'counter'}>{`${n}/${limit}`}</span>
}

/** A visual builder for the §6.4.18–20 commands: menu (title + options), input or notify. */
export function CommandBuilder({ command, onChange }: { command: UssdCommand; onChange(command: UssdCommand): void }) {
  const { t } = useTranslation()
  const setKind = (kind: UssdCommand['kind']): void => {
    if (kind === command.kind) return
    const text = command.kind === 'menu' ? command.title : command.content
    onChange(kind === 'menu' ? { kind, title: text, options: [{ index: '1', subtitle: '' }] } : { kind, content: text })
  }
  const setOption = (i: number, patch: Partial<UssdOption>): void => {
    if (command.kind !== 'menu') return
    onChange({ ...command, options: command.options.map((o, j) => (i === j ? { ...o, ...patch } : o)) })
  }
  const nextIndex = (options: UssdOption[]): string => {
    const used = new Set(options.map((o) => o.index))
    // §6.4.18: 8 and 9 are reserved (0 too); the next free index after them is 10.
    for (let n = 1; ; n++) if (n !== 8 && n !== 9 && !used.has(String(n))) return String(n)
  }
  return (
    <div className="ussd-builder" data-testid="ussd-builder">
      <div className="segmented" role="tablist">
        {(['menu', 'input', 'notify'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={command.kind === k}
            className={command.kind === k ? 'active' : undefined}
            onClick={() => setKind(k)}
          >
            {t(`ussd.kinds.${k}`)}
          </button>
        ))}
      </div>
      {command.kind === 'menu' ? (
        <>
          <div className="field">
            <label htmlFor="ussd-title">{t('ussd.title')}</label>
            <div className="with-counter">
              <input
                id="ussd-title"
                value={command.title}
                onChange={(e) => onChange({ ...command, title: e.target.value })}
              />
              <Counter value={command.title} limit={USSD_LIMITS.title.limited} />
            </div>
          </div>
          <ol className="ussd-options">
            {command.options.map((o, i) => (
              <li key={i} data-testid="ussd-option">
                <input
                  aria-label={t('ussd.index', { n: i + 1 })}
                  className="ussd-index"
                  value={o.index}
                  onChange={(e) => setOption(i, { index: e.target.value.trim() })}
                  inputMode="numeric"
                />
                <input
                  aria-label={t('ussd.subtitle', { n: i + 1 })}
                  value={o.subtitle}
                  onChange={(e) => setOption(i, { subtitle: e.target.value })}
                />
                <Counter value={o.subtitle} limit={USSD_LIMITS.option.limited} />
                <button
                  type="button"
                  className="link"
                  aria-label={t('ussd.remove', { n: i + 1 })}
                  onClick={() => onChange({ ...command, options: command.options.filter((_, j) => j !== i) })}
                >
                  ✕
                </button>
              </li>
            ))}
          </ol>
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                onChange({
                  ...command,
                  options: [...command.options, { index: nextIndex(command.options), subtitle: '' }],
                })
              }
            >
              {t('ussd.addOption')}
            </button>
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor="ussd-content">{t(`ussd.content.${command.kind}`)}</label>
          <div className="with-counter">
            <textarea
              id="ussd-content"
              rows={3}
              value={command.content}
              onChange={(e) => onChange({ ...command, content: e.target.value })}
            />
            <Counter value={command.content} limit={USSD_CONTENT_LIMIT} />
          </div>
        </div>
      )}
    </div>
  )
}
