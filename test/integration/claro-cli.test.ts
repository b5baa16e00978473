import { describe, expect, it } from 'vitest'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'
import { startWireServer, type WireAnswer, type WireRequest } from '../helpers/wire-server'
import { startSandboxServer } from '../../src-main/infra/sandbox/host'
import { createClaroSandbox } from '../../src-main/providers/claro/sandbox'
import { SandboxKnobsSchema } from '../../src-shared/domain/settings'

const CRED = { key: 'wire-key-123', secret: 'wire-secret-456', customerId: 'ACMEFRAUDES' }

describe('sentinela lookup (built CLI)', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()
  const cli = h.cli

  it('prints the DESIGN.md JSON shapes on the embedded sandbox', async () => {
    const alerts = await cli(['--json', 'lookup', 'alerts', '--msisdn', '+55 (11) 99999-0002'])
    expect(alerts.code).toBe(0)
    expect(JSON.parse(alerts.stdout)).toEqual({
      msisdn: '5511999990002',
      events: [{ eventName: 'PORTOUT_REQUESTED', timestamp: expect.any(String) }],
    })
    const score = await cli(['--json', 'lookup', 'score', '--cpf', '529.982.247-25'])
    expect(JSON.parse(score.stdout)).toEqual({ cpf: '52998224725', score: 870 })
  })

  it('exits 2 for an invalid CPF, number or event name, 1 for a provider failure', async () => {
    expect(await cli(['lookup', 'score', '--cpf', '529.982.247-24'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('dígitos verificadores'),
    })
    expect(await cli(['lookup', 'alerts', '--msisdn', '1234'])).toMatchObject({ code: 2 })
    expect(await cli(['lookup', 'alerts', '--msisdn', '11 99999-0001', '--events', 'SIM_SWAP'])).toMatchObject({
      code: 2,
    })
    expect(await cli(['lookup', 'alerts', '--msisdn', '11 99999-0500'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('(500)'),
    })
  })

  it('5 separate CLI processes in a row cause exactly 1 token request', async () => {
    const sandbox = await startSandboxServer(createClaroSandbox(), () => SandboxKnobsSchema.parse({}))
    try {
      for (let i = 0; i < 5; i++) {
        const run = await cli(['--endpoint', `claro=${sandbox.url}`, 'lookup', 'score', '--cpf', '529.982.247-25'])
        expect(run.code).toBe(0)
      }
      expect(sandbox.stats()['POST /oauth2/v1/token']).toBe(1)
      expect(sandbox.stats()['POST /customers/v1/scores']).toBe(5)
    } finally {
      await sandbox.close()
    }
  })

  describe('on the wire (--env custom --endpoint claro=URL)', () => {
    const token = { status: 200, body: JSON.stringify({ access_token: 'tok-wire-1', expires_in: 3600 }) }
    const script =
      (product: WireAnswer) =>
      (req: WireRequest): WireAnswer =>
        req.path === '/oauth2/v1/token' ? token : product
    const store = () => cli(['--env', 'custom', 'credentials', 'set', 'claro'], JSON.stringify(CRED))
    const header = (req: WireRequest | undefined, name: string) => req?.headers[name.toLowerCase()]

    it('sends exactly the method, path, headers and body bytes of seeds 001/002', async () => {
      const events = { status: 200, body: JSON.stringify({ data: { customer: { profileEvents: [] } } }) }
      const wire = await startWireServer((req) =>
        req.path === '/oauth2/v1/token'
          ? token
          : req.path.endsWith('scores')
            ? { status: 200, body: '{"data":{"customer":{"score":"512"}}}' }
            : events,
      )
      try {
        await store()
        const alerts = await cli([
          '--env',
          'custom',
          '--endpoint',
          `claro=${wire.url}`,
          'lookup',
          'alerts',
          '--msisdn',
          '(11) 91234-5678',
          '--events',
          'SIMCARD_CHANGED,DEVICE_CHANGED',
        ])
        expect(alerts.code).toBe(0)
        const score = await cli([
          '--env',
          'custom',
          '--endpoint',
          `claro=${wire.url}`,
          'lookup',
          'score',
          '--cpf',
          '529.982.247-25',
        ])
        expect(JSON.parse(score.stdout)).toEqual({ cpf: '52998224725', score: 512 })
        const [tokenReq, alertsReq, scoreReq] = wire.requests
        expect(wire.requests).toHaveLength(3) // the second process reused the token from the keychain
        expect(tokenReq).toMatchObject({ method: 'POST', path: '/oauth2/v1/token' })
        expect(header(tokenReq, 'content-type')).toBe('application/x-www-form-urlencoded')
        expect(header(tokenReq, 'x-client-auth')).toBe(
          `Basic ${Buffer.from('wire-key-123:wire-secret-456').toString('base64')}`,
        )
        expect(tokenReq?.body.toString()).toBe('grant_type=client_credentials')
        expect(alertsReq).toMatchObject({ method: 'POST', path: '/customers/v1/alerts' })
        expect(header(alertsReq, 'content-type')).toBe('application/json')
        expect(header(alertsReq, 'x-client-auth')).toBe('Bearer tok-wire-1')
        expect(header(alertsReq, 'x-customerid')).toBe('ACMEFRAUDES')
        expect(header(alertsReq, 'event-types')).toBe('SIMCARD_CHANGED,DEVICE_CHANGED')
        expect(alertsReq?.body.toString()).toBe('{"data":{"customer":{"networkMsisdn":"5511912345678"}}}')
        expect(scoreReq).toMatchObject({ method: 'POST', path: '/customers/v1/scores' })
        expect(header(scoreReq, 'x-client-auth')).toBe('Bearer tok-wire-1')
        expect(header(scoreReq, 'event-types')).toBeUndefined()
        expect(scoreReq?.body.toString()).toBe('{"data":{"customer":{"idCpf":"52998224725"}}}')
      } finally {
        await wire.close()
      }
    })

    /** `lookup score` against a Claro that gives a token, then answers the score call with `answer`. */
    async function scoreAgainst(answer: Parameters<typeof script>[0]) {
      const wire = await startWireServer(script(answer))
      try {
        await store()
        return await cli([
          '--env',
          'custom',
          '--endpoint',
          `claro=${wire.url}`,
          'lookup',
          'score',
          '--cpf',
          '529.982.247-25',
        ])
      } finally {
        await wire.close()
      }
    }

    it.each([
      [400, 'Claro recusou o pedido como malformado (400)'],
      [403, 'recusou o acesso (403)'],
      [404, 'A Claro não encontrou este número ou CPF na base dela (404)'],
      [406, '(406)'],
      [415, '(415)'],
      [500, 'falhou ao atender o pedido (500)'],
      [502, 'falhou ao atender o pedido (502)'],
      [418, 'status não documentado (418)'],
    ])('maps HTTP %i to its message', async (status, text) => {
      const envelope = {
        apiVersion: '1',
        transactionId: 't-1',
        error: {
          httpCode: String(status),
          errorCode: 'E',
          message: 'm',
          detailedMessage: 'detalhe do provedor',
          link: { rel: 'related', href: 'https://x' },
        },
      }
      const run = await scoreAgainst({ status, body: JSON.stringify(envelope) })
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(text)
    })

    it('maps 429 with Retry-After, and 200 bodies it cannot read as unexpected', async () => {
      for (const [answer, text] of [
        [{ status: 429, headers: { 'Retry-After': '7' }, body: '{}' }, 'Tente de novo em 7 s'],
        [{ status: 200, body: '<html>gateway</html>' }, 'formato inesperado'],
        [{ status: 200, body: '{"data":{"customer":{"score":1200}}}' }, 'formato inesperado'],
      ] as const) {
        const run = await scoreAgainst(answer)
        expect(run.code).toBe(1)
        expect(run.stderr).toContain(text)
      }
    })

    it('renews the token once on a 401, then reports it', async () => {
      const wire = await startWireServer(script({ status: 401, body: '{}' }))
      try {
        await store()
        const run = await cli([
          '--env',
          'custom',
          '--endpoint',
          `claro=${wire.url}`,
          'lookup',
          'score',
          '--cpf',
          '529.982.247-25',
        ])
        expect(run.stderr).toContain('(401)')
        expect(wire.requests.map((r) => r.path)).toEqual([
          '/oauth2/v1/token',
          '/customers/v1/scores',
          '/oauth2/v1/token',
          '/customers/v1/scores',
        ])
      } finally {
        await wire.close()
      }
    })
  })
})
