import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { seedText } from '../helpers/seeds'
import { startWireServer, type WireAnswer, type WireRequest } from '../helpers/wire-server'
import { searchDataTrust } from '../../src-main/services/datatrust/operations'
import { sendDataTrust, clearSaleClient } from '../../src-main/services/datatrust/service'
import { findSentTransaction } from '../../src-main/providers/clearsale/reconcile'
import { toTransactionRequest } from '../../src-main/services/datatrust/service'
import { ResultsSchema } from '../../src-shared/domain/clearsale'
import { asFailure, toAppError } from '../../src-main/infra/errors'
import { createTranslator } from '../../src-shared/i18n'

/*
 * Issue #13 B: ClearSale answers read exactly as seed 004 writes them. The fixtures are cut from the seed's own text
 * (shared/seeds, beside the repository), so the client is held to the document, not to a copy of it.
 */

const seed = (): string => seedText('004_')

/** The JSON object of the seed that contains `marker`, brace-matched. */
function seedJson(marker: string): string {
  const text = seed()
  const at = text.indexOf(marker)
  if (at < 0) throw new Error(`seed 004 has no ${marker}`)
  let start = text.lastIndexOf('{', at)
  // Walk outwards until the object that starts a line (the answer body).
  while (start > 0 && text[start - 1] !== '\n') start = text.lastIndexOf('{', start - 1)
  let depth = 0
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++
    if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1)
  }
  throw new Error('unbalanced')
}

const pt = createTranslator('pt-BR')

describe('ClearSale as seed 004 writes it', () => {
  const h = coreWithPrivateKeychain({ host: 'cli', endpoints: {} })
  let answer: (req: WireRequest) => WireAnswer
  let wire: Awaited<ReturnType<typeof startWireServer>>
  beforeEach(async () => {
    wire = await startWireServer((req) =>
      req.path.startsWith('/products/v1/authentication')
        ? { status: 200, body: JSON.stringify({ token: 'tok', expiresInSeconds: '3600' }) }
        : answer(req),
    )
    ;(h.core.context as { endpoints: Record<string, string> }).endpoints['clearsale'] = wire.url
  })
  afterEach(() => wire.close())

  it("reads the search example's transactions with their nulls (AreaCode, Phone, Address, SessionID, AdditionalInformation)", async () => {
    const body = seedJson('"totalTransactions": 195')
    expect(body).toContain('"AreaCode": null')
    answer = () => ({ status: 200, body })
    const page = await searchDataTrust(h.core.context, {
      mode: 'parameter',
      parameter: 'document',
      value: '12345678912',
      limit: 50,
      page: 1,
    })
    expect(page.totalTransactions).toBe(195)
    expect(page.transactions.map((t) => t['ID'])).toEqual(['teste01', 'teste02'])
    // The reconciliation reads the same listing: both parse, neither is "unexpected".
    const request = toTransactionRequest({ cpf: '529.982.247-25' })
    const settled = await findSentTransaction(
      await clearSaleClient(h.core.context),
      { ...request, Document: '12345678912' },
      new Date('2019-09-13T18:00:00Z'),
    )
    expect(settled).toMatchObject({
      found: { ID: 'teste02', AreaCode: null, Phone: null, Address: null, SessionID: null },
    })
  })

  it('reads the token state as the seed spells it: "Incorret", and `Result` as well as `result`', () => {
    const results = ResultsSchema.parse({
      Validation: { TokenSMS: { result: 'Incorret', Date: null }, TokenEmail: { Result: 'Valid' } },
    })
    expect(results.Validation?.TokenSMS?.result).toBe('Incorrect')
    expect(results.Validation?.TokenEmail?.result).toBe('Valid')
    // The seed's own transaction example, state list and all, parses.
    const example = JSON.parse(seedJson('"Waiting|Valid|Incorret|Invalid|Expired"')) as { Results?: unknown }
    expect(ResultsSchema.safeParse(example.Results ?? example).success).toBe(true)
  })

  it('a 404 is a wrong route, not a missing customer; a 400 that is not JSON still shows its text', async () => {
    answer = () => ({ status: 404 })
    const notFound = await sendDataTrust(h.core.context, { cpf: '529.982.247-25' }).catch((e: unknown) => e)
    expect(toAppError(asFailure(notFound), pt).message).toContain('Rota da requisição inválida (404')
    answer = () => ({ status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'Bad Request - Invalid Hostname' })
    const bad = await sendDataTrust(h.core.context, { cpf: '529.982.247-25' }).catch((e: unknown) => e)
    expect(toAppError(asFailure(bad), pt)).toMatchObject({
      code: 'clearsale.bad_request',
      message: expect.stringContaining('Bad Request - Invalid Hostname'),
    })
    // A search refused for its parameters says so (seed 004: `{"value": ["The value field is required."]}`).
    answer = () => ({ status: 400, body: seedJson('"The value field is required."') })
    const search = await searchDataTrust(h.core.context, {
      mode: 'parameter',
      parameter: 'document',
      value: 'x',
      limit: 50,
      page: 1,
    }).catch((e: unknown) => e)
    expect(toAppError(asFailure(search), pt)).toMatchObject({
      code: 'clearsale.search_bad_request',
      message: 'A ClearSale recusou os parâmetros da pesquisa (400): value: The value field is required.',
    })
  })

  it('sends every field of the seed dictionary the form offers (VerifiedPhone … Other)', async () => {
    answer = (req) => ({
      status: 200,
      body: JSON.stringify({ ID: 'DTX', ...(JSON.parse(req.body.toString()) as object), Results: null }),
    })
    await sendDataTrust(h.core.context, {
      cpf: '529.982.247-25',
      phone: '11 91234-5678',
      cep: '01310-100',
      complement: 'ap 12',
      district: 'Bela Vista',
      country: 'Brasil',
      physicalDelivery: true,
      verifiedPhone: true,
      verifiedEmail: false,
      referenceDate: '2026-11-30',
      transaction: 'PED-123',
      other: 'canal app',
    })
    const sent = JSON.parse(
      wire.requests.find((r) => r.method === 'POST' && r.path === '/products/v1/datatrust')?.body.toString() ?? '{}',
    ) as Record<string, unknown>
    expect(sent).toMatchObject({
      VerifiedPhone: true,
      VerifiedEmail: false,
      ReferenceDate: '2026-11-30',
      Address: {
        ZipCode: '01310100',
        Complement: 'ap 12',
        District: 'Bela Vista',
        Country: 'Brasil',
        PhysicalDelivery: true,
      },
      AdditionalInformation: { Transaction: 'PED-123', Other: 'canal app' },
    })
  })
})
