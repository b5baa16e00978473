import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AppTester } from './AppTester'
import { PushConsole } from './PushConsole'
import { UssdHistory } from './UssdHistory'

type View = 'push' | 'app'

export function UssdPage() {
  const { t } = useTranslation()
  const [view, setView] = useState<View>('push')
  return (
    <section className="page" data-testid="page-ussd">
      <h1 id="page-title">{t('nav.ussd')}</h1>
      <p className="lead">{t('pages.ussd')}</p>
      <div className="subtabs" role="tablist">
        {(['push', 'app'] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'active' : undefined} onClick={() => setView(v)}>
            {t(`ussd.views.${v}`)}
          </button>
        ))}
      </div>
      {view === 'push' ? <PushConsole /> : <AppTester />}
      <UssdHistory />
    </section>
  )
}
