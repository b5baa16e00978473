import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SandboxKnobsSchema } from '../../src-shared/domain/settings'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { createClearSaleSandbox } from '../../src-main/providers/clearsale/sandbox'

/** Every endpoint and documented error of seed 004, over real HTTP against the sandbox. */
describe('ClearSale Data Trust sandbox', () => {
  let server: SandboxServer
  let token = ''
  const webhooks: { headers: IncomingHttpHeaders; body: string }[] = []
  const receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      webhooks.push({ headers: req.headers, body })
      res.writeHead(200).end()
    })
  })
  beforeAll(async () => {
    server = await startSandboxServer(createClearSaleSandbox(), () => SandboxKnobsSchema.parse({}))
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    await call('POST', '/__sandbox/webhook', {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      token: 'hook-secret',
    })
    token = (
      (await call('POST', '/products/v1/authentication', { Username: 'analista', Password: 'segredo' })).json as {
        token: string
      }
    ).token
  })
  afterAll(async () => {
    await server.close()
    receiver.close()
  })

  async function call(method: 'GET' | 'POST', path: string, body?: unknown, auth = true) {
    const res = await request(`${server.url}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(auth && token ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.body.text()
    return { status: res.statusCode, text, json: text ? (JSON.parse(text) as unknown) : null }
  }
  const tx = {
    Document: '52998224725',
    DocumentType: 'CPF',
    AreaCode: '11',
    Phone: '912345678',
    Email: 'joao@exemplo.com.br',
    Address: { ZipCode: '01310100' },
    Type: 1,
  }

  it('authentication: a 2048-character token with expiresInSeconds; 400 for a wrong password', async () => {
    const ok = await call('POST', '/products/v1/authentication', { Username: 'u', Password: 'p' }, false)
    expect(ok.status).toBe(200)
    expect((ok.json as { token: string }).token).toHaveLength(2048)
    expect(ok.json).toMatchObject({ expiresInSeconds: '86400' })
    expect(
      await call('POST', '/products/v1/authentication', { Username: 'u', Password: 'wrong-pass' }, false),
    ).toMatchObject({ status: 400, json: { message: 'Username or Password is incorrect' } })
  })

  it('401 without a valid token, 404 for an unknown route', async () => {
    expect((await call('GET', '/products/v1/datatrust/x', undefined, false)).status).toBe(401)
    expect((await call('GET', '/products/v1/nothing-here')).status).toBe(404)
  })

  it('send: 200 with ID, CreationDate and Results (score, ratings per relation, insights)', async () => {
    const res = await call('POST', '/products/v1/datatrust', tx)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      ID: expect.any(String),
      Document: '52998224725',
      CreationDate: expect.any(String),
      Results: {
        Score: { Value: 91.5 },
        Ratings: [
          { RelatedTo: ['Document', 'Phone'] },
          { RelatedTo: ['Document', 'Email'] },
          { RelatedTo: ['Document', 'ZipCode'] },
        ],
        Insights: expect.any(Array),
      },
    })
  })

  it('send: 400 with the field → messages map of seed 004', async () => {
    const res = await call('POST', '/products/v1/datatrust', {
      Document: '12345678912',
      DocumentType: 'CPF',
      AreaCode: '11',
      Type: 2,
    })
    expect(res.status).toBe(400)
    expect(res.json).toEqual({
      Document: ['The field Document is invalid.'],
      AreaCode: ['Phone is required because AreaCode has a value.'],
      SessionID: ['SessionID is required when Type is 2 (Online).'],
    })
  })

  it('get by id and /{id}/result; 204 for an unknown id', async () => {
    const id = ((await call('POST', '/products/v1/datatrust', tx)).json as { ID: string }).ID
    expect(await call('GET', `/products/v1/datatrust/${id}`)).toMatchObject({ status: 200, json: { ID: id } })
    expect(await call('GET', `/products/v1/datatrust/${id}/result`)).toMatchObject({
      status: 200,
      json: { Score: { Value: 91.5 } },
    })
    expect((await call('GET', '/products/v1/datatrust/NOPE')).status).toBe(204)
    expect((await call('GET', '/products/v1/datatrust/NOPE/result')).status).toBe(204)
  })

  it('homologation form: the same API under /api', async () => {
    expect((await call('POST', '/api/products/v1/datatrust', tx)).status).toBe(200)
  })

  it('searches by parameter with fields, limit and page; 204 when empty; 400 for bad parameters', async () => {
    for (let i = 0; i < 3; i++) await call('POST', '/products/v1/datatrust', { ...tx, Document: '11144477735' })
    const page = await call(
      'GET',
      '/products/v1/datatrust/search?parameter=document&value=11144477735&fields=transaction:id,document;result:score;&limit=2&page=2',
    )
    expect(page.status).toBe(200)
    const body = page.json as {
      location: number
      totalPages: number
      totalTransactions: number
      Transactions: Record<string, unknown>[]
    }
    expect(body).toMatchObject({ location: 2, totalPages: 2, totalTransactions: 3 })
    expect(body.Transactions).toHaveLength(1)
    expect(Object.keys(body.Transactions[0] ?? {}).sort()).toEqual(['Document', 'Result', 'id'])
    expect(Object.keys((body.Transactions[0]?.['Result'] as object) ?? {})).toEqual(['Score'])
    expect((await call('GET', '/products/v1/datatrust/search?parameter=email&value=ninguem@x.com&page=1')).status).toBe(
      204,
    )
    expect(await call('GET', '/products/v1/datatrust/search?parameter=document&page=1')).toMatchObject({
      status: 400,
      json: { value: ['The value field is required.'] },
    })
    expect((await call('GET', '/products/v1/datatrust/search?parameter=document&value=1&limit=51&page=1')).status).toBe(
      400,
    )
    expect(
      (await call('GET', '/products/v1/datatrust/search?parameter=document&value=1&page=1&fields=transaction:nope;'))
        .status,
    ).toBe(400)
  })

  it('searches by user, by period (yyyy-MM-dd) and by id list (≤ 50)', async () => {
    const id = ((await call('POST', '/products/v1/datatrust', tx)).json as { ID: string }).ID
    const user = (await call('GET', `/products/v1/datatrust/${id}`)).json as { User: number }
    expect(await call('GET', `/products/v1/datatrust/search/user?userId=${user.User}&limit=50&page=1`)).toMatchObject({
      status: 200,
      json: { totalTransactions: expect.any(Number) },
    })
    const today = new Date().toISOString().slice(0, 10)
    expect(
      (await call('GET', `/products/v1/datatrust/search/period?startDate=${today}&endDate=${today}&page=1`)).status,
    ).toBe(200)
    expect(
      (await call('GET', '/products/v1/datatrust/search/period?startDate=2019-01-01&endDate=2019-01-02&page=1')).status,
    ).toBe(204)
    expect(
      (await call('GET', '/products/v1/datatrust/search/period?startDate=01/01/2019&endDate=2019-01-02&page=1')).status,
    ).toBe(400)
    expect(await call('GET', `/products/v1/datatrust/search/list?idsList=${id},NOPE`)).toMatchObject({
      status: 200,
      json: { Transactions: [{ id }] },
    })
    const many = Array.from({ length: 51 }, (_, i) => `id${i}`).join(',')
    expect((await call('GET', `/products/v1/datatrust/search/list?idsList=${many}`)).status).toBe(400)
  })

  it('token validation: SMS to the virtual phone; Incorrect up to 3 tries, then Invalid', async () => {
    const id = ((await call('POST', '/products/v1/datatrust', { ...tx, SendOption: [1] })).json as { ID: string }).ID
    const inbox = (await call('GET', '/__sandbox/inbox')).json as { to: string; text: string; transactionId: string }[]
    const sms = inbox.find((m) => m.transactionId === id)
    expect(sms?.to).toBe('+5511912345678')
    expect(sms?.text).toMatch(/\d{6}/)
    for (const expected of ['Incorrect', 'Incorrect', 'Invalid', 'Invalid']) {
      expect(await call('POST', `/products/v1/datatrust/${id}/validate?token=000000x`)).toMatchObject({
        status: 200,
        json: { result: expected, date: expect.any(String) },
      })
    }
    expect((await call('POST', '/products/v1/datatrust/NOPE/validate?token=1')).status).toBe(404)
  })

  it('token validation: the right code is Valid, raises the score and posts a webhook with the Bearer token', async () => {
    const id = ((await call('POST', '/products/v1/datatrust', { ...tx, SendOption: [1] })).json as { ID: string }).ID
    const code = /(\d{6})/.exec(
      ((await call('GET', '/__sandbox/inbox')).json as { text: string; transactionId: string }[]).find(
        (m) => m.transactionId === id,
      )?.text ?? '',
    )?.[1]
    expect(await call('POST', `/products/v1/datatrust/${id}/validate?token=${code}`)).toMatchObject({
      json: { result: 'Valid' },
    })
    expect(await call('GET', `/products/v1/datatrust/${id}`)).toMatchObject({
      json: {
        Results: {
          Score: { Value: 99.99, Reason: 'Confirmação do TokenSMS' },
          Validation: { TokenSMS: { result: 'Valid' } },
        },
      },
    })
    const mine = () => webhooks.find((w) => w.body.includes(id))
    await expect.poll(() => mine()).toBeDefined()
    expect(mine()?.headers['authorization']).toBe('Bearer hook-secret')
    expect(JSON.parse(mine()?.body ?? '{}')).toMatchObject({
      Code: id,
      TypeId: 1,
      Description: 'Token SMS: Valid',
      Date: expect.any(String),
    })
  })

  it('posts TypeId 4, 8 and 2 webhooks when the customer answers the 2nd factor by SMS or e-mail, or the e-mail token', async () => {
    const id = ((await call('POST', '/products/v1/datatrust', { ...tx, SendOption: [2, 3, 4] })).json as { ID: string })
      .ID
    for (const [channel, typeId] of [
      ['sms', 4],
      ['email', 8],
    ] as const) {
      expect((await call('POST', `/__sandbox/reply?id=${id}&channel=${channel}&text=1`)).status).toBe(204)
      await expect
        .poll(() => webhooks.some((w) => w.body.includes(id) && JSON.parse(w.body).TypeId === typeId))
        .toBe(true)
    }
    expect(await call('GET', `/products/v1/datatrust/${id}`)).toMatchObject({
      json: {
        Results: {
          Validation: { SMSVerification: { Replied: { Text: '1' } }, EmailVerification: { Replied: { Text: '1' } } },
        },
      },
    })
    const emailToken = (
      (await call('POST', '/products/v1/datatrust', { ...tx, SendOption: [2] })).json as { ID: string }
    ).ID
    expect((await call('POST', `/__sandbox/reply?id=${emailToken}&channel=email`)).status).toBe(204)
    await expect
      .poll(() => webhooks.some((w) => w.body.includes(emailToken) && JSON.parse(w.body).TypeId === 2))
      .toBe(true)
    expect((await call('POST', '/__sandbox/reply?id=NOPE&channel=sms')).status).toBe(404)
  })

  it('token validation: Expired after its lifetime', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      await call('POST', '/__sandbox/sms-token-lifetime?seconds=60')
      const id = ((await call('POST', '/products/v1/datatrust', { ...tx, SendOption: [1] })).json as { ID: string }).ID
      vi.setSystemTime(Date.now() + 61_000) // the token's minute passes
      expect(await call('POST', `/products/v1/datatrust/${id}/validate?token=123456`)).toMatchObject({
        json: { result: 'Expired' },
      })
    } finally {
      vi.useRealTimers()
      await call('POST', '/__sandbox/sms-token-lifetime?seconds=300')
    }
  })

  it('SMS template: 160-character limit, known keys, {respostas} required; GET 204 before, 200 after', async () => {
    expect((await call('GET', '/products/v1/datatrust/configuration/sms?smsTypeId=3')).status).toBe(204)
    expect(
      await call('POST', '/products/v1/datatrust/configuration/sms', { Text: 'x'.repeat(161), SmsTypeId: 2 }),
    ).toMatchObject({
      status: 400,
      json: { Text: expect.arrayContaining(['O texto configurado para o SMS ultrapassa o limite de 160 caracteres']) },
    })
    expect(
      (
        await call('POST', '/products/v1/datatrust/configuration/sms', {
          Text: 'Olá {apelido} {respostas}',
          SmsTypeId: 2,
        })
      ).status,
    ).toBe(400)
    expect(
      (await call('POST', '/products/v1/datatrust/configuration/sms', { Text: 'Olá {primeiro-nome}', SmsTypeId: 2 }))
        .status,
    ).toBe(400)
    expect((await call('POST', '/products/v1/datatrust/configuration/sms', { Text: 'Olá', SmsTypeId: 9 })).status).toBe(
      400,
    )
    const text = 'Olá {primeiro-nome}, você confirma a compra de {item}? {respostas}'
    expect(
      (await call('POST', '/products/v1/datatrust/configuration/sms', { Text: text, Active: true, SmsTypeId: 2 }))
        .status,
    ).toBe(200)
    expect(await call('GET', '/products/v1/datatrust/configuration/sms?smsTypeId=2')).toMatchObject({
      status: 200,
      json: { Text: text, Active: true, SmsTypeId: 2 },
    })
  })

  it('conditional SMS: GET 204 before, then the flag; a HotPhone gets no SMS (ConditionalRule)', async () => {
    expect((await call('GET', '/products/v1/datatrust/configuration/entity')).status).toBe(204)
    expect((await call('POST', '/products/v1/datatrust/configuration/entity?conditionalSmsSending=true')).status).toBe(
      200,
    )
    expect(await call('GET', '/products/v1/datatrust/configuration/entity')).toMatchObject({
      status: 200,
      json: { conditionalSmsSending: true, creationDate: expect.any(String) },
    })
    const res = await call('POST', '/products/v1/datatrust', {
      ...tx,
      AreaCode: '11',
      Phone: '988887777',
      SendOption: [1],
    })
    expect(res.json).toMatchObject({
      Results: { Validation: { SMSVerification: { ConditionalRule: true }, TokenSMS: null } },
    })
    expect((await call('POST', '/products/v1/datatrust/configuration/entity?conditionalSmsSending=maybe')).status).toBe(
      400,
    )
  })
})
