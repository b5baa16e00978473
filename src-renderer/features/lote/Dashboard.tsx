import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useBatchResults } from '../../stores/batch/results'
import { useBatchStore } from '../../stores/batch/store'
import { VERDICTS } from '../../../src-shared/domain/policy'

const COLORS: Record<string, string> = { aprovar: '#2e7d32', revisar: '#d99a00', recusar: '#c62828' }

function Chart({
  title,
  data,
  testId,
  color = '#1565c0',
}: {
  title: string
  data: { name: string; value: number; fill?: string }[]
  testId: string
  color?: string
}) {
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" fontSize={11} interval={0} />
          <YAxis allowDecimals={false} fontSize={11} width={40} />
          <Tooltip />
          <Bar dataKey="value" fill={color} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.name} fill={d.fill ?? color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <table className="sr-only">
        <tbody>
          {data.map((d) => (
            <tr key={d.name}>
              <td>{d.name}</td>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

/** Score histogram, flags by type, verdict counts and events by age (issue #8 "Results"). */
export function Dashboard({ jobId }: { jobId: number }) {
  const { t } = useTranslation()
  const version = useBatchStore((s) => s.version)
  const stats = useBatchResults((s) => s.stats)
  useEffect(() => {
    void useBatchResults.getState().loadStats(jobId)
  }, [jobId, version])
  if (!stats) return null
  const verdicts = VERDICTS.map((v) => ({
    name: t(`verdict.values.${v}`),
    value: stats.verdicts[v] ?? 0,
    fill: COLORS[v],
  }))
  return (
    <div className="dashboard" data-testid="batch-dashboard">
      <Chart testId="chart-verdicts" title={t('batch.charts.verdicts')} data={verdicts} color="#455a64" />
      <Chart
        testId="chart-scores"
        title={t('batch.charts.scores')}
        data={stats.scoreHistogram.map((b) => ({ name: `${b.from}`, value: b.count }))}
      />
      <Chart
        testId="chart-flags"
        title={t('batch.charts.flags')}
        data={Object.entries(stats.flags).map(([name, value]) => ({
          name: t(`claroEvents.${name}`, { defaultValue: name }),
          value,
        }))}
        color="#c62828"
      />
      <Chart
        testId="chart-ages"
        title={t('batch.charts.ages')}
        data={stats.eventsByAge.map((b) => ({ name: b.bucket, value: b.count }))}
        color="#d99a00"
      />
    </div>
  )
}
