import { createHmac } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliWithPrivateKeychain, requireBuiltCli } from '../helpers/cli-harness'

/*
 * Issue #23 acceptance, as the tester found it: a Data Trust lookup keeps the phone as AreaCode + Phone in the raw
 * answer and the send journal, `sandbox-event` keeps it in settings.json; erasing the phone leaves no form of the
 * number in any byte under the data folder, and another person's records stay. Erasing a CPF offers the phone and
 * e-mail seen with it (the command to erase each), and `--with-related` takes them in the same act.
 */

const ANA = { cpf: '529.982.247-25', phone: '11 98765-4321', email: 'ana@example.com' }
const BIA = { cpf: '111.444.777-35', phone: '11 91234-5678', email: '' }

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

interface Report {
  records: { place: string; text: string }[]
  total: number
  related: { kind: string; value: string | null; shown: string }[]
}

describe('sentinela privacy: a person, not a string', () => {
  requireBuiltCli()
  const h = cliWithPrivateKeychain()
  const ok = async (args: string[]): Promise<string> => {
    const run = await h.cli(args)
    expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0)
    return run.stdout
  }
  const report = async (...args: string[]): Promise<Report> =>
    JSON.parse(await ok(['--json', 'privacy', 'report', ...args])) as Report
  const places = async (...args: string[]): Promise<string[]> =>
    (await report(...args)).records.map((r) => `${r.place}: ${r.text}`).sort()

  it('erasing a phone stored split (AreaCode/Phone), in raw answers and in settings leaves no form of it in any byte', async () => {
    for (const p of [ANA, BIA]) {
      await ok(['lookup', 'datatrust', '--cpf', p.cpf, '--phone', p.phone, ...(p.email ? ['--email', p.email] : [])])
      await ok(['lookup', 'alerts', '--msisdn', `(${p.phone.slice(0, 2)}) ${p.phone.slice(3)}`])
      await ok(['sandbox-event', '--msisdn', p.phone, '--event', 'SIMCARD_CHANGED'])
    }
    const bia = await places('--phone', BIA.phone)
    const found = await report('--phone', '(11) 98765-4321')
    expect(found.records.map((r) => `${r.place}: ${r.text}`).sort()).toEqual([
      'effects: Envio clearsale.transaction (done)',
      'history: Consulta Alerta: Respondida',
      'history: Consulta Data Trust: Respondida',
      'settings: Evento do sandbox na linha: Troca de SIM (chip)',
    ])

    const erased = JSON.parse(await ok(['--json', 'privacy', 'erase', '--phone', '(11) 98765-4321', '--yes'])) as {
      total: number
      storageClean: boolean
    }
    expect(erased).toMatchObject({ total: found.total, storageClean: true })

    // No written form of the number, and not even its keyed hash, in any file of the data folder.
    const key = Buffer.from(readFileSync(join(h.dataDir, 'privacy.key'), 'utf8').trim(), 'hex')
    const hash = createHmac('sha256', key).update('phone:5511987654321').digest('hex')
    const files = filesUnder(h.dataDir)
    expect(files.some((f) => f.endsWith('sentinela.db'))).toBe(true)
    expect(files.some((f) => f.endsWith('settings.json'))).toBe(true)
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1')
      expect([file, /987654321|98765\D{0,3}4321|5511987654321/.test(bytes), bytes.includes(hash)]).toEqual([
        file,
        false,
        false,
      ])
    }
    expect(await places('--phone', BIA.phone)).toEqual(bia)
    expect(readFileSync(join(h.dataDir, 'settings.json'), 'utf8')).toContain('5511912345678')
  }, 120_000) // a dozen CLI runs, each its own process

  it('erasing a CPF offers the phone and e-mail seen with it; --with-related takes its Alerta lookups too', async () => {
    await ok(['lookup', 'datatrust', '--cpf', ANA.cpf, '--phone', ANA.phone, '--email', ANA.email])
    for (let i = 0; i < 4; i++) await ok(['lookup', 'alerts', '--msisdn', ANA.phone])
    await ok(['lookup', 'alerts', '--msisdn', BIA.phone])
    const words = await ok(['privacy', 'report', '--cpf', ANA.cpf])
    const dir = `--data-dir ${h.dataDir}`
    expect(words).toContain(`Celular (11) 98765-4321: sentinela ${dir} privacy erase --phone 5511987654321 --yes`)
    expect(words).toContain(`E-mail ana@example.com: sentinela ${dir} privacy erase --email ana@example.com --yes`)
    expect(words).toContain(`sentinela ${dir} privacy erase --cpf 529.982.247-25 --with-related --yes`)

    const erased = await h.cli(['privacy', 'erase', '--cpf', ANA.cpf, '--with-related', '--yes'])
    expect(erased.code, erased.stderr).toBe(0)
    expect(JSON.parse(erased.stdout)).toMatchObject({ storageClean: true, related: [] })
    expect(await places('--phone', ANA.phone)).toEqual([])
    expect(await places('--email', ANA.email)).toEqual([])
    expect(await places('--phone', BIA.phone)).toEqual(['history: Consulta Alerta: Respondida'])
  }, 120_000)

  it('without --with-related, the erasure names what it left and the command it prints erases it', async () => {
    await ok(['lookup', 'datatrust', '--cpf', ANA.cpf, '--phone', ANA.phone])
    await ok(['lookup', 'alerts', '--msisdn', ANA.phone])
    const erased = await h.cli(['privacy', 'erase', '--cpf', ANA.cpf, '--yes'])
    expect(erased.code, erased.stderr).toBe(0)
    const offered = /Celular \(11\) 98765-4321: sentinela (.+)$/m.exec(erased.stderr)?.[1]
    expect(offered).toBe(`--data-dir ${h.dataDir} privacy erase --phone 5511987654321 --yes`)
    expect(await places('--phone', ANA.phone)).toEqual(['history: Consulta Alerta: Respondida'])
    await ok((offered ?? '').split(' ').slice(2)) // the harness names the data folder itself
    expect(await places('--phone', ANA.phone)).toEqual([])
  }, 120_000)
})
