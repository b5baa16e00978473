import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useBatchResults } from '../../stores/batch/results'
import { useBatchStore } from '../../stores/batch/store'
import { ROW_VERDICTS } from '../../../src-shared/domain/policy'
import { useFormats } from '../../i18n/formats'

// Pending is neutral grey: not a verdict (issue #22).
const COLORS: Record<string, string> = {
  aprovar: '#2e7d32',
  revisar: '#d99a00',
  recusar: '#c62828',
  pendente: '#78909c',
}

/** An axis label in words, wrapped on spaces into short lines so neighbours never overlap (issue #16). */
function WrappedTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const words = String(payload?.value ?? '').split(' ')
  const lines: string[] = []
  for (const word of words) {
    const last = lines[lines.length - 1]
    if (last !== undefined && (last + ' ' + word).length <= 12) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={10} fill="#555">
      {lines.slice(0, 3).map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 10 : 11}>
          {line}
        </tspan>
      ))}
    </text>
  )
}

function Chart({
  title,
  data,
  testId,
  unit,
  color = '#1565c0',
}: {
  title: string
  data: { name: string; value: number; fill?: string }[]
  testId: string
  /** What the bars count, for the tooltip ("Linhas", "Eventos"). */
  unit: string
  color?: string
}) {
  const fmt = useFormats()
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" interval={0} height={44} tick={<WrappedTick />} />
          <YAxis allowDecimals={false} fontSize={11} width={40} tickFormatter={(v: number) => fmt.number(v, 0)} />
          <Tooltip formatter={(v) => [fmt.number(Number(v), 0), unit]} separator=": " />
          <Bar dataKey="value" name={unit} fill={color} isAnimationActive={false}>
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
              <td>{fmt.number(d.value, 0)}</td>
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
  const fmt = useFormats()
  const version = useBatchStore((s) => s.version)
  const stats = useBatchResults((s) => s.stats)
  useEffect(() => {
    void useBatchResults.getState().loadStats(jobId)
  }, [jobId, version])
  if (!stats) return null
  // Pendente shows only while rows wait for an answer.
  const verdicts = ROW_VERDICTS.filter((v) => v !== 'pendente' || (stats.verdicts[v] ?? 0) > 0).map((v) => ({
    name: t(`verdict.values.${v}`),
    value: stats.verdicts[v] ?? 0,
    fill: COLORS[v],
  }))
  return (
    <div className="dashboard" data-testid="batch-dashboard">
      <Chart
        testId="chart-verdicts"
        title={t('batch.charts.verdicts')}
        unit={t('batch.charts.rows')}
        data={verdicts}
        color="#455a64"
      />
      <Chart
        testId="chart-scores"
        title={t('batch.charts.scores')}
        unit={t('batch.charts.rows')}
        data={stats.scoreHistogram.map((b) => ({ name: fmt.number(b.from, 0), value: b.count }))}
      />
      <Chart
        testId="chart-flags"
        title={t('batch.charts.flags')}
        unit={t('batch.charts.events')}
        data={Object.entries(stats.flags).map(([name, value]) => ({
          name: t(`claroEvents.${name}`, { defaultValue: name }),
          value,
        }))}
        color="#c62828"
      />
      <Chart
        testId="chart-ages"
        title={t('batch.charts.ages')}
        unit={t('batch.charts.events')}
        data={stats.eventsByAge.map((b) => ({ name: t(`batch.ageBuckets.${b.bucket}`), value: b.count }))}
        color="#d99a00"
      />
    </div>
  )
}
