import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { writeCustomersCsv } from '../helpers/customers'
import { startWireServer, type WireAnswer, type WireRequest } from '../helpers/wire-server'
import { BatchJournal } from '../../src-main/services/batch/journal'
import { DEFAULT_RUN_OPTIONS } from '../../src-main/services/batch/runner'
import { exportJob, prepareJob, runJob } from '../../src-main/services/batch/service'
import { CLARO_PATHS } from '../../src-main/providers/claro/paths'

/*
 * Issue #22 item 5: a configuration error is not a customer fact. A token or authentication endpoint that answers 404
 * (a wrong URL or prefix) or refuses the credential fails the check with a sentence pointing to Configurações or
 * Credenciais — never "não encontrado"; a batch counts it as failed and does not repeat it for every row.
 */
const h = coreWithPrivateKeychain({ host: 'cli', endpoints: {} })
let stop: (() => Promise<void>) | null = null
afterEach(async () => {
  await stop?.()
  stop = null
})

async function claroAt(answer: (req: WireRequest) => WireAnswer) {
  const wire = await startWireServer(answer)
  stop = wire.close
  ;(h.core.context as { endpoints: Record<string, string> }).endpoints['claro'] = wire.url
  return wire
}

async function clearSaleAt(answer: (req: WireRequest) => WireAnswer) {
  const wire = await startWireServer(answer)
  stop = wire.close
  ;(h.core.context as { endpoints: Record<string, string> }).endpoints['clearsale'] = wire.url
  return wire
}

const TOKEN = { status: 200, body: JSON.stringify({ access_token: 'tok', expires_in: 86400 }) }

describe('a configuration error is never a fact about a customer', () => {
  it('a 404 from the Claro token endpoint fails the lookup with the Configurações sentence', async () => {
    await claroAt((req) => (req.path === CLARO_PATHS.token ? { status: 404, body: '{"error":"not here"}' } : TOKEN))
    const result = await h.core.router.invoke('lookup:alerts', { msisdn: '11 99999-0003' })
    expect(result).toMatchObject({ ok: false, error: { code: 'claro.token_not_found' } })
    const message = result.ok ? '' : result.error.message
    expect(message).toContain('Configurações')
    expect(message).not.toMatch(/não encontrou|not found/i)
  })

  it('a refused credential at the token endpoint points to Credenciais', async () => {
    await claroAt((req) => (req.path === CLARO_PATHS.token ? { status: 401, body: '' } : TOKEN))
    const result = await h.core.router.invoke('lookup:score', { cpf: '529.982.247-25' })
    expect(result).toMatchObject({ ok: false, error: { code: 'claro.token_refused' } })
    expect(result.ok ? '' : result.error.message).toContain('Credenciais')
  })

  it('an HTML page answering 200 at the token address is a wrong address, not a token', async () => {
    await claroAt(() => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>portal</html>' }))
    const result = await h.core.router.invoke('lookup:alerts', { msisdn: '11 99999-0003' })
    expect(result).toMatchObject({ ok: false, error: { code: 'claro.token_unexpected' } })
  })

  it('a product route 404 keeps the seed reading: the customer is not in Claro’s base', async () => {
    await claroAt((req) => (req.path === CLARO_PATHS.token ? TOKEN : { status: 404, body: '{}' }))
    const result = await h.core.router.invoke('lookup:alerts', { msisdn: '11 99999-0003' })
    expect(result).toMatchObject({ ok: false, error: { code: 'claro.not_found' } })
  })

  it('a 404 from the ClearSale authentication endpoint is a wrong address, with its sentence', async () => {
    await clearSaleAt(() => ({ status: 404, body: '' }))
    const result = await h.core.router.invoke('datatrust:send', { cpf: '529.982.247-25' })
    expect(result).toMatchObject({ ok: false, error: { code: 'clearsale.auth_not_found' } })
    expect(result.ok ? '' : result.error.message).toContain('Configurações')
  })

  it('a batch whose token endpoint answers 404 counts every row as failed (not not-found), asking the token once', async () => {
    const wire = await claroAt((req) =>
      req.path === CLARO_PATHS.token ? { status: 404, body: '' } : { status: 500, body: '' },
    )
    const input = join(h.dataDir, 'lista.csv')
    await writeCustomersCsv(input, { rows: 40, unique: 40 })
    const ctx = h.core.context
    const job = await prepareJob(ctx, { inputPath: input, checks: ['alerts', 'score'] })
    const options = { ...structuredClone(DEFAULT_RUN_OPTIONS), timeoutMs: 2000 }
    expect(await runJob(ctx, job, options).done).toBe('done')
    const counts = new BatchJournal(ctx.db).counts(job.id)
    expect(counts.answered).toEqual({})
    expect(counts.failed).toEqual({ alerts: 40, score: 40 })
    // The run stopped asking once the address was known wrong: one token request, no product request.
    expect(wire.requests.map((r) => r.path)).toEqual([CLARO_PATHS.token])
    const out = join(h.dataDir, 'out.csv')
    await exportJob(ctx, job, out, { policy: ctx.settings.get().policy, columns: 'words' })
    const text = readFileSync(out, 'utf8')
    expect(text).not.toMatch(/Não encontrado|não tem este cliente/)
    expect(text).toContain('endereço de token da Claro não encontrado (404) — confira a URL em Configurações')
    const codes = join(h.dataDir, 'codes.csv')
    await exportJob(ctx, job, codes, { policy: ctx.settings.get().policy, columns: 'codes' })
    const rows = readFileSync(codes, 'utf8').trimEnd().split('\r\n').slice(1)
    expect(rows.every((r) => r.includes('failed:claro.token_not_found'))).toBe(true)
  })
})
