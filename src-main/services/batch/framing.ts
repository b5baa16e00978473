import { Transform, type TransformCallback } from 'node:stream'

/*
 * Record framing in front of csv-parse (issue #23 item 6). Past `max_record_size` csv-parse gives up on a record and,
 * told to skip it, reads on from its middle: a 50 MB cell became 290 "unreadable" rows, the customer after it lost.
 * So this pass finds the records by csv-parse's own rules (a quote opens a field only at its start, `""` is a quote,
 * a quote before anything but a delimiter or a line break is text — relax_quotes —, the line break is the first CRLF,
 * LF or CR outside quotes) and bounds them: a cell keeps its first `cell` characters, a record its first `record`
 * characters or `columns` fields (a marker field says which). The structure around a cut stays, one record in is one
 * record out, and what is dropped streams by, never held.
 */

/** A last field saying the line had more than `columns` fields; the rest of the line was dropped. */
export const COLUMNS_CUT = '\u0001colunas-cortadas'
/** A last field saying the record was longer than `record` characters; the rest of it was dropped. */
export const RECORD_CUT = '\u0001registro-cortado'

export interface FramingLimits {
  /** Characters a cell keeps (a longer cell arrives with this many, for the reader to see it was cut). */
  cell: number
  /** Characters a record keeps, cells already cut. */
  record: number
  /** Fields a record keeps. */
  columns: number
}

/** In a field: no character yet, unquoted text, inside quotes, or a quote inside quotes the next character explains. */
type State = 'start' | 'plain' | 'quoted' | 'quote'

const isLowSurrogate = (c: string): boolean => c >= '\udc00' && c <= '\udfff'

export class RecordFraming extends Transform {
  /** The line breaks dropped with cut text, by where the output stood (bytes) when each cut began. */
  private readonly drops: { at: number; lines: number }[] = []
  private droppedLines = 0
  private linesBefore = 0
  private dropOpen = false
  /** The last character read and the last one written: at the end, csv-parse has not counted a line break yet. */
  private lastIn = ''
  private lastOut = ''
  private written = 0
  private rd: '' | '\n' | '\r\n' | '\r' = ''
  private state: State = 'start'
  private crPending = false
  /** The output has opened a quote for this field that it has not closed. */
  private outQuoted = false
  private cell = 0
  private record = 0
  private fields = 1
  private dropCell = false
  private dropRecord = false
  private out = ''
  private text = ''
  /** Where the run of characters going out unchanged starts in `text` (-1: none). */
  private from = -1

  constructor(
    private readonly delimiter: string,
    private readonly limits: FramingLimits,
  ) {
    super({ decodeStrings: false })
  }

