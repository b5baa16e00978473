import { geoDistance } from 'd3-geo'
import { feature } from 'topojson-client'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { GeometryCollection, Topology } from 'topojson-specification'
import atlas from 'world-atlas/countries-110m.json'

/* Offline geography for the LBS answers (seed 003 §6.4.10–12): Natural Earth 1:110m borders, no tiles. */

const EARTH_RADIUS_M = 6_371_000
const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>
/** ISO 3166-1 numeric 076: Brazil. */
export const BRAZIL = countries.features.find((f) => f.id === '076') as Feature<Geometry, { name: string }>
/** Brazil's neighbours and the continent around it, drawn lighter. */
export const SOUTH_AMERICA = countries.features.filter((f) => f.id !== '076')

/** The 27 state capitals, for orientation on the map and "a 3,2 km de São Paulo". */
export const CAPITALS: readonly { name: string; uf: string; lat: number; lon: number }[] = [
  { name: 'Rio Branco', uf: 'AC', lat: -9.975, lon: -67.824 },
  { name: 'Maceió', uf: 'AL', lat: -9.666, lon: -35.735 },
  { name: 'Macapá', uf: 'AP', lat: 0.035, lon: -51.069 },
  { name: 'Manaus', uf: 'AM', lat: -3.119, lon: -60.021 },
  { name: 'Salvador', uf: 'BA', lat: -12.972, lon: -38.501 },
  { name: 'Fortaleza', uf: 'CE', lat: -3.717, lon: -38.542 },
  { name: 'Brasília', uf: 'DF', lat: -15.78, lon: -47.929 },
  { name: 'Vitória', uf: 'ES', lat: -20.316, lon: -40.313 },
  { name: 'Goiânia', uf: 'GO', lat: -16.686, lon: -49.264 },
  { name: 'São Luís', uf: 'MA', lat: -2.539, lon: -44.283 },
  { name: 'Cuiabá', uf: 'MT', lat: -15.599, lon: -56.095 },
  { name: 'Campo Grande', uf: 'MS', lat: -20.449, lon: -54.63 },
  { name: 'Belo Horizonte', uf: 'MG', lat: -19.91, lon: -43.927 },
  { name: 'Belém', uf: 'PA', lat: -1.455, lon: -48.49 },
  { name: 'João Pessoa', uf: 'PB', lat: -7.115, lon: -34.864 },
  { name: 'Curitiba', uf: 'PR', lat: -25.42, lon: -49.265 },
  { name: 'Recife', uf: 'PE', lat: -8.047, lon: -34.877 },
  { name: 'Teresina', uf: 'PI', lat: -5.089, lon: -42.802 },
  { name: 'Rio de Janeiro', uf: 'RJ', lat: -22.913, lon: -43.2 },
  { name: 'Natal', uf: 'RN', lat: -5.794, lon: -35.199 },
  { name: 'Porto Alegre', uf: 'RS', lat: -30.032, lon: -51.207 },
  { name: 'Porto Velho', uf: 'RO', lat: -8.761, lon: -63.9 },
  { name: 'Boa Vista', uf: 'RR', lat: 2.824, lon: -60.675 },
  { name: 'Florianópolis', uf: 'SC', lat: -27.595, lon: -48.548 },
  { name: 'São Paulo', uf: 'SP', lat: -23.533, lon: -46.64 },
  { name: 'Aracaju', uf: 'SE', lat: -10.909, lon: -37.068 },
  { name: 'Palmas', uf: 'TO', lat: -10.213, lon: -48.36 },
]

const metersBetween = (a: [number, number], b: [number, number]): number => geoDistance(a, b) * EARTH_RADIUS_M

export function nearestCapital(lon: number, lat: number): { name: string; uf: string; meters: number } {
  let best = { name: '', uf: '', meters: Infinity }
  for (const c of CAPITALS) {
    const meters = metersBetween([lon, lat], [c.lon, c.lat])
    if (meters < best.meters) best = { name: c.name, uf: c.uf, meters }
  }
  return best
}

/** The point `meters` away from [lon, lat] along `bearing` degrees (great circle). */
export function destination(lon: number, lat: number, bearing: number, meters: number): [number, number] {
  const rad = Math.PI / 180
  const d = meters / EARTH_RADIUS_M
  const φ1 = lat * rad
  const θ = bearing * rad
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ))
  const λ2 = lon * rad + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2))
  return [λ2 / rad, φ2 / rad]
}

/** A round length for a scale bar about a quarter of `meters`. */
export function niceLength(meters: number): number {
  const target = meters / 2
  const base = 10 ** Math.floor(Math.log10(target))
  return [5, 2, 1].map((m) => m * base).find((v) => v <= target) ?? base
}
