import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHostUnderTest, type HostUnderTest } from '../helpers/browser-host'

/* Issue #15: an export is streamed from the data folder by a same-origin GET, never carried through the contract. */
describe('browser host downloads', () => {
  let t: HostUnderTest
  const csv = '\uFEFFNome;Veredito\r\nAna;Aprovar\r\n'
  beforeAll(async () => {
    t = await startHostUnderTest()
    mkdirSync(join(t.dataDir, 'batch-exports'), { recursive: true })
    writeFileSync(join(t.dataDir, 'batch-exports', 'sentinela-lote-7.csv'), csv)
    writeFileSync(join(t.dataDir, 'segredo.csv'), 'não é uma exportação')
  })
  afterAll(() => t.stop())

  const get = (path: string, headers: Record<string, string> = t.auth) =>
    request(`${t.host.origin}${path}`, { headers })

  it('streams an export as an attachment, byte for byte', async () => {
    const res = await get('/api/download/sentinela-lote-7.csv')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe('attachment; filename="sentinela-lote-7.csv"')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(Buffer.from(await res.body.arrayBuffer()).equals(Buffer.from(csv))).toBe(true) // the BOM included
  })

  it('refuses without the session token, from another origin, and any name that is not an export', async () => {
    expect((await get('/api/download/sentinela-lote-7.csv', {})).statusCode).toBe(401)
    expect(
      (await get('/api/download/sentinela-lote-7.csv', { ...t.auth, origin: 'http://127.0.0.1:1' })).statusCode,
    ).toBe(403)
    for (const name of [
      'segredo.csv',
      '..%2Fsegredo.csv',
      '%2E%2E%2Fsettings.json',
      'sentinela-lote-7.csv%00.txt',
      'sentinela-lote-8.csv',
    ]) {
      const res = await get(`/api/download/${name}`)
      expect([name, res.statusCode]).toEqual([name, 404])
      await res.body.dump()
    }
  })
})
