import { join } from 'node:path'
import { request } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { writeCustomersCsv } from '../helpers/customers'
import { createClearSaleSandbox } from '../../src-main/providers/clearsale/sandbox'
import { createMseSandbox } from '../../src-main/providers/mse/sandbox'
import { startSandboxServer, type SandboxServer } from '../../src-main/infra/sandbox/host'
import { SandboxKnobsSchema } from '../../src-shared/domain/settings'
import { BatchJournal } from '../../src-main/services/batch/journal'
import { DEFAULT_RUN_OPTIONS } from '../../src-main/services/batch/runner'
import { prepareJob, runJob } from '../../src-main/services/batch/service'
import { sendDataTrust } from '../../src-main/services/datatrust/service'
import { callMse } from '../../src-main/services/mse/service'
import { outcomeOfCall } from '../../src-main/services/batch/facts'
import { createCore } from '../../src-main/app'
import { silentLogger } from '../../src-main/infra/log'
import { invokeOrThrow } from '../../src-main/cli/invoke'

/* Issue #13 A: a call that costs money or changes the world is never re-sent blindly. */

const TX_PATH = '/products/v1/datatrust'
let clearsale: SandboxServer
let mse: SandboxServer
// Single calls (the form's) get a short limit here; the default is 15 s.
const h = coreWithPrivateKeychain({ host: 'cli', endpoints: {}, httpTimeoutMs: 400 })
beforeEach(async () => {
  clearsale = await startSandboxServer(createClearSaleSandbox(), () => SandboxKnobsSchema.parse({}))
  mse = await startSandboxServer(createMseSandbox(), () => SandboxKnobsSchema.parse({}))
  Object.assign((h.core.context as { endpoints: Record<string, string> }).endpoints, {
    clearsale: clearsale.url,
    mse: `${mse.url}/MSE`,
  })
})
afterEach(async () => {
  await clearsale.close()
  await mse.close()
})

const control = (server: SandboxServer, path: string) =>
  request(`${server.url}${path}`, { method: 'POST' }).then((r) => r.body.text())
const arrivals = (server: SandboxServer) =>
  request(`${server.url}/__sandbox/arrivals`).then((r) => r.body.json() as Promise<{ path: string; body: string }[]>)
const posted = async (): Promise<string[]> =>
  (await arrivals(clearsale))
    .filter((a) => a.path === TX_PATH)
    .map((a) => (JSON.parse(a.body) as { Document: string }).Document)

describe('Data Trust: sent at most once, reconciled by the seed search', () => {
  it('answers held past the client timeout: each document is sent once and every row still gets its transaction', async () => {
    const input = join(h.dataDir, 'dt.csv')
    await writeCustomersCsv(input, { rows: 12, unique: 12 })
    // The sandbox creates each transaction, then holds its answer 900 ms; the batch gives up after 300 ms.
    await control(clearsale, `/__sandbox/faults?holdRate=1&holdMs=900&holdPath=POST ${TX_PATH}`)
    await control(clearsale, '/__sandbox/arrivals?on=1')
    const job = await prepareJob(h.core.context, { inputPath: input, checks: ['datatrust'] })
    const options = {
      ...structuredClone(DEFAULT_RUN_OPTIONS),
      timeoutMs: 300,
      concurrency: { claro: 1, clearsale: 4, mse: 1 },
      rate: { claro: 1, clearsale: 50, mse: 1 },
    }
    expect(await runJob(h.core.context, job, options).done).toBe('done')
    const sent = await posted()
    expect(sent).toHaveLength(12)
    expect(new Set(sent).size).toBe(12)
    const journal = new BatchJournal(h.core.context.db)
    expect(journal.counts(job.id).answered['datatrust']).toBe(12)
    expect(clearsale.stats()['simulated hold']).toBe(12)
    // Every row adopted a different transaction: none was taken twice.
    const ids = [...journal.ownTransactions(job.id)]
    expect(new Set(ids).size).toBe(12)
  })

  it('a single send whose answer never comes adopts the transaction the search finds, and says so', async () => {
    await control(clearsale, `/__sandbox/faults?holdRate=1&holdMs=20000&holdPath=POST ${TX_PATH}`)
    await control(clearsale, '/__sandbox/arrivals?on=1')
    const ctx = h.core.context
    const result = await sendDataTrust(ctx, { cpf: '529.982.247-25', phone: '(11) 98888-7777' })
    expect(result.reconciled).toBe(true)
    expect(result.transaction).toMatchObject({ Document: '52998224725', AreaCode: '11', Phone: '988887777' })
    expect(await posted()).toEqual(['52998224725'])
  })

  it('a send interrupted mid-flight is settled on resume: adopted when the search finds it, never re-sent', async () => {
    const input = join(h.dataDir, 'dt2.csv')
    await writeCustomersCsv(input, { rows: 3, unique: 3 })
    const job = await prepareJob(h.core.context, { inputPath: input, checks: ['datatrust'] })
    const journal = new BatchJournal(h.core.context.db)
    const [first] = journal.pending(job.id, 'datatrust', 10, '')
    if (!first) throw new Error('no key')
    // What a kill -9 leaves behind: the send journaled as in flight, the transaction created at the provider.
    journal.markSending(job.id, 'datatrust', first, new Date(Date.now() - 60_000))
    const [cpf = '', phone = '', email = ''] = JSON.parse(first) as string[]
    await sendDataTrust(h.core.context, { cpf, phone, email })
    await control(clearsale, '/__sandbox/arrivals?on=1')
    expect(await runJob(h.core.context, job, { ...structuredClone(DEFAULT_RUN_OPTIONS), timeoutMs: 1000 }).done).toBe(
      'done',
    )
    expect(await posted()).not.toContain(cpf)
    expect((await posted()).length).toBe(2)
    expect(journal.call(job.id, 'datatrust', first)).toMatchObject({ ok: true, reason: 'reconciled' })
  })

  it('when the search cannot settle it, the row is "resultado incerto" and is not sent again', async () => {
    const input = join(h.dataDir, 'dt3.csv')
    await writeCustomersCsv(input, { rows: 1, unique: 1 })
    const job = await prepareJob(h.core.context, { inputPath: input, checks: ['datatrust'] })
    const journal = new BatchJournal(h.core.context.db)
    const [key] = journal.pending(job.id, 'datatrust', 10, '')
    if (!key) throw new Error('no key')
    journal.markSending(job.id, 'datatrust', key, new Date(Date.now() - 60_000))
    await control(clearsale, '/__sandbox/faults?hangRate=1&hangMs=3000')
    await control(clearsale, '/__sandbox/arrivals?on=1')
    expect(await runJob(h.core.context, job, { ...structuredClone(DEFAULT_RUN_OPTIONS), timeoutMs: 300 }).done).toBe(
      'done',
    )
    const call = journal.call(job.id, 'datatrust', key)
    expect(call).toMatchObject({ ok: false, code: 'clearsale.outcome_unknown' })
    expect(outcomeOfCall('datatrust', key, call)).toEqual({ status: 'unknown', code: 'clearsale.outcome_unknown' })
    expect(await posted()).toEqual([])
    // A second run (a resume) does not touch it either.
    expect(await runJob(h.core.context, job, { ...structuredClone(DEFAULT_RUN_OPTIONS), timeoutMs: 300 }).done).toBe(
      'done',
    )
    expect(await posted()).toEqual([])
  })
})

