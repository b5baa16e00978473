import type { ColumnOptions } from './columns'

/*
 * Result columns never move (issue #22 item 3): whatever the width of an input row, its fields are cut or padded to
 * the header's width; fields past the header go to one "Campos excedentes" column (present when any row has them),
 * and the row carries its `columns:` problem (flagged, decided "revisar" by the input_problem rule).
 */

export const EXTRA_FIELDS_KEY = 'campos_excedentes'

export interface InputLayout {
  width: number
  /** Whether the "Campos excedentes" column is written. */
  extra: boolean
}

/** A spreadsheet cell holds at most 32,767 characters (Excel): the excess column is cut below it, and says so. */
export const EXTRA_CELL_LIMIT = 32_000

/**
 * The input columns a row fills, in order: exactly `width` of them, then the excess joined (when the column exists) —
 * at most `limit` characters of it (5,000 fields of 4 KiB would be a 20 MB cell), the cut marked with "…".
 */
export function inputCells(
  fields: readonly string[],
  layout: InputLayout,
  delimiter: string,
  limit = EXTRA_CELL_LIMIT,
): string[] {
  const cells = fields.slice(0, layout.width)
  while (cells.length < layout.width) cells.push('')
  if (!layout.extra) return cells
  let extra = ''
  for (const field of fields.slice(layout.width)) {
    extra += (extra ? delimiter : '') + field
    if (extra.length > limit) break
  }
  cells.push(extra.length > limit ? `${extra.slice(0, limit - 1)}…` : extra)
  return cells
}

/** The header of the input part: the file's own, then the excess column when there is one. */
export function inputHeader(header: readonly string[], layout: InputLayout, o: Pick<ColumnOptions, 'mode' | 't'>) {
  return layout.extra ? [...header, o.mode === 'words' ? o.t('batch.columns.extra') : EXTRA_FIELDS_KEY] : [...header]
}
