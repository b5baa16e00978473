import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COLUMNS_CUT, RECORD_CUT, RecordFraming, type FramingLimits } from '../../src-main/services/batch/framing'

/*
 * Issue #23 item 6: framing finds csv-parse's records itself and bounds them, so no record is ever too large for
 * csv-parse (which cannot read on after one). As properties over any text of quotes, delimiters and line breaks,
 * handed over in any pieces: with nothing to cut the bytes pass unchanged; with small limits every input record is
 * still one record, on its own line number, its fields as they were or cut.
 */

type Item = { fields: string[]; line: number } | { error: string; line: number }

/** csv-parse as the import calls it, each record and each skipped error in order; `framing` adds its dropped lines. */
function read(text: string, framing?: RecordFraming): Item[] {
  const items: Item[] = []
  const lineOf = (info: { lines: number; bytes: number; code?: string }): number => framing?.lineOf(info) ?? info.lines
  parse(text, {
    delimiter: ';',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      const e = error as unknown as { code: string; lines: number; bytes: number }
      items.push({ error: e.code, line: lineOf(e) })
    },
    on_record: (record: string[], context) => {
      items.push({ fields: record, line: lineOf(context) })
      return record
    },
  })
  return items
}

/** The text through framing, written in the given pieces. */
async function framed(text: string, cuts: number[], limits: FramingLimits): Promise<[string, RecordFraming]> {
  const framing = new RecordFraming(';', limits)
  const out: Buffer[] = []
  framing.on('data', (b: Buffer) => out.push(b))
  // Pieces as a decoder gives them: never between the two halves of an emoji.
  const ends = [...new Set(cuts.map((c) => c % (text.length + 1)))]
    .filter((end) => !/[\udc00-\udfff]/.test(text[end] ?? ''))
    .sort((a, b) => a - b)
  let from = 0
  for (const end of [...ends, text.length]) {
    if (end > from) framing.write(text.slice(from, end))
    from = Math.max(from, end)
  }
  framing.end()
  await new Promise((resolve) => framing.once('end', resolve).resume())
  return [Buffer.concat(out).toString('utf8'), framing]
}

const token = fc.constantFrom('a', 'bc', 'é', '😀', '"', '""', ';', '\n', '\r', '\r\n', ' ', 'xyz', '"q;"', 'ü\n')
const csvText = fc.array(token, { maxLength: 60 }).map((t) => t.join(''))
const pieces = fc.array(fc.nat({ max: 400 }), { maxLength: 6 })
const UNBOUNDED: FramingLimits = { cell: 1e9, record: 1e9, columns: 1e9 }
const SMALL: FramingLimits = { cell: 4, record: 24, columns: 3 }

describe('record framing', () => {
  it('passes any text through unchanged when nothing is over a limit, whatever the pieces', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, pieces, async (text, cuts) => {
        expect((await framed(text, cuts, UNBOUNDED))[0]).toBe(text)
      }),
      { numRuns: 400 },
    )
  })

  it('keeps one record per input record, on its line, fields whole or cut and flagged, within limits', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, pieces, async (text, cuts) => {
        const raw = read(text)
        const [out, framing] = await framed(text, cuts, SMALL)
        const got = read(out, framing)
        expect(got.map((r) => r.line)).toEqual(raw.map((r) => r.line))
        got.forEach((item, n) => {
          const before = raw[n]
          if (!('fields' in item) || !before || !('fields' in before)) return
          const marker = item.fields[item.fields.length - 1]
          const fields = marker === COLUMNS_CUT || marker === RECORD_CUT ? item.fields.slice(0, -1) : item.fields
          if (marker === COLUMNS_CUT) expect(fields).toHaveLength(SMALL.columns)
          else if (marker !== RECORD_CUT) expect(fields).toHaveLength(before.fields.length)
          fields.forEach((f, k) => {
            // Whole, or cut: then at least the limit long, which is how the reader knows to flag it (the last
            // field of a cut record is flagged by the marker).
            const partial = marker === RECORD_CUT && k === fields.length - 1
            if (f !== before.fields[k] && !partial) expect(f.length).toBeGreaterThanOrEqual(SMALL.cell)
            expect(f.length).toBeLessThanOrEqual(SMALL.cell + 2)
          })
          expect(fields.join('').length).toBeLessThanOrEqual(SMALL.record + SMALL.cell + 2)
        })
      }),
      { numRuns: 2000 },
    )
  })

  it('reads a CRLF file with a cut multi-line quoted cell: the next record keeps its line number', async () => {
    const text = `Nome;Obs\r\nAna;"${'linha\n'.repeat(50)}fim"\r\nBia;b\r\n`
    const [out, framing] = await framed(text, [7, 20, 100], { cell: 10, record: 100, columns: 10 })
    expect(out).toBe(`Nome;Obs\r\nAna;"linha\nlinh"\r\nBia;b\r\n`)
    expect(read(out, framing)).toEqual([
      { fields: ['Nome', 'Obs'], line: 1 },
      { fields: ['Ana', 'linha\nlinh'], line: 52 },
      { fields: ['Bia', 'b'], line: 53 },
    ])
  })
})
