import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SubTabs } from '../../components/SubTabs'
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
      <SubTabs views={['push', 'app'] as const} current={view} onChange={setView} label={(v) => t(`ussd.views.${v}`)} />
      {view === 'push' ? <PushConsole /> : <AppTester />}
      <UssdHistory />
    </section>
  )
}
