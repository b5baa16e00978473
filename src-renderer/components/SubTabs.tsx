import type { ReactNode } from 'react'

/** A row of tabs switching views inside a page. */
export function SubTabs<V extends string>({
  views,
  current,
  onChange,
  label,
  children,
}: {
  views: readonly V[]
  current: V
  onChange(view: NoInfer<V>): void
  label(view: NoInfer<V>): string
  children?: ReactNode
}) {
  return (
    <div className="subtabs" role="tablist">
      {views.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          aria-selected={current === v}
          className={current === v ? 'active' : undefined}
          onClick={() => onChange(v)}
        >
          {label(v)}
        </button>
      ))}
      {children}
    </div>
  )
}
