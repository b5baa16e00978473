import { describe, expect, it } from 'vitest'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'
import { startWireServer } from '../helpers/wire-server'

describe('sentinela mse (built CLI)', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()
  const cli = h.cli

  it('prints the DESIGN.md shape; a non-zero MSE status still prints it and exits 1', async () => {
    const ok = await cli(['mse', 'SYS_CTN_INFO_TYPE', '--param', 'CTN=1170000000'])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toEqual({
      statusCode: 0,
      profile: 'SANDBOX_SYS_CTN_INFO_TYPE',
      transactionId: expect.stringMatching(/^\d{19}$/),
      parameters: {
        SUBSCRIBER_TYPE: expect.any(String),
        TECNOLOGY: 'GSM',
        STATUS: 'ATIVO',
        CUSTOMER_TYPE: expect.stringMatching(/^P[FJ]$/),
      },
    })
    // A non-zero MSE status exits 1 with the shape printed (the sandbox refuses a password starting with "wrong": 1).
    expect(
      (
        await cli(
          ['credentials', 'set', 'mse:SYS_CTN_INFO'],
          JSON.stringify({ profile: 'SANDBOX_SYS_CTN_INFO', password: 'wrong-pass' }),
        )
      ).code,
    ).toBe(0)
    const refused = await cli(['mse', 'SYS_CTN_INFO', '--param', 'CTN=1170000000'])
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout)).toMatchObject({ statusCode: 1 })
    // LBS_TORPEDO defaults to async-delivery, the only mode it has (§6.4.12): acknowledged, answered later.
    const torpedo = await cli(['mse', 'LBS_TORPEDO', '--param', 'CTN=1199990110'])
    expect(torpedo.code).toBe(0)
    expect(JSON.parse(torpedo.stdout)).toMatchObject({
      statusCode: 0,
      transactionId: expect.stringMatching(/^\d{19}$/),
      parameters: {},
    })
    expect((await cli(['mse', 'LBS_TORPEDO', '--mode', 'sync', '--param', 'CTN=1199990110'])).code).toBe(2)
  })

  it('exits 2 for an unknown service, a refused mode or invalid parameters', async () => {
    expect((await cli(['mse', 'NOPE'])).code).toBe(2)
    expect(
      (await cli(['mse', 'SMS_TEXT', '--mode', 'sync', '--param', 'BNUM=1191000000', '--param', 'TEXT=x'])).code,
    ).toBe(2)
    expect((await cli(['mse', 'IMEI_TRANSLATOR', '--param', 'IMEI=490154203237517'])).code).toBe(2)
    expect((await cli(['mse', 'SYS_CHARGE_SUBSCRIB', '--param', 'CTN=1191112222'])).code).toBe(2)
  })

  it('sends the profile of `mse:<SERVICE>`, pwd, mode and billingCode on the wire (--env custom --endpoint mse=URL)', async () => {
    const wire = await startWireServer(() => ({
      status: 200,
      headers: { 'Content-Type': 'text/xml' },
      body: '<mse-response><status-code>0</status-code><profile>PARC_BILL</profile><transaction-id>1</transaction-id></mse-response>',
    }))
    try {
      expect(
        (
          await cli(
            ['--env', 'custom', 'credentials', 'set', 'mse:SYS_CHARGE_SUBSCRIB'],
            JSON.stringify({ profile: 'PARC_BILL', password: 'p@ss word', billingCode: '000123' }),
          )
        ).code,
      ).toBe(0)
      const run = await cli([
        '--env',
        'custom',
        '--endpoint',
        `mse=${wire.url}/MSE`,
        'mse',
        'SYS_CHARGE_SUBSCRIB',
        '--param',
        'CTN=1191112222',
        '--confirm-charge',
        '1191112222',
      ])
      expect(run.code).toBe(0)
      expect(wire.requests).toHaveLength(1) // a charge is never retried
      expect(wire.requests[0]).toMatchObject({
        method: 'GET',
        path: '/MSE/api?profile=PARC_BILL&pwd=p%40ss+word&mode=sync&billingCode=000123&CTN=1191112222',
      })
    } finally {
      await wire.close()
    }
  })
})
