import { useEffect } from 'react'
import { useAppStore } from './stores/app/store'
import { useNavStore } from './stores/nav/store'
import { Layout } from './features/shell/Layout'

export function App() {
  const start = useAppStore((s) => s.start)
  const follow = useNavStore((s) => s.follow)
  useEffect(() => start(), [start])
  useEffect(() => follow(), [follow])
  return <Layout />
}
