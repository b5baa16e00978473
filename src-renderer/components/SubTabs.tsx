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
  const tabs = (
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
    </div>
  )
  // Other controls on the row (export buttons) sit beside the tab list, not inside it (axe: aria-required-children).
  return children ? (
    <div className="subtabs-row">
      {tabs}
      {children}
    </div>
  ) : (
    tabs
  )
}