  /**
   * csv-parse's line for a record or a skipped error (its `info`), with the line breaks framing dropped inside cut
   * cells before it added back. Asked in reading order; a quote never closed is reported at the end of the text.
   */
  lineOf(info: { lines?: number; bytes?: number; code?: string }): number {
    const end = info.code === 'CSV_QUOTE_NOT_CLOSED' ? Infinity : (info.bytes ?? 0)
    while (this.drops.length > 0 && (this.drops[0]?.at ?? end) <= end) this.linesBefore = this.drops.shift()?.lines ?? 0
    return (info.lines ?? 0) + this.linesBefore
  }

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.text = typeof chunk === 'string' ? chunk : chunk.toString('utf8')
    const { text, delimiter, limits } = this
    for (let i = 0; i < text.length; i++) {
      const c = text[i] ?? ''
      // The common character (text inside a field, under the limits) goes by without the state machine.
      const free = !this.crPending && !this.dropCell && !this.dropRecord && this.cell < limits.cell
      const inText = this.state === 'plain' || this.state === 'quoted'
      if (free && inText && c !== '"' && c !== delimiter && c !== '\n' && c !== '\r' && this.record < limits.record) {
        if (this.from < 0) this.from = i
        this.cell++
        this.record++
      } else this.step(i, c)
    }
    this.stop(this.text.length)
    this.lastIn = this.text[this.text.length - 1] ?? this.lastIn
    this.send()
    done()
  }

  override _flush(done: TransformCallback): void {
    this.text = ''
    if (this.crPending) this.resolveCr(0, null)
    // A quote right before the end closes the field; a quote never closed is left for csv-parse to report.
    if (this.state === 'quote') this.fieldEnd(0)
    // csv-parse counts a line break when it reads the character after it: the last one it never counts. When the
    // end was cut, the last character read and the last written differ, and so may the lines counted.
    const isBreak = (c: string): number => (c === '\n' || c === '\r' ? 1 : 0)
    const delta = isBreak(this.out[this.out.length - 1] ?? this.lastOut) - isBreak(this.lastIn)
    if (delta !== 0)
      this.drops.push({ at: this.written + Buffer.byteLength(this.out), lines: this.droppedLines + delta })
    this.send()
    done()
  }

  private send(): void {
    if (!this.out) return
    this.lastOut = this.out[this.out.length - 1] ?? ''
    this.written += Buffer.byteLength(this.out)
    this.push(this.out)
    this.out = ''
  }

  private step(i: number, c: string): void {
    if (this.crPending && this.resolveCr(i, c)) return
    if (this.state === 'quoted') {
      if (c !== '"') return this.content(i, c)
      this.stop(i) // held: an escape, the end of the field or text, as the next character says
      this.state = 'quote'
      return
    }
    if (this.state === 'quote') {
      if (c === '"') return this.escaped(i)
      if (c !== this.delimiter && c !== '\n' && c !== '\r') {
        this.relax(i)
        return this.content(i, c)
      }
    } else if (this.state === 'start' && c === '"') return this.openQuote(i)
    if (c === this.delimiter) return this.fieldDelimiter(i)
    if (c === '\n' || c === '\r') return this.lineBreak(i, c)
    this.content(i, c)
  }

  private openQuote(i: number): void {
    this.state = 'quoted'
    if (this.dropRecord) return this.stop(i)
    this.run(i)
    this.outQuoted = true
    this.record++
  }

  /** `""` inside quotes: one quote of text. */
  private escaped(i: number): void {
    this.state = 'quoted'
    if (!this.admit(i, '"')) return this.dropped(i, '"')
    this.out += '"'
    this.run(i)
    this.cell++
    this.record += 2
  }

  /** A quote followed by text: csv-parse (relax_quotes) keeps the field as text, its quotes included. */
  private relax(i: number): void {
    this.state = 'plain'
    if (!this.admit(i, '"')) return // the output stays inside its quote, closed where the field ends
    this.record++
    if (this.cell + 2 < this.limits.cell) {
      this.out += '"'
      this.outQuoted = false
      this.cell += 2 // csv-parse puts the opening quote back too
      return
    }
    // Too near the limit for the text after the quote to go out: with nothing after it, csv-parse would read the quote
    // as the field's end and the cut cell as short. So the output stays quoted and the quote goes as text in it.
    this.out += '""'
    this.cell++
  }

  /** A line break outside quotes (or after a held quote): a record's end, or text when it is not this file's. */
  private lineBreak(i: number, c: '\n' | '\r'): void {
    if (c === '\r' && (this.rd === '' || this.rd === '\r\n')) {
      // CRLF or a lone CR: the next character says.
      this.stop(i)
      this.crPending = true
      return
    }
    if (this.rd === '') this.rd = '\n'
    if (this.rd === c) return this.recordEnd(i, false, true)
    if (this.state === 'quote') this.relax(i)
    this.content(i, c)
  }

  /** Returns whether `next` (the character after the CR) was taken with it. */
  private resolveCr(i: number, next: string | null): boolean {
    this.crPending = false
    if (this.rd === '') this.rd = next === '\n' ? '\r\n' : '\r'
    if (this.rd === '\r') {
      this.recordEnd(i, true, false)
      return false
    }
    if (next === '\n') {
      this.recordEnd(i, true, true)
      return true
    }
    // A lone CR in a CRLF file is text.
    if (this.state === 'quote') this.relax(i)
    this.content(i, '\r', true)
    return false
  }

  /** A character of text: the one at `i`, or one `held` from before (that is not in this piece). */
  private content(i: number, c: string, held = false): void {
    if (this.state === 'start') this.state = 'plain'
    if (!this.admit(i, c)) return this.dropped(i, c)
    if (held) {
      this.stop(i)
      this.out += c
    } else this.run(i)
    this.cell++
    this.record++
  }

  /** Whether one more character of text goes out; past a limit, starts dropping (and marks a cut record). */
  private admit(i: number, c: string): boolean {
    if (this.dropRecord || this.dropCell) return false
    if (this.record >= this.limits.record) {
      this.stop(i)
      this.out += `${this.outQuoted ? '"' : ''}${this.delimiter}${RECORD_CUT}`
      this.dropRecord = true
      this.dropOpen = false
      return false
    }
    // The second half of a character outside the BMP stays with the first.
    if (this.cell >= this.limits.cell && !isLowSurrogate(c)) {
      this.dropCell = true
      this.dropOpen = false
      return false
    }
    return true
  }

  private dropped(i: number, c: string): void {
    this.stop(i)
    if (c !== '\n' && c !== '\r') return
    this.droppedLines++
    const last = this.drops[this.drops.length - 1]
    if (this.dropOpen && last) last.lines = this.droppedLines
    else this.drops.push({ at: this.written + Buffer.byteLength(this.out), lines: this.droppedLines })
    this.dropOpen = true
  }

  private fieldEnd(i: number): void {
    if (this.outQuoted && !this.dropRecord) {
      this.stop(i)
      this.out += '"'
    }
    this.outQuoted = false
    this.dropCell = false
    this.cell = 0
    this.state = 'start'
  }

  private fieldDelimiter(i: number): void {
    this.fieldEnd(i)
    if (this.dropRecord) return this.stop(i)
    if (++this.fields > this.limits.columns) {
      this.stop(i)
      this.out += this.delimiter + COLUMNS_CUT
      this.dropRecord = true
      this.dropOpen = false
      return
    }
    this.run(i)
    this.record++
  }

  /** `cr`: a CR held from before goes out first; `raw`: the character at `i` (LF, or a lone line break) goes too. */
  private recordEnd(i: number, cr: boolean, raw: boolean): void {
    this.fieldEnd(i)
    if (cr) {
      this.stop(i)
      this.out += '\r'
    }
    if (raw) this.run(i)
    else this.stop(i)
    this.fields = 1
    this.record = 0
    this.dropRecord = false
  }

  private run(i: number): void {
    if (this.from < 0) this.from = i
  }

  private stop(i: number): void {
    if (this.from < 0) return
    this.out += this.text.slice(this.from, i)
    this.from = -1
  }
}
