import { CHECKS, personFrom, type Check, type Mapping } from '../../../src-shared/domain/batch'
import { formatCpf, parseCpf } from '../../../src-shared/domain/cpf'
import { formatDateTime, formatNumber, formatPhoneBr } from '../../../src-shared/domain/format'
import { parseMsisdn } from '../../../src-shared/domain/phone'
import {
  causeText,
  explain,
  policyLabel,
  problemText,
  type Facts,
  type Outcome,
  type RowDecision,
} from '../../../src-shared/domain/policy'
import type { Translate } from '../../../src-shared/i18n'

/*
 * The result columns of a screened list, in words (headers and sentences in the reader's language, codes in their
 * own `motivos_codigos` column) or in codes (the machine keys scripts rely on). One definition serves the grid, the
 * CSV and the XLSX: a cell is typed (text, number, date) and each writer formats it its own way.
 */

export type Cell =
  { kind: 'text'; text: string } | { kind: 'number'; value: number; fraction: number } | { kind: 'date'; iso: string }

export interface RowView {
  fields: string[]
  facts: Facts
  decision: RowDecision
  /** The analyst's decision on the row's case (issue #22), when the row is in one. */
  review?: RowReview | null | undefined
}

/** A batch row's case as an export shows it: open (waiting for an analyst) or decided — by whom, when. */
export interface RowReview {
  status: 'open' | 'decided'
  decision: 'aprovar' | 'recusar' | null
  decided_by: string | null
  decided_at: string | null
}

/** The cases of batch rows `from` ≤ row < `to` (the cases module answers it a page at a time). */
export type ReviewLookup = (jobId: number, from: number, to: number) => Map<number, RowReview>

export interface ColumnOptions {
  mode: 'words' | 'codes'
  t: Translate
  /** For the screen: no codes column (issue #16); the row drawer keeps the codes one click away. */
  screen?: boolean
  /** The job is not decided yet: its verdicts are provisional (said beside the policy). */
  provisional?: boolean
}

interface Column {
  key: string
  /** i18n key of the header in words mode. */
  words: string
  value(row: RowView): Cell
}

const text = (value: string): Cell => ({ kind: 'text', text: value })
const EMPTY = text('')
const MACHINE_COLUMN = 'motivos_codigos'

function outcome(row: RowView, check: Check): Outcome | undefined {
  return row.facts.outcomes[check] as Outcome | undefined
}

function answer<C extends Check>(row: RowView, check: C): Extract<Outcome<C>, { status: 'answered' }>['answer'] | null {
  const o = outcome(row, check) as Outcome<C> | undefined
  return o?.status === 'answered' ? o.answer : null
}

function statusColumn(check: Check, key: string, o: ColumnOptions): Column {
  return {
    key,
    words: `batch.columns.${check}_status`,
    value: (row) => {
      const out = outcome(row, check)
      if (!out) return EMPTY
      if (o.mode === 'codes') return text(out.status === 'answered' ? 'ok' : `${out.status}:${out.code}`)
      const status = o.t(`policy.outcomes.${out.status}`)
      return text(out.status === 'answered' ? status : `${status}: ${causeText(out.code, o.t)}`)
    },
  }
}

function checkColumns(check: Check, o: ColumnOptions): Column[] {
  const col = (key: string, words: string, value: (row: RowView) => Cell): Column => ({
    key,
    words: `batch.columns.${words}`,
    value,
  })
  switch (check) {
    case 'alerts':
      return [
        statusColumn('alerts', 'alerta_status', o),
        col('alerta_eventos', 'alerts_events', (r) =>
          text(
            (answer(r, 'alerts')?.events ?? [])
              .map((e) => (o.mode === 'words' ? o.t(`claroEvents.${e.name}`, { defaultValue: e.name }) : e.name))
              .join(' | '),
          ),
        ),
        col('alerta_ultimo_evento', 'alerts_last', (r) => {
          const latest = answer(r, 'alerts')?.events[0]
          return latest ? { kind: 'date', iso: latest.at } : EMPTY
        }),
      ]
    case 'score':
      return [
        statusColumn('score', 'score_status', o),
        col('score', 'score', (r) => numberCell(answer(r, 'score')?.score, 0)),
      ]
    case 'datatrust':
      return [
        statusColumn('datatrust', 'datatrust_status', o),
        col('datatrust_score', 'datatrust_score', (r) => numberCell(answer(r, 'datatrust')?.score, 2)),
        col('datatrust_insights', 'datatrust_insights', (r) =>
          text(
            (answer(r, 'datatrust')?.insights ?? [])
              .map((i) => (o.mode === 'words' ? `${i.code} (${i.relevance})` : i.code))
              .join(' | '),
          ),
        ),
      ]
    case 'line': {
      const param = (key: string, words: string, name: string): Column =>
        col(key, words, (r) => text(answer(r, 'line')?.parameters[name] ?? ''))
      return [
        statusColumn('line', 'linha_status', o),
        param('linha_tipo', 'line_type', 'SUBSCRIBER_TYPE'),
        param('linha_tecnologia', 'line_technology', 'TECNOLOGY'),
        param('linha_situacao', 'line_state', 'STATUS'),
        param('linha_cliente', 'line_customer', 'CUSTOMER_TYPE'),
      ]
    }
  }
}

