import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { withCheckDigits } from '../../src-shared/domain/cpf'

/** A deterministic customer list as Excel writes it (`;`, formatted CPF and phone), streamed to disk. */
export async function writeCustomersCsv(
  path: string,
  options: { rows: number; unique: number; seed?: number },
): Promise<{ cpfs: string[] }> {
  let state = options.seed ?? 7
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
  const cpfs = Array.from({ length: options.unique }, (_, i) =>
    withCheckDigits(String(100_000_000 + i * 7919).slice(-9)),
  )
  const out = createWriteStream(path)
  out.write('Nome;CPF;Telefone Celular;E-mail\n')
  for (let i = 0; i < options.rows; i++) {
    // The first `unique` rows are all different; the rest repeat earlier customers.
    const n = i < options.unique ? i : Math.floor(random() * options.unique)
    const cpf = cpfs[n] ?? ''
    const phone = `(11) 9${String(1000 + (n % 9000)).padStart(4, '0')}-${String(n % 10_000).padStart(4, '0')}`
    const line = `Cliente ${i};${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)};${phone};cliente${n}@exemplo.com.br\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'close')
  return { cpfs }
}
