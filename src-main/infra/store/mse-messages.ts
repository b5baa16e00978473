import { MseInboundSchema, type MseInbound, type MseMessage } from '../../../src-shared/contract/mse'
import type { Db } from './db'

interface Row {
  transaction_id: string
  at: string
  service: string
  target: string
  text: string
  receipt_at: string | null
  receipt_status: string | null
  receipt_params: string | null
}

const toMessage = (r: Row): MseMessage => ({
  transactionId: r.transaction_id,
  at: r.at,
  service: r.service,
  target: r.target,
  text: r.text,
  receiptAt: r.receipt_at,
  receiptStatus: r.receipt_status,
  receiptParams: r.receipt_params ? (JSON.parse(r.receipt_params) as Record<string, string>) : null,
})

/** Messages sent in async-delivery, waiting for (or matched to) their receipt by transaction id (seed 003 §9.3). */
export class MseMessages {
  constructor(private readonly db: Db) {}

  sent(m: { transactionId: string; service: string; target: string; text: string }): void {
    this.db
      .prepare('INSERT OR REPLACE INTO mse_messages (transaction_id, at, service, target, text) VALUES (?, ?, ?, ?, ?)')
      .run(m.transactionId, new Date().toISOString(), m.service, m.target, m.text)
  }

  /** Attaches a receipt; returns the message it belongs to, or null for a receipt of an unknown transaction. */
  receipt(transactionId: string, status: string, params: Record<string, string> = {}): MseMessage | null {
    this.db
      .prepare(
        'UPDATE mse_messages SET receipt_at = ?, receipt_status = ?, receipt_params = ? WHERE transaction_id = ?',
      )
      .run(new Date().toISOString(), status, JSON.stringify(params), transactionId)
    const row = this.db.prepare('SELECT * FROM mse_messages WHERE transaction_id = ?').get(transactionId) as
      Row | undefined
    return row ? toMessage(row) : null
  }

  list(limit: number): MseMessage[] {
    return (this.db.prepare('SELECT * FROM mse_messages ORDER BY at DESC LIMIT ?').all(limit) as Row[]).map(toMessage)
  }

  /** An MO (SMS or MMS) as received, kept for the inbox. */
  inbound(mo: MseInbound): void {
    this.db
      .prepare('INSERT INTO mse_inbox (at, kind, anum, bnum, body) VALUES (?, ?, ?, ?, ?)')
      .run(mo.at, mo.kind, mo.anum, mo.bnum, JSON.stringify(mo))
  }

  inbox(limit: number): MseInbound[] {
    const rows = this.db.prepare('SELECT body FROM mse_inbox ORDER BY id DESC LIMIT ?').all(limit) as { body: string }[]
    return rows.flatMap((r) => {
      const parsed = MseInboundSchema.safeParse(JSON.parse(r.body))
      return parsed.success ? [parsed.data] : []
    })
  }
}
