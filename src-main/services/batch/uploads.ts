import { randomUUID } from 'node:crypto'
import { mkdir, appendFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MAX_UPLOAD_BYTES } from '../../../src-shared/contract/batch'
import { detectMapping, type Mapping } from '../../../src-shared/domain/batch'
import { AppFailure } from '../../infra/errors'
import type { Translate } from '../../../src-shared/i18n'
import { importProblemCode, importProblemText } from '../../../src-shared/domain/import-problems'
import { readRecords, sniff } from './input'

const PREVIEW_ROWS = 20

export interface UploadPreview {
  uploadId: string
  header: string[]
  preview: string[][]
  mapping: Mapping
  encoding: string
  delimiter: string
  problem: string | null
}

/**
 * A customer list arriving from the renderer in pieces (`<data-dir>/batch-uploads/<uuid>.csv`): appended
 * asynchronously, one piece at a time per upload in the order they came, capped in total (issue #14).
 */
export class BatchUploads {
  private readonly appending = new Map<string, Promise<void>>()

  constructor(
    private readonly dir: string,
    private readonly translate: () => Translate,
  ) {}

  /** The file of an upload id — never any other path. */
  path(uploadId: string): string {
    if (!/^[0-9a-f-]{36}\.csv$/.test(uploadId)) throw new AppFailure('batch.input_missing', { path: uploadId })
    return join(this.dir, uploadId)
  }

  async begin(): Promise<string> {
    await mkdir(this.dir, { recursive: true })
    const uploadId = `${randomUUID()}.csv`
    await writeFile(this.path(uploadId), '')
    return uploadId
  }

  append(uploadId: string, offset: number, dataBase64: string): Promise<{ bytes: number }> {
    const path = this.path(uploadId)
    const append = async (): Promise<{ bytes: number }> => {
      const size = (await stat(path).catch(() => null))?.size
      // Pieces in order only: a repeated or skipped piece is refused rather than silently corrupting the file.
      if (size !== offset) throw new AppFailure('batch.upload_order', { expected: size ?? 0, got: offset })
      const piece = Buffer.from(dataBase64, 'base64')
      if (offset + piece.length > MAX_UPLOAD_BYTES) {
        // What arrived so far is deleted: a list that cannot be screened is not kept.
        await rm(path, { force: true })
        throw new AppFailure('batch.upload_too_large', { limit: `${MAX_UPLOAD_BYTES / 1024 / 1024} MB` })
      }
      await appendFile(path, piece)
      return { bytes: offset + piece.length }
    }
    const done = (this.appending.get(path) ?? Promise.resolve()).then(append, append)
    const settled = done.then(
      () => undefined,
      () => undefined,
    )
    this.appending.set(path, settled)
    void settled.then(() => this.appending.get(path) === settled && this.appending.delete(path))
    return done
  }

  /** The header, the first rows and the detected mapping; a file that is no list is deleted and said so. */
  async preview(uploadId: string, name: string): Promise<UploadPreview> {
    const path = this.path(uploadId)
    const sniffed = await sniff(path)
    if (!sniffed.ok) {
      await rm(path, { force: true })
      const problem = `${name}: ${importProblemText(importProblemCode(sniffed.problem), this.translate())}`
      return { uploadId: '', header: [], preview: [], mapping: {}, encoding: '', delimiter: '', problem }
    }
    const records: string[][] = []
    for await (const r of readRecords(path, sniffed.sniffed)) {
      if ('fields' in r) records.push(r.fields.map((f) => f.slice(0, 200)))
      if (records.length > PREVIEW_ROWS) break
    }
    const header = records[0] ?? []
    return {
      uploadId,
      header,
      preview: records.slice(1),
      mapping: detectMapping(header),
      encoding: sniffed.sniffed.encoding,
      delimiter: sniffed.sniffed.delimiter,
      problem: records.length <= 1 ? importProblemText(importProblemCode('header_only'), this.translate()) : null,
    }
  }
}
