import { geoCircle, geoMercator, geoPath } from 'd3-geo'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../../i18n/formats'
import { BRAZIL, CAPITALS, destination, nearestCapital, niceLength, SOUTH_AMERICA } from './geo'

const W = 320
const H = 300

interface Props {
  lat: number
  lon: number
  /** RADIUS, metres (seed 003 §6.4.10). */
  radius: number
  /** AZIMUTE, degrees from north. */
  azimuth: number
}

/** An LBS answer drawn on an offline map of Brazil: where it is in the country, and the cell area up close. */
export function LbsMap({ lat, lon, radius, azimuth }: Props) {
  const { t } = useTranslation()
  const fmt = useFormats()
  const meters = Math.max(radius, 50)
  const number = (n: number, digits = 1) => fmt.number(n, digits)
  const near = nearestCapital(lon, lat)
  const distance = near.meters < 1000 ? `${number(near.meters, 0)} m` : `${number(near.meters / 1000)} km`

  // Overview: Brazil fitted to the frame.
  const country = geoMercator().fitExtent(
    [
      [10, 10],
      [W - 10, H - 10],
    ],
    BRAZIL,
  )
  const countryPath = geoPath(country)
  const [mx, my] = country([lon, lat]) ?? [0, 0]

  // Detail: the cell's circle fills the frame; the antenna sector is azimuth ± 60°.
  const circle = geoCircle()
    .center([lon, lat])
    .radius((meters / 6_371_000) * (180 / Math.PI))()
  const local = geoMercator().fitExtent(
    [
      [40, 30],
      [W - 40, H - 40],
    ],
    circle,
  )
  const localPath = geoPath(local)
  const sector = [
    [lon, lat] as [number, number],
    ...Array.from({ length: 25 }, (_, i) => destination(lon, lat, azimuth - 60 + i * 5, meters)),
    [lon, lat] as [number, number],
  ]
  const [cx, cy] = local([lon, lat]) ?? [0, 0]
  const [ax, ay] = local(destination(lon, lat, azimuth, meters)) ?? [0, 0]
  const scale = niceLength(meters)
  const [sx] = local(destination(lon, lat, 90, scale)) ?? [0, 0]
  const visibleCapitals = CAPITALS.map((c) => ({ ...c, at: local([c.lon, c.lat]) ?? [-1, -1] })).filter(
    ({ at: [x, y] }) => x >= 0 && x <= W && y >= 0 && y <= H,
  )

  return (
    <figure
      className="lbs-map"
      data-testid="lbs-map"
      data-lat={lat}
      data-lon={lon}
      data-radius={radius}
      data-azimuth={azimuth}
    >
      <div className="lbs-frames">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('mse.lbs.overview')} data-testid="lbs-overview">
          <rect width={W} height={H} className="sea" />
          {SOUTH_AMERICA.map((f) => (
            <path key={String(f.id)} d={countryPath(f) ?? ''} className="land-other" />
          ))}
          <path d={countryPath(BRAZIL) ?? ''} className="land-brazil" />
          {CAPITALS.map((c) => {
            const [x, y] = country([c.lon, c.lat]) ?? [0, 0]
            return <circle key={c.uf} cx={x} cy={y} r={1.6} className="capital" />
          })}
          <circle cx={mx} cy={my} r={9} className="marker-halo" />
          <circle cx={mx} cy={my} r={4} className="marker" data-testid="lbs-marker" />
          <text x={10} y={H - 10} className="map-label">
            {t('mse.lbs.overview')}
          </text>
        </svg>
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('mse.lbs.detail')} data-testid="lbs-detail">
          <rect width={W} height={H} className="land-detail" />
          <path d={localPath(circle) ?? ''} className="cell-area" data-testid="lbs-circle" />
          <path
            d={localPath({ type: 'Polygon', coordinates: [sector] }) ?? ''}
            className="cell-sector"
            data-testid="lbs-sector"
          />
          <line x1={cx} y1={cy} x2={ax} y2={ay} className="azimuth" />
          <circle cx={cx} cy={cy} r={4} className="marker" />
          {visibleCapitals.map((c) => (
            <g key={c.uf}>
              <circle cx={c.at[0]} cy={c.at[1]} r={3} className="capital" />
              <text x={c.at[0] + 5} y={c.at[1] - 5} className="map-label">
                {c.name}
              </text>
            </g>
          ))}
          <line x1={cx} y1={H - 16} x2={sx} y2={H - 16} className="scale-bar" />
          <text x={cx} y={H - 20} className="map-label">
            {t('mse.lbs.scale', { meters: number(scale, 0) })}
          </text>
          <text x={10} y={18} className="map-label">
            {t('mse.lbs.sector', { azimuth })}
          </text>
        </svg>
      </div>
      <figcaption>
        {t('mse.lbs.map', { lat: number(lat, 6), lon: number(lon, 6), radius: number(radius, 0), azimuth })} ·{' '}
        {near.meters > 1_000_000
          ? t('mse.lbs.outside')
          : t('mse.lbs.near', { distance, city: `${near.name}/${near.uf}` })}
      </figcaption>
    </figure>
  )
}
