import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { invokeOrThrow } from '../../src-main/cli/invoke'
import { subjectHasher } from '../../src-main/services/privacy/key'
import type { Subject } from '../../src-shared/domain/privacy'
import { coreWithPrivateKeychain } from '../helpers/core-harness'

/*
 * Issue #23, "a person, not a string": every identifier a stored answer carries is indexed and found, the phone of a
 * Data Trust answer (AreaCode + Phone) included; the settings are searched too; erasing one identifier offers the
 * others seen with it — through the router and the sandbox over real HTTP.
 */

const ANA = { cpf: '529.982.247-25', phone: '11 98765-4321', email: 'ana@example.com' }
const BIA = { cpf: '111.444.777-35', phone: '11 91234-5678' }
const anaPhone: Subject = { kind: 'phone', value: '5511987654321' }

describe('a person, not a string', () => {
  const h = coreWithPrivateKeychain()
  const core = () => h.core
  const report = (kind: Subject['kind'], value: string) => invokeOrThrow(core(), 'privacy:report', { kind, value })
  const places = async (kind: Subject['kind'], value: string) =>
    (await report(kind, value)).records.map((r) => `${r.place}: ${r.text}`).sort()

  async function lookups(): Promise<void> {
    await invokeOrThrow(core(), 'datatrust:send', ANA)
    await invokeOrThrow(core(), 'datatrust:send', BIA)
    for (const msisdn of [ANA.phone, ANA.phone, BIA.phone]) await invokeOrThrow(core(), 'lookup:alerts', { msisdn })
  }

  it('indexes every identifier a Data Trust answer and its send carry under the keyed hash, not only the CPF', async () => {
    await invokeOrThrow(core(), 'datatrust:send', ANA)
    const hash = subjectHasher(h.dataDir)
    const people: Subject[] = [{ kind: 'cpf', value: '52998224725' }, anaPhone, { kind: 'email', value: ANA.email }]
    const row = core()
      .context.db.prepare("SELECT identifier, subjects FROM history WHERE kind = 'datatrust'")
      .get() as {
      identifier: string
      subjects: string | null
    }
    expect(row.identifier).toBe('529.***.***-25')
    expect(row.subjects?.split(' ').sort()).toEqual(people.map(hash).sort())
    const sent = core().context.db.prepare('SELECT subjects FROM effects').get() as { subjects: string }
    expect(sent.subjects.split(' ')).toContain(hash(anaPhone)) // the request's AreaCode + Phone
    expect(await places('phone', '(11) 98765-4321')).toEqual([
      'effects: Envio clearsale.transaction (done)',
      'history: Consulta Data Trust: Respondida',
    ])
  })

  it("a CPF's report offers the phone and e-mail seen with it; erased together, the phone's Alerta lookups go too", async () => {
    await lookups()
    const related = (await report('cpf', ANA.cpf)).related
    expect(related).toEqual([
      { kind: 'phone', value: '5511987654321', shown: '(11) 98765-4321' },
      { kind: 'email', value: ANA.email, shown: ANA.email },
    ])
    // The reverse: the phone's report offers the e-mail, and the CPF its records keep masked (to be typed whole).
    expect((await report('phone', ANA.phone)).related).toEqual([
      { kind: 'cpf', value: null, shown: '529.***.***-25' },
      { kind: 'email', value: ANA.email, shown: ANA.email },
    ])
    const bia = (await report('phone', BIA.phone)).total

    const erased = await invokeOrThrow(core(), 'privacy:erase', {
      kind: 'cpf',
      value: ANA.cpf,
      confirm: true,
      also: related.map((r) => ({ kind: r.kind, value: r.value ?? '' })),
    })
    expect(erased).toMatchObject({ storageClean: true, related: [] })
    for (const [kind, value] of [
      ['cpf', ANA.cpf],
      ['phone', ANA.phone],
      ['email', ANA.email],
    ] as const)
      expect([value, (await report(kind, value)).total]).toEqual([value, 0])
    expect((await report('phone', BIA.phone)).total).toBe(bia)
    expect(await places('cpf', BIA.cpf)).toContain('history: Consulta Data Trust: Respondida')
  })

  it('erasing the CPF alone leaves the phone, and says so with the identifiers it did not erase', async () => {
    await lookups()
    const erased = await invokeOrThrow(core(), 'privacy:erase', { kind: 'cpf', value: ANA.cpf, confirm: true })
    expect(erased.related.map((r) => r.value)).toEqual(['5511987654321', ANA.email])
    expect(await places('phone', ANA.phone)).toEqual([
      'history: Consulta Alerta: Respondida',
      'history: Consulta Alerta: Respondida',
    ])
  })

  it('finds a row kept before the index, and a list line, by the number split in their text', async () => {
    // As the history stored a Data Trust answer until now: CPF masked, only the CPF hashed, the phone in two fields
    // of the body, itself JSON inside the raw answer's JSON.
    const raw = (phone: string) =>
      JSON.stringify({ status: 200, body: JSON.stringify({ ID: 'DT1', AreaCode: '11', Phone: phone }) })
    const insert = core().context.db.prepare(
      `INSERT INTO history (at, environment, kind, identifier, masked, outcome, summary, duration_ms, raw)
       VALUES (?, 'sandbox', 'datatrust', '529.***.***-25', 1, 'ok', 'DT1 · 91.5', 1, ?)`,
    )
    for (const phone of ['987654321', '978654321']) insert.run(new Date().toISOString(), raw(phone))
    const rows = () => core().context.db.prepare('SELECT raw FROM history').all() as { raw: string }[]
    expect(rows()[0]?.raw).toContain(String.raw`\"AreaCode\":\"11\",\"Phone\":\"987654321\"`)
    mkdirSync(join(h.dataDir, 'batch-uploads'))
    const list = join(h.dataDir, 'batch-uploads', 'lista.csv')
    writeFileSync(list, 'Nome;DDD;Celular\r\nAna;11;98765-4321\r\nBia;11;97856-4321\r\n')

    expect(await places('phone', '11987654321')).toEqual(['history: Consulta Data Trust: Respondida'])
    expect(
      await invokeOrThrow(core(), 'privacy:erase', { kind: 'phone', value: ANA.phone, confirm: true }),
    ).toMatchObject({ removed: { history: 1, 'files.upload': 1 } })
    expect(rows().map((r) => r.raw)).toEqual([raw('978654321')])
    expect(readFileSync(list, 'utf8')).toBe('Nome;DDD;Celular\r\nBia;11;97856-4321\r\n')
  })

  it('finds and erases the line in the sandbox events of the settings and in a settings copy put aside', async () => {
    const at = new Date().toISOString()
    const events = ['5511987654321', '5511912345678'].map((msisdn) => ({
      msisdn,
      eventName: 'SIMCARD_CHANGED' as const,
      at,
    }))
    await invokeOrThrow(core(), 'settings:update', { sandbox: { extraEvents: events } })
    const aside = join(h.dataDir, 'settings.corrupt-2026-12-01T10-00-00-000Z.json')
    writeFileSync(aside, JSON.stringify({ sandbox: { extraEvents: events } }, null, 2))
    const found = await report('phone', '(11) 98765-4321')
    expect(found.records.map((r) => `${r.place}: ${r.text}`)).toEqual([
      'settings: Evento do sandbox na linha: Troca de SIM (chip)',
    ])
    expect(found.files).toEqual([{ path: aside, kind: 'settings', records: 1 }])

    const erased = await invokeOrThrow(core(), 'privacy:erase', {
      kind: 'phone',
      value: '5511987654321',
      confirm: true,
    })
    expect(erased).toMatchObject({ total: 2, removed: { settings: 1, 'files.settings': 1 } })
    const settings = readFileSync(join(h.dataDir, 'settings.json'), 'utf8')
    expect(settings).not.toContain('987654321')
    expect(settings).toContain('5511912345678')
    expect(readFileSync(aside, 'utf8')).not.toContain('987654321')
    expect(readFileSync(aside, 'utf8')).toContain('5511912345678')
    expect(
      core()
        .context.settings.get()
        .sandbox.extraEvents.map((e) => e.msisdn),
    ).toEqual(['5511912345678'])
  })
})