describe('sends a killed process left in flight', () => {
  it('are "resultado incerto" at the next start, said once, and block the same send until the analyst resends', async () => {
    const ctx = h.core.context
    // What a kill -9 during an MSE send leaves: the effect journaled as sending, never settled.
    const sms = { service: 'SMS_TEXT', mode: 'async-oneway', params: { BNUM: '1191000000', TEXT: 'Oferta' } }
    await control(mse, '/__sandbox/faults?holdRate=1&holdMs=1500&holdPath=GET /MSE/api,POST /MSE/api')
    await expect(callMse(ctx, { ...sms, timeoutMs: 200 })).rejects.toMatchObject({ code: 'mse.outcome_unknown' })
    ctx.db
      .prepare("UPDATE effects SET state = 'sending', started_at = ? WHERE operation = 'mse.SMS_TEXT'")
      .run(new Date(Date.now() - 11 * 60_000).toISOString())
    const next = await createCore({
      dataDir: h.dataDir,
      host: 'cli',
      log: silentLogger,
      endpoints: { mse: `${mse.url}/MSE` },
    })
    try {
      const info = await invokeOrThrow(next, 'app:info', {})
      expect(info.notices).toEqual([
        expect.objectContaining({
          code: 'effects_uncertain',
          message: expect.stringContaining('1 envio ficou em andamento'),
        }),
      ])
      await expect(callMse(next.context, sms)).rejects.toMatchObject({ code: 'effect_unsettled' })
    } finally {
      await next.close()
    }
  })
})

describe('MSE: an effect whose outcome is unknown is shown as uncertain and not re-sent', () => {
  it('an SMS send that times out is "resultado incerto"; the same send is refused until the analyst says --resend', async () => {
    await control(mse, '/__sandbox/faults?holdRate=1&holdMs=1500&holdPath=GET /MSE/api,POST /MSE/api')
    const sms = {
      service: 'SMS_TEXT',
      mode: 'async-oneway',
      params: { BNUM: '1191000000', TEXT: 'Seu código é 1234' },
      timeoutMs: 300,
    }
    await expect(callMse(h.core.context, sms)).rejects.toMatchObject({ code: 'mse.outcome_unknown' })
    const count = () =>
      Object.entries(mse.stats())
        .filter(([k]) => k.endsWith(' /MSE/api'))
        .reduce((n, [, v]) => n + v, 0)
    expect(count()).toBe(1)
    // A retry of the same thing (a double click, a script run again) is refused before anything leaves.
    await expect(callMse(h.core.context, sms)).rejects.toMatchObject({ code: 'effect_unsettled' })
    expect(count()).toBe(1)
    // A read is never blocked.
    await control(mse, '/__sandbox/faults?holdRate=0')
    await expect(
      callMse(h.core.context, { service: 'SYS_CTN_INFO_TYPE', mode: 'sync', params: { CTN: '1170000000' } }),
    ).resolves.toMatchObject({ statusCode: 0 })
    // The analyst's explicit choice sends it again, once.
    const before = count()
    await expect(callMse(h.core.context, { ...sms, resend: true })).resolves.toMatchObject({ statusCode: 0 })
    expect(count()).toBe(before + 1)
    await expect(callMse(h.core.context, sms)).resolves.toMatchObject({ statusCode: 0 })
  })
})
