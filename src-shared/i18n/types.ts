import type { ptBR } from './pt-BR/index'

/** Same keys as the pt-BR catalog, any string values: a missing or extra key fails the typecheck. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
export type Catalog = Widen<typeof ptBR>