function numberCell(value: number | undefined, fraction: number): Cell {
  return value === undefined ? EMPTY : { kind: 'number', value, fraction }
}

/** The normalised identifiers that were queried, formatted the Brazilian way (words mode). */
function identifierColumns(mapping: Mapping): Column[] {
  const cols: Column[] = []
  if (mapping.cpf !== undefined) {
    cols.push({
      key: 'cpf_consultado',
      words: 'batch.columns.cpf',
      value: (r) => {
        const c = parseCpf(personFrom(r.fields, mapping).cpf)
        return text(c.ok ? formatCpf(c.cpf) : '')
      },
    })
  }
  if (mapping.phone !== undefined) {
    cols.push({
      key: 'celular_consultado',
      words: 'batch.columns.phone',
      value: (r) => {
        const p = parseMsisdn(personFrom(r.fields, mapping).phone)
        return text(p.ok ? formatPhoneBr(p.msisdn) : '')
      },
    })
  }
  return cols
}

function verdictColumns(o: ColumnOptions): Column[] {
  const codes = (r: RowView): string => r.decision.reasons.map((x) => x.code).join(' | ')
  const problem = (r: RowView): string =>
    r.facts.inputProblem ? (o.mode === 'words' ? problemText(r.facts.inputProblem, o.t) : r.facts.inputProblem) : ''
  const policy = (r: RowView): Cell =>
    text(
      o.provisional && o.mode === 'words'
        ? o.t('batch.columns.provisional', { label: policyLabel(r.decision.policy) })
        : policyLabel(r.decision.policy),
    )
  if (o.mode === 'codes') {
    return [
      { key: 'veredito', words: '', value: (r) => text(r.decision.verdict) },
      { key: 'veredito_motivos', words: '', value: (r) => text(codes(r)) },
      { key: 'linha_problema', words: '', value: (r) => text(problem(r)) },
      { key: 'politica', words: '', value: policy },
      ...reviewColumns(o),
    ]
  }
  return [
    {
      key: 'veredito',
      words: 'batch.columns.verdict',
      value: (r) => text(o.t(`verdict.values.${r.decision.verdict}`)),
    },
    {
      key: 'motivos',
      words: 'batch.columns.reasons',
      value: (r) =>
        text(
          explain(r.decision, o.t)
            .map((x) => x.text)
            .join(' | '),
        ),
    },
    ...(o.screen ? [] : [{ key: MACHINE_COLUMN, words: '', value: (r: RowView) => text(codes(r)) }]),
    { key: 'linha_problema', words: 'batch.columns.problem', value: (r) => text(problem(r)) },
    { key: 'politica', words: 'batch.columns.policy', value: policy },
    ...reviewColumns(o),
  ]
}

/** Issue #22: the analyst's decision flows back to the list — what was decided on the row's case, by whom, when. */
function reviewColumns(o: ColumnOptions): Column[] {
  const decision = (r: RowView): string => {
    const review = r.review
    if (!review) return ''
    if (o.mode === 'codes') return review.decision ?? 'aberto'
    return review.decision ? o.t(`verdict.values.${review.decision}`) : o.t('batch.columns.caseOpen')
  }
  return [
    { key: 'decisao_analista', words: 'batch.columns.analystDecision', value: (r) => text(decision(r)) },
    { key: 'decidido_por', words: 'batch.columns.decidedBy', value: (r) => text(r.review?.decided_by ?? '') },
    {
      key: 'decidido_em',
      words: 'batch.columns.decidedAt',
      value: (r) => (r.review?.decided_at ? { kind: 'date', iso: r.review.decided_at } : EMPTY),
    },
  ]
}

export interface ResultColumns {
  header: string[]
  cells(row: RowView): Cell[]
}

export function resultColumns(job: { spec: { checks: Check[]; mapping: Mapping } }, o: ColumnOptions): ResultColumns {
  const checks = CHECKS.filter((c) => job.spec.checks.includes(c))
  const columns = [
    ...(o.mode === 'words' ? identifierColumns(job.spec.mapping) : []),
    ...checks.flatMap((c) => checkColumns(c, o)),
    ...verdictColumns(o),
  ]
  return {
    header: columns.map((c) => (o.mode === 'words' && c.words ? o.t(c.words) : c.key)),
    cells: (row) => columns.map((c) => c.value(row)),
  }
}

export interface TextStyle {
  decimalComma: boolean
  dates: 'br' | 'iso'
  timeZone: string
}

/** A cell as text: `;` CSV and the grid in pt-BR use decimal comma and dd/mm/aaaa hh:mm; `,` CSV ISO and a point. */
export function cellText(cell: Cell, style: TextStyle): string {
  if (cell.kind === 'text') return cell.text
  if (cell.kind === 'number') return formatNumber(cell.value, style, cell.fraction)
  return formatDateTime(cell.iso, style.timeZone, style.dates)
}
