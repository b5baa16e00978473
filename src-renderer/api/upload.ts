import { UPLOAD_CHUNK_BYTES } from '../../src-shared/contract/batch'
import { call } from './client'

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes)
  let binary = ''
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** A customer list sent to the core in pieces (a 60 MB list never travels as one message): Lote and Monitoramento. */
export async function uploadList(file: File) {
  const { uploadId } = await call('batch:upload-begin', { name: file.name })
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    const piece = await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer()
    await call('batch:upload-chunk', { uploadId, offset, dataBase64: toBase64(piece) })
  }
  return call('batch:upload-end', { uploadId, name: file.name })
}
