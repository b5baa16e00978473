import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { parseMseResponse } from '../../src-main/providers/mse/schemas'
import { MSE_SERVICE_NAMES, MSE_SERVICES } from '../../src-shared/domain/mse-services'
import { SILENT_HANDSET_CTN } from '../../src-main/providers/mse/sandbox'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { MSE_SAMPLES } from '../helpers/mse-samples'

/** Every MSE service through the router, the client and the embedded sandbox, over real HTTP. */
describe('MSE against the sandbox', () => {
  const h = coreWithPrivateKeychain()
  const mseUrl = async () => `${await h.core.context.sandbox.url('mse')}/MSE/api`

  it.each(MSE_SERVICE_NAMES)('%s answers status 0 with its documented output parameters', async (name) => {
    const sample = MSE_SAMPLES[name] ?? { mode: 'sync', params: {} }
    const result = await h.core.router.invoke('mse:call', {
      service: name,
      mode: sample.mode,
      params: sample.params,
      ...(sample.confirmCharge ? { confirmCharge: sample.confirmCharge } : {}),
    })
    expect(result).toMatchObject({
      ok: true,
      data: {
        service: name,
        statusCode: 0,
        profile: `SANDBOX_${name}`,
        transactionId: expect.stringMatching(/^\d{19}$/),
      },
    })
    const spec = MSE_SERVICES.get(name)
    if (result.ok && sample.mode === 'sync') {
      const data = result.data as { parameters: Record<string, string> }
      for (const output of spec?.outputs ?? [])
        if (!['ANUM', 'BNUM', 'SMPP_COMMAND_STATUS', 'SMPP_MESSAGE_STATUS', 'MSGSTATUS'].includes(output))
          expect(data.parameters).toHaveProperty(output)
    }
  })

  it('accepts the "assync-" spelling and sends "async-"', async () => {
    const result = await h.core.router.invoke('mse:call', {
      service: 'SMS_TEXT',
      mode: 'assync-oneway',
      params: MSE_SAMPLES['SMS_TEXT']?.params ?? {},
    })
    expect(result).toMatchObject({
      ok: true,
      data: { mode: 'async-oneway', statusCode: 0, raw: { url: expect.stringMatching(/\/MSE\/api$/) } },
    })
  })

  it('the TORPEDO services are answered only in async-delivery (§6.4.12, §6.4.17): sync is refused before sending', async () => {
    for (const service of ['LBS_TORPEDO', 'IMEI_TORPEDO']) {
      expect(
        await h.core.router.invoke('mse:call', { service, mode: 'sync', params: { CTN: SILENT_HANDSET_CTN } }),
      ).toMatchObject({ ok: false, error: { code: 'mse.mode_not_allowed' } })
    }
    // EAI_CHECK_CREDIT is synchronous (§6.4.8); WIB_PUSH takes both (§6.4.15).
    expect(
      await h.core.router.invoke('mse:call', {
        service: 'EAI_CHECK_CREDIT',
        mode: 'async-oneway',
        params: { CTN: '1191112222', AMOUNT: '99' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'mse.mode_not_allowed' } })
    expect(
      await h.core.router.invoke('mse:call', {
        service: 'WIB_PUSH',
        mode: 'sync',
        params: MSE_SAMPLES['WIB_PUSH']?.params ?? {},
      }),
    ).toMatchObject({ ok: true, data: { statusCode: 0 } })
  })

  it('refuses before sending: a mode the service refuses, bad parameters, an unconfirmed charge', async () => {
    expect(
      await h.core.router.invoke('mse:call', {
        service: 'SMS_TEXT',
        mode: 'sync',
        params: MSE_SAMPLES['SMS_TEXT']?.params ?? {},
      }),
    ).toMatchObject({ ok: false, error: { code: 'mse.mode_not_allowed' } })
    expect(
      await h.core.router.invoke('mse:call', { service: 'OFFER_INSERT', mode: 'async-oneway', params: {} }),
    ).toMatchObject({ ok: false, error: { code: 'mse.mode_not_allowed' } })
    expect(
      await h.core.router.invoke('mse:call', {
        service: 'SMS_TEXT',
        mode: 'async-oneway',
        params: { BNUM: '119100', TEXT: 'x' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'mse.invalid_params', message: expect.stringContaining('BNUM') } })
    expect(
      await h.core.router.invoke('mse:call', {
        service: 'SYS_CHARGE_SUBSCRIB',
        mode: 'sync',
        params: { CTN: '1191112222' },
        confirmCharge: '1191112223',
      }),
    ).toMatchObject({ ok: false, error: { code: 'mse.charge_unconfirmed' } })
  })

  it('status 12 with the seed message for a missing parameter or a bad CTN (raw HTTP to the sandbox)', async () => {
    const get = async (query: string) =>
      parseMseResponse(await (await request(`${await mseUrl()}?${query}`)).body.text())
    expect(await get('profile=P_SYS_CTN_INFO&pwd=x&mode=sync')).toMatchObject({
      ok: true,
      response: { statusCode: 12, errorMessage: 'O parametro obrigatorio [CTN] nao foi encontrado!' },
    })
    expect(await get('profile=P_SYS_CTN_INFO&pwd=x&mode=sync&CTN=1193teste')).toMatchObject({
      ok: true,
      response: { statusCode: 12, errorMessage: 'Invalid CTN format [1193teste]' },
    })
    expect(await get('profile=P_SYS_CTN_INFO&pwd=wrong&mode=sync&CTN=1191000000')).toMatchObject({
      ok: true,
      response: { statusCode: 1 },
    })
    expect(await get('profile=P_SMS_TEXT&pwd=x&mode=sync&CTN=1191000000')).toMatchObject({
      ok: true,
      response: { statusCode: 13 },
    })
  })

  it('answers the volume limit of a profile with an error (seed §9.3)', async () => {
    await request(`${await h.core.context.sandbox.url('mse')}/__sandbox/mse-volume?perMinute=2`, { method: 'POST' })
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) {
      const r = await h.core.router.invoke('mse:call', {
        service: 'SYS_CTN_INFO',
        mode: 'sync',
        params: { CTN: '1191000000' },
      })
      statuses.push(r.ok ? (r.data as { statusCode: number }).statusCode : -1)
    }
    expect(statuses).toEqual([0, 0, 20])
  })
})
